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
        foreach (var account in DemoData.AllBureaus.SelectMany(b => b.Accounts))
        {
            Assert.Contains(seed.OutputLines, l => l.TrimStart().StartsWith(account.UserName + " ", StringComparison.Ordinal) && l.Contains(account.Name));
        }

        List<Case> cases;
        long auditEntries;
        Dictionary<string, int> chains;
        await using (var context = fresh.Open())
        {
            cases = await context.Cases.AsNoTracking().ToListAsync();
            auditEntries = await context.AuditEntries.LongCountAsync();
            var lengths = await context.AuditEntries.GroupBy(e => e.BureauId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
            chains = (await context.Bureaus.AsNoTracking().ToListAsync())
                .ToDictionary(b => $"{b.Code}（{b.Name}）", b => lengths.Single(l => l.Key == b.Id).Count);
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
        // One chain per bureau, each checked and named, and every demo case's rows agree with its chain.
        Assert.Equal(3, chains.Count);
        Assert.Equal(chains.Select(c => $"{c.Key}：审计日志完整：共 {c.Value} 条记录，哈希链校验通过。案件状态、认定结果、结果运用记录和备案与审计日志一致。").Order(),
            verify.OutputLines.Order());
        var one = await AdminCli.RunAsync(["audit", "verify", "--bureau", "qh-bh"], settings);
        Assert.True(one.ExitCode == 0, one.ToString());
        Assert.StartsWith("qh-bh（白河县市场监督管理局）：审计日志完整", Assert.Single(one.OutputLines));
        var unknown = await AdminCli.RunAsync(["audit", "verify", "--bureau", "nowhere"], settings);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("没有代码为“nowhere”的局", unknown.Error);

        var again = await AdminCli.RunAsync(["seed-demo"], settings);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("数据库中已有数据，未写入演示数据。", again.Output);
        Assert.DoesNotContain("已写入演示数据。", again.Output);
        await using (var context = fresh.Open())
        {
            Assert.Equal(cases.Count, await context.Cases.CountAsync());
            Assert.Equal(auditEntries, await context.AuditEntries.LongCountAsync());
            Assert.Equal(DemoData.AllBureaus.Sum(b => b.Accounts.Count), await context.Users.CountAsync());
        }
    }
}
