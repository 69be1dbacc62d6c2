using System.Net;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Audit;
using SafeHarbor.IntegrationTests.Cli;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Audit;

/// <summary>
/// The audit log is a SM3 hash chain. After real commands it verifies; after anyone edits, deletes,
/// inserts, reorders or truncates entries directly in the database, both <c>audit verify</c> and
/// GET /api/audit/verify name the first entry that no longer fits.
/// </summary>
[Article("6")]
public sealed class AuditChainTests
{
    /// <summary>
    /// Register, apply, start verification and record seven findings: at least ten entries, with the sign-ins. The audit
    /// administrator signs in before anyone tampers (a sign-in is itself an entry of the chain).
    /// </summary>
    private static async Task<(TestApp App, long Count)> AppWithRealHistoryAsync(Db db)
    {
        var app = await TestApp.StartAsync(db);
        var flow = new Support.Procedure(app);
        var c = await flow.RegisterAsync();
        await flow.ApplyAsync(c);
        await flow.VerifyAsync(c);
        _ = app.As("auditadmin");
        var count = await app.WithDbAsync(d => d.AuditEntries.LongCountAsync());
        Assert.True(count >= 10, $"expected at least ten audit entries after register, apply and verify, found {count}");
        return (app, count);
    }

    private static Task<CliResult> AuditVerifyAsync(TestApp app) => AdminCli.RunAsync(["audit", "verify"], AdminCli.DatabaseOf(app));

    private static Task TamperAsync(TestApp app, Func<RawSql, Task> tamper) =>
        app.WithDbAsync(d => tamper(new RawSql(d)));

    /// <summary>Asserts what the audit administrator sees on the command line and through the API once the chain is broken.</summary>
    private static async Task AssertBrokenAtAsync(TestApp app, long sequence, string because)
    {
        var cli = await AuditVerifyAsync(app);
        Assert.True(cli.ExitCode == 1, cli.ToString());
        Assert.DoesNotContain("审计日志完整", cli.Output + cli.Error);
        Assert.Contains($"第 {sequence} 条", cli.Error);
        Assert.Contains(because, cli.Error);

        var api = await app.As("auditadmin").GetOkAsync("/api/audit/verify");
        Assert.False(api.GetProperty("isIntact").GetBoolean());
        Assert.Equal(sequence, api.GetProperty("firstBadSequence").GetInt64());
        Assert.Contains($"第 {sequence} 条", api.GetProperty("message").GetString());
    }

    [Theory, AllDatabases]
    public async Task A_chain_written_by_real_commands_verifies_on_the_command_line_and_for_the_audit_administrator_only(Db db)
    {
        var (app, count) = await AppWithRealHistoryAsync(db);
        await using var _ = app;

        var cli = await AuditVerifyAsync(app);
        Assert.True(cli.ExitCode == 0, cli.ToString());
        Assert.Contains("审计日志完整", cli.Output);
        Assert.Contains($"共 {count} 条记录", cli.Output);
        Assert.Equal("", cli.Error);

        var api = await app.As("auditadmin").GetOkAsync("/api/audit/verify");
        Assert.True(api.GetProperty("isIntact").GetBoolean());
        Assert.Equal(count, api.GetProperty("entriesChecked").GetInt64());

        foreach (var user in new[] { "sysadmin", "inv", "m1", "staffA" })
        {
            using var refused = await app.As(user).GetAsync("/api/audit/verify");
            Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"{user}: {(int)refused.StatusCode}");
        }
    }

    [Theory, AllDatabases]
    public async Task Editing_the_details_of_an_entry_breaks_the_chain_at_that_entry(Db db)
    {
        var (app, _) = await AppWithRealHistoryAsync(db);
        await using var __ = app;

        const string harmless = "{\"step\":\"登记问责事项\"}";
        await TamperAsync(app, d => d.ExecuteAsync($"UPDATE \"AuditEntries\" SET \"Details\" = {harmless} WHERE \"Sequence\" = {3L}"));

        await AssertBrokenAtAsync(app, 3, "内容与其 SM3 哈希不符");
    }

    [Theory, AllDatabases]
    public async Task Deleting_an_entry_in_the_middle_is_reported_as_that_entry_missing(Db db)
    {
        var (app, _) = await AppWithRealHistoryAsync(db);
        await using var __ = app;

        await TamperAsync(app, d => d.ExecuteAsync($"DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = {5L}"));

        await AssertBrokenAtAsync(app, 5, "第 5 条记录缺失（下一条是第 6 条）");
    }

    [Theory, AllDatabases]
    public async Task A_forged_entry_inserted_with_a_correct_hash_is_caught_at_the_genuine_entry_after_it(Db db)
    {
        var (app, count) = await AppWithRealHistoryAsync(db);
        await using var __ = app;

        // The forger knows the algorithm: entry 3 becomes a well-formed entry chained after entry 2,
        // and entries 3..n are renumbered 4..n+1 to make room (two steps, so the key never collides).
        var second = await app.WithDbAsync(d => d.AuditEntries.AsNoTracking().SingleAsync(e => e.Sequence == 2));
        var forged = new AuditEntry
        {
            Sequence = 3,
            OccurredAt = second.OccurredAt,
            ActorUserId = second.ActorUserId,
            ActorName = second.ActorName,
            ActingAs = second.ActingAs,
            Action = second.Action,
            EntityType = second.EntityType,
            EntityId = second.EntityId,
            CaseId = second.CaseId,
            Details = "{\"step\":\"伪造的记录\"}",
            PreviousHash = second.Hash,
            Hash = "",
        };
        forged.Hash = forged.ComputeHash();
        await TamperAsync(app, async d =>
        {
            await d.ExecuteAsync($"UPDATE \"AuditEntries\" SET \"Sequence\" = -\"Sequence\" - 1 WHERE \"Sequence\" > {2L}");
            await d.ExecuteAsync($"UPDATE \"AuditEntries\" SET \"Sequence\" = -\"Sequence\" WHERE \"Sequence\" < {0L}");
            await d.ExecuteAsync($"""
                INSERT INTO "AuditEntries" ("BureauId", "Sequence", "OccurredAt", "ActorUserId", "ActorName", "ActingAs", "Action", "EntityType", "EntityId", "CaseId", "Details", "PreviousHash", "Hash")
                SELECT "BureauId", {forged.Sequence}, "OccurredAt", "ActorUserId", "ActorName", "ActingAs", "Action", "EntityType", "EntityId", "CaseId", {forged.Details}, {forged.PreviousHash}, {forged.Hash}
                FROM "AuditEntries" WHERE "Sequence" = {2L}
                """);
        });
        Assert.Equal(count + 1, await app.WithDbAsync(d => d.AuditEntries.LongCountAsync()));

        // Entry 3 (the forgery) fits after entry 2; the genuine entry now numbered 4 still names entry 2 as its predecessor.
        await AssertBrokenAtAsync(app, 4, "与前一条记录衔接不上");
    }

    [Theory, AllDatabases]
    public async Task Swapping_two_entries_breaks_the_chain_at_the_first_of_them(Db db)
    {
        var (app, _) = await AppWithRealHistoryAsync(db);
        await using var __ = app;

        await TamperAsync(app, async d =>
        {
            await d.ExecuteAsync($"UPDATE \"AuditEntries\" SET \"Sequence\" = {-1L} WHERE \"Sequence\" = {6L}");
            await d.ExecuteAsync($"UPDATE \"AuditEntries\" SET \"Sequence\" = {6L} WHERE \"Sequence\" = {7L}");
            await d.ExecuteAsync($"UPDATE \"AuditEntries\" SET \"Sequence\" = {7L} WHERE \"Sequence\" = {-1L}");
        });

        await AssertBrokenAtAsync(app, 6, "与前一条记录衔接不上");
    }

    [Theory, AllDatabases]
    public async Task Deleting_the_last_entry_is_caught_by_the_recorded_chain_head(Db db)
    {
        var (app, count) = await AppWithRealHistoryAsync(db);
        await using var __ = app;

        await TamperAsync(app, d => d.ExecuteAsync($"DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = {count}"));

        await AssertBrokenAtAsync(app, count, "末尾记录被删除或被追加");
    }

    /// <summary>Raw SQL on the app's own context, as someone with database access would type it (identifiers quoted for both providers).</summary>
    private sealed class RawSql(SafeHarbor.Infrastructure.Persistence.SafeHarborDb db)
    {
        public async Task ExecuteAsync(FormattableString sql)
        {
            var rows = await db.Database.ExecuteSqlAsync(sql);
            Assert.True(rows > 0, $"the tampering statement changed no row: {sql.Format}");
        }
    }
}
