using SafeHarbor.Calendar;
using SafeHarbor.Features.Admin;
using SafeHarbor.Features.ProvisionalDeadlines;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Web;

namespace SafeHarbor.Host;

public static class StartupTasks
{
    /// <summary>
    /// Migrates the database, checks the data files (policies, holiday calendar, document templates) and, when
    /// they load, fills an empty database with the demo bureau (unless <c>Demo:Seed</c> is false) and recomputes
    /// provisional deadlines on any holiday notice added since the last start. A broken data file never stops the
    /// start: it is one Chinese line on <paramref name="error"/>, and <c>/health</c> answers degraded.
    /// </summary>
    public static async Task PrepareDatabaseAsync(IServiceProvider services, IConfiguration configuration, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeHarborDb>();
            await DatabaseSetup.MigrateAsync(db, ct);
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
            if (configuration.GetValue("Demo:Seed", true) && await DemoData.SeedAsync(scope.ServiceProvider, ct))
            {
                output.WriteLine("数据库为空，已写入演示数据（青禾市市场监督管理局及其下白河县、东山区两个县区局）。");
            }
            if (await DemoData.IsSeededAsync(db, ct))
            {
                DemoData.PrintAccounts(output);
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
