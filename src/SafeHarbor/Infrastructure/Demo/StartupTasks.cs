using SafeHarbor.Calendar;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Infrastructure.Demo;

public static class StartupTasks
{
    /// <summary>Migrates the database and, unless <c>Demo:Seed</c> is false, fills an empty one with the demo bureau.</summary>
    public static async Task PrepareDatabaseAsync(IServiceProvider services, IConfiguration configuration, TextWriter output, CancellationToken ct = default)
    {
        // Load the policy files and the holiday calendar now: a malformed file stops the start, naming the file.
        services.GetRequiredService<PolicyCatalog>();
        services.GetRequiredService<WorkingDayCalendar>();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeHarborDb>();
        await DatabaseSetup.MigrateAsync(db, ct);
        if (configuration.GetValue("Demo:Seed", true) && await DemoData.SeedAsync(scope.ServiceProvider, ct))
        {
            output.WriteLine("数据库为空，已写入演示数据（青禾市市场监督管理局）。");
        }
        if (await DemoData.IsSeededAsync(db, ct))
        {
            DemoData.PrintAccounts(output);
        }
    }
}
