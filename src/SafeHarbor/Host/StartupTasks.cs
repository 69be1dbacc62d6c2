using SafeHarbor.Calendar;
using SafeHarbor.Features.Admin;
using SafeHarbor.Features.ProvisionalDeadlines;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Web;

namespace SafeHarbor.Host;

public static class StartupTasks
{
    /// <summary>
    /// Migrates the database (unless <c>Database:MigrateAtStart</c> is false: then a schema that is not current stops
    /// the rest, and <c>/health/ready</c> says so), checks the data files (policies, holiday calendar, document templates) and, when
    /// they load, fills an empty database with the demo bureau when <c>Demo:Seed</c> is true and recomputes
    /// provisional deadlines on any holiday notice added since the last start. A broken data file never stops the
    /// start: it is one Chinese line on <paramref name="error"/>, and <c>/health</c> answers degraded.
    /// </summary>
    public static async Task PrepareDatabaseAsync(IServiceProvider services, IConfiguration configuration, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeHarborDb>();
            if (configuration.GetValue("Database:MigrateAtStart", true))
            {
                await DatabaseSetup.MigrateAsync(db, ct);
            }
            else if (await DatabaseSetup.NotReadyReasonAsync(db, ct) is { } notReady)
            {
                // Several nodes, upgraded by one `safeharbor migrate`: a node never changes the schema itself. It
                // starts, says why on /health/ready, and leaves the database alone until the schema is current.
                error.WriteLine($"启动检查：{notReady}");
                return;
            }
            // Added holiday notices live in the database (every node reads them); those earlier versions
            // wrote as files are moved there once.
            var calendars = services.GetRequiredService<CalendarSource>();
            var directory = configuration["Calendar:AddedDirectory"] is { Length: > 0 } added ? added : CalendarSource.DefaultAddedDirectory;
            var moved = await CalendarNotices.ImportFilesAsync(db, calendars, directory, services.GetRequiredService<TimeProvider>(), ct);
            if (moved.Count > 0)
            {
                output.WriteLine($"已将 {Path.GetFullPath(directory)} 中 {string.Join("、", moved)} 年的节假日安排移入数据库（此后以数据库为准，可删除这些文件）。");
            }
            await CalendarNotices.RefreshAsync(db, calendars, ct);
        }

        var problems = DataFiles.Check(services);
        foreach (var problem in problems)
        {
            error.WriteLine($"启动检查：{problem.Message}");
        }
        if (problems.Any(p => p.Blocking))
        {
            return;
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeHarborDb>();
            // Off unless asked for (Properties/launchSettings.json asks for it on `dotnet run`): a production database starts empty.
            if (configuration.GetValue("Demo:Seed", false) && await DemoData.SeedAsync(scope.ServiceProvider, ct))
            {
                output.WriteLine("数据库为空，已写入演示数据（青禾市市场监督管理局及其下白河县、东山区两个县区局）。");
            }
            if (await DemoData.IsSeededAsync(db, ct))
            {
                DemoData.PrintAccounts(output);
            }
            else if (await CreateFirstAdministrator.IsOpenAsync(db, ct))
            {
                output.WriteLine("系统中还没有账号：请在服务器上运行 safeharbor admin create --user 用户名 --name 显示名称 创建第一位系统管理员，或在浏览器中打开 /setup。");
            }
        }

        var recomputed = await RecomputeDeadlines.RunForEveryBureauAsync(services.GetRequiredService<IServiceScopeFactory>(), ct);
        if (recomputed.Count > 0)
        {
            output.WriteLine($"已按新载入的节假日安排重算 {recomputed.Count} 个暂定期限，其中 {recomputed.Count(d => d.Moved)} 个日期有调整。");
        }
        var calendar = services.GetRequiredService<CalendarSource>().Current;
        output.WriteLine(DataFiles.DescribeCalendar(calendar, ChinaClock.Today(services.GetRequiredService<TimeProvider>())));
    }
}
