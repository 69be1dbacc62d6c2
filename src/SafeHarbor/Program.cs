using SafeHarbor.Host;
using SafeHarbor.Infrastructure.Web;

if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(args, Console.In, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    // The default address of the README; --urls or ASPNETCORE_URLS change it.
    builder.WebHost.UseUrls("http://localhost:5080");
}
builder.AddSafeHarborWeb();

var app = builder.Build();
await StartupTasks.PrepareDatabaseAsync(app.Services, app.Configuration, Console.Out, Console.Error);
app.MapSafeHarbor();
await app.RunAsync();
return 0;

/// <summary>Lets WebApplicationFactory find the entry point.</summary>
public partial class Program;
