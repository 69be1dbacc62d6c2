using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Host;
using SafeHarbor.IntegrationTests.Persistence;
using SafeHarbor.IntegrationTests.Support;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.IntegrationTests.Cli;

/// <summary><c>migrate</c> and <c>seed-demo</c> as an administrator runs them on a new, empty database.</summary>
public sealed class DatabaseCommandTests
{
    [Theory, AllDatabases]
    public async Task Migrate_then_seed_demo_fills_an_empty_database_once_with_cases_at_every_stage_and_a_verifiable_chain(Db db)
    {
        await using var fresh = await EmptyDatabase.CreateAsync(db);
        var settings = fresh.Settings();
        Assert.False(await fresh.HasAnyTableAsync());

        var migrate = await AdminCli.RunAsync(["migrate"], settings);
        Assert.True(migrate.ExitCode == 0, migrate.ToString());
        Assert.Equal([$"数据库已是最新结构（{db}）。"], migrate.OutputLines);

        var seed = await AdminCli.RunAsync(["seed-demo"], settings);
        Assert.True(seed.ExitCode == 0, seed.ToString());
        Assert.Contains("已写入演示数据。", seed.Output);
        Assert.Contains($"演示账号（密码均为 {DemoData.Password}）：", seed.Output);
        foreach (var account in DemoData.Accounts)
        {
            Assert.Contains(seed.OutputLines, l => l.TrimStart().StartsWith(account.UserName + " ", StringComparison.Ordinal) && l.Contains(account.Name));
        }

        List<Case> cases;
        long auditEntries;
        await using (var context = fresh.Open())
        {
            cases = await context.Cases.AsNoTracking().ToListAsync();
            auditEntries = await context.AuditEntries.LongCountAsync();
        }
        string Describe() => string.Join("\n", cases.Select(c => $"{c.Number} {c.Status} {c.Decision?.Outcome} repeat={c.IsRepeat} {c.Title}"));
        Assert.True(cases.Any(c => c.Status == CaseStatus.Archived && c.Decision?.Outcome == Outcome.Exempted), Describe());
        Assert.True(cases.Any(c => c.Decision?.Outcome == Outcome.NotExempted), Describe());
        Assert.True(cases.Any(c => c.Decision?.Outcome == Outcome.Mitigated), Describe());
        Assert.True(cases.Any(c => c.Status == CaseStatus.Refused), Describe());
        Assert.True(cases.Any(c => c.Status == CaseStatus.Withdrawn), Describe());
        Assert.True(cases.Any(c => c.IsRepeat), Describe());
        Assert.True(cases.Any(c => c.Status == CaseStatus.Registered), Describe());
        Assert.True(cases.Any(c => c.Status == CaseStatus.Scheduled), Describe());

        var verify = await AdminCli.RunAsync(["audit", "verify"], settings);
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Contains($"审计日志完整：共 {auditEntries} 条记录", verify.Output);

        var again = await AdminCli.RunAsync(["seed-demo"], settings);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("数据库中已有数据，未写入演示数据。", again.Output);
        Assert.DoesNotContain("已写入演示数据。", again.Output);
        await using (var context = fresh.Open())
        {
            Assert.Equal(cases.Count, await context.Cases.CountAsync());
            Assert.Equal(auditEntries, await context.AuditEntries.LongCountAsync());
            Assert.Equal(DemoData.Accounts.Count, await context.Users.CountAsync());
        }
    }
}
