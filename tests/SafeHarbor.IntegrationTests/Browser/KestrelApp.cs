using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.BrowserUi;

/// <summary>
/// The whole app served by Kestrel on a free loopback port (.NET 10's <c>UseKestrel(0)</c>), so a real
/// browser can reach it over HTTP. Otherwise as <see cref="TestApp"/>: its own SQLite file, the same
/// settings, a <see cref="TestClock"/> the test sets, and the <see cref="Cast"/> seeded.
/// (<see cref="TestApp"/> itself cannot be used: it is sealed and starts the in-memory TestServer.)
/// </summary>
public sealed class KestrelApp : WebApplicationFactory<Program>, IAuthenticatorKeys
{
    private readonly Dictionary<string, string?> settings;
    private readonly string workDirectory;

    private KestrelApp(TestDatabase database)
    {
        Database = database;
        workDirectory = HostSettings.NewWorkDirectory();
        settings = HostSettings.For(database, workDirectory, seedDemo: false);
        UseKestrel(0);
    }

    public TestDatabase Database { get; }
    public TestClock Clock { get; } = new();

    /// <summary>What the app logged as errors (with the exception), for the failure message of a test.</summary>
    public ServerErrors Errors { get; } = new();

    /// <summary>Every request the app answered with 4xx or 5xx, as "404 GET /path".</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Refusals { get; } = new();
    public Cast Cast { get; private set; } = null!;
    public Dictionary<string, string> AuthenticatorKeyOf => Cast.AuthenticatorKeyOf;
    public bool EnrolsOnFirstSignIn => false;

    /// <summary>Where the browser finds the app, e.g. http://127.0.0.1:41234.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<KestrelApp> StartAsync()
    {
        var database = await TestDatabase.CreateAsync(Db.Sqlite);
        var app = new KestrelApp(database);
        app.StartServer(); // runs Program: migrations and startup tasks, then Kestrel listens
        app.BaseAddress = app.ClientOptions.BaseAddress;
        Assert.True(app.BaseAddress.Port > 0 && app.BaseAddress.Scheme == "http", $"Kestrel address: {app.BaseAddress}");
        app.Cast = await Cast.SeedAsync(app.Services);
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(settings));
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
        builder.ConfigureLogging(logging => logging.AddProvider(Errors));
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new RefusalRecorder(Refusals)));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
        if (Directory.Exists(workDirectory))
        {
            Directory.Delete(workDirectory, recursive: true);
        }
    }
}

/// <summary>Collects the app's log entries of level Error and above.</summary>
public sealed class ServerErrors : ILoggerProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> entries = new();

    public IReadOnlyList<string> All => entries.ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(ServerErrors owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner.entries.Enqueue($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : "\n" + exception)}");
            }
        }
    }
}

/// <summary>Notes the requests the app answers with 4xx or 5xx, before anything else in the pipeline.</summary>
internal sealed class RefusalRecorder(System.Collections.Concurrent.ConcurrentQueue<string> refusals) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            await nextMiddleware(context);
            if (context.Response.StatusCode >= 400)
            {
                refusals.Enqueue($"{context.Response.StatusCode} {context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
            }
        });
        next(app);
    };
}
