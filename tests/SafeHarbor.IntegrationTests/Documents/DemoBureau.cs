using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SafeHarbor.Cases;
using SafeHarbor.Host;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Documents;

/// <summary>
/// The whole app over a fresh database of its own, seeded at start with the demo bureau (青禾市市场监督管理局,
/// 14 cases at every stage) exactly as a first start does (<c>Demo:Seed=true</c>), on a <see cref="TestClock"/>
/// so that the demo timeline is the same every run. (<see cref="TestApp"/> seeds its own small cast instead,
/// which cannot live in the same database as the demo bureau.)
/// </summary>
public sealed class DemoBureau : WebApplicationFactory<Program>, IAuthenticatorKeys
{
    /// <summary>The demo's "today": a Monday in 2026, so every date of the demo script lies in 2026.</summary>
    public static readonly DateOnly Today = new(2026, 9, 21);

    private readonly Dictionary<string, string?> settings;
    private readonly Dictionary<string, HttpClient> clients = [];
    private readonly string workDirectory;

    private DemoBureau(TestDatabase database, IDictionary<string, string?> overrides, DateOnly today)
    {
        Database = database;
        Clock.SetToday(today);
        workDirectory = HostSettings.NewWorkDirectory();
        settings = HostSettings.For(database, workDirectory, seedDemo: true, overrides);
    }

    public TestDatabase Database { get; }
    public TestClock Clock { get; } = new();

    /// <summary>The settings the administrator commands need to reach this app's database.</summary>
    public Dictionary<string, string?> CliSettings => new()
    {
        ["Database:Provider"] = Database.Kind.ToString(),
        ["Database:ConnectionString"] = Database.ConnectionString,
        ["Documents:TemplateDirectory"] = settings.GetValueOrDefault("Documents:TemplateDirectory"),
    };

    /// <param name="today">The day the demo is seeded on (default <see cref="Today"/>): the demo script dates itself back from it.</param>
    public static async Task<DemoBureau> StartAsync(Db kind, IDictionary<string, string?>? overrides = null, DateOnly? today = null)
    {
        var database = await TestDatabase.CreateAsync(kind);
        var app = new DemoBureau(database, overrides ?? new Dictionary<string, string?>(), today ?? Today);
        _ = app.Server; // runs Program: migrations, then the demo seed on the empty database
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(settings));
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>A client signed in as a demo account (password <see cref="DemoData.Password"/>).</summary>
    public HttpClient As(string userName)
    {
        if (clients.TryGetValue(userName, out var existing))
        {
            return existing;
        }
        var client = CreateClient();
        object login = AuthenticatorKeyOf.TryGetValue(userName, out var key)
            ? new { userName, password = DemoData.Password, twoFactorCode = Authenticator.Code(key) }
            : new { userName, password = DemoData.Password };
        var response = client.PostAsJsonAsync("/api/auth/login", login).GetAwaiter().GetResult();
        var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"login as {userName} failed: {(int)response.StatusCode} {body}");
        }
        var token = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (EnrolIfAskedAsync(client, userName).GetAwaiter().GetResult())
        {
            clients.Remove(userName);
            return As(userName); // enrolling ended this token: sign in again, now with the code
        }
        clients[userName] = client;
        return client;
    }

    /// <summary>The keys the demo's administrators enrolled at their first sign-in here (their phones).</summary>
    public Dictionary<string, string> AuthenticatorKeyOf { get; } = [];

    public bool EnrolsOnFirstSignIn => true;

    /// <summary>A demo administrator enrols her authenticator through the API at her first sign-in, as the app asks.</summary>
    private async Task<bool> EnrolIfAskedAsync(HttpClient client, string userName)
    {
        var me = await client.GetOkAsync("/api/me");
        if (me.GetProperty("pendingStep").GetString() != "EnrolSecondFactor")
        {
            return false;
        }
        var key = (await client.GetOkAsync("/api/auth/two-factor")).GetProperty("sharedKey").GetString()!;
        await client.PostJsonAsync("/api/auth/two-factor", new { code = Authenticator.Code(key) }).OkAsync();
        AuthenticatorKeyOf[userName] = key;
        return true;
    }

    /// <summary>Drops the signed-in clients, e.g. after moving the clock past their tokens' lifetime.</summary>
    public void SignInAgain()
    {
        foreach (var c in clients.Values)
        {
            c.Dispose();
        }
        clients.Clear();
    }

    /// <summary>The office (孙晓梅, 党组秘书) sees every case.</summary>
    public HttpClient Office => As("sunxm");

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>Works with the database as the city bureau (青禾市, code <c>qh</c>) sees it; its county bureaus' rows are filtered out.</summary>
    public Task<T> WithDbAsync<T>(Func<SafeHarborDb, Task<T>> work) =>
        WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SafeHarborDb>();
            db.ScopeTo(await db.Bureaus.Where(b => b.Code == "qh").Select(b => b.Id).SingleAsync());
            return await work(db);
        });

    public Task<List<Case>> CasesAsync() => WithDbAsync(db => db.Cases.AsNoTracking().OrderBy(c => c.Number).ToListAsync());

    /// <summary>The demo case whose title is exactly <paramref name="title"/>.</summary>
    public async Task<Case> CaseAsync(string title) =>
        await WithDbAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.Title == title));

    public override async ValueTask DisposeAsync()
    {
        foreach (var c in clients.Values)
        {
            c.Dispose();
        }
        await base.DisposeAsync();
        await Database.DisposeAsync();
        if (Directory.Exists(workDirectory))
        {
            Directory.Delete(workDirectory, recursive: true);
        }
    }
}

/// <summary>The demo cases by title (DemoData's script), for the stages the document tests rely on.</summary>
public static class DemoCases
{
    /// <summary>1. Exempted, feedback delivered, published by written circular, archived.</summary>
    public const string ArchivedExempted = "城东分局对首次轻微违法食品经营者不予处罚后抽检复查不及时";

    /// <summary>2. Not exempted (a substantiated report of a favour); feedback delivered.</summary>
    public const string NotExempted = "城西分局对涉嫌哄抬口罩价格的药店仅作提醒告诫未立案查处";

    /// <summary>3. Mitigated; feedback issued, not delivered.</summary>
    public const string MitigatedWithFeedback = "综合支队对未办理使用登记的锅炉责令改正后复查不到位";

    /// <summary>4. The application came too late: refused (不予受理).</summary>
    public const string Refused = "高新区分局对医疗美容机构违法广告仅责令删除未予处罚";

    /// <summary>5. Withdrawn by the applicant unit during verification.</summary>
    public const string Withdrawn = "青禾县局城关所在企业登记中容缺受理后补正材料审核把关不严";

    /// <summary>6. A repeat of case 1, applied for.</summary>
    public const string RepeatApplied = "城东分局对首次轻微违法食品经营者不予处罚后再次未按时抽检复查";

    /// <summary>7. Registered, waiting for the application.</summary>
    public const string Registered = "城东分局对集贸市场电子计价秤强制检定督促不力";

    /// <summary>8. Registered today, a unit as subject.</summary>
    public const string RegisteredToday = "综合支队对商标侵权案件适用首违不罚后当事人再次违法";

    /// <summary>9. Under verification, guidance asked for (no reply yet) and material requested.</summary>
    public const string GuidanceAndSupplement = "城关所对药店处方药销售登记不规范予以指导整改后未复查";

    /// <summary>10. Report submitted after guidance was given; waiting to be scheduled.</summary>
    public const string Reported = "城西分局对小作坊产品质量问题以行政指导代替处罚";

    /// <summary>11. On the agenda of an open meeting, three of five have voted.</summary>
    public const string Scheduled = "高新区分局对网络交易平台内经营者资质核验指导不到位";

    /// <summary>12. Decided (mitigated), waiting for the written feedback.</summary>
    public const string DecidedMitigated = "综合支队对消费纠纷调解中经营者承诺整改未跟踪";

    /// <summary>13. Exempted, feedback delivered, published at a meeting, not filed.</summary>
    public const string PublishedAtMeeting = "城东分局对企业标准自我声明公开抽查发现问题以指导代替处罚";

    /// <summary>14. Under verification, some findings recorded.</summary>
    public const string UnderVerification = "城东分局在夜市流动摊贩包容审慎监管中执法文书送达程序瑕疵";
}
