using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeHarbor.Audit;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Security;
using SafeHarbor.IntegrationTests.Cli;
using SafeHarbor.IntegrationTests.Support;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.IntegrationTests.Audit;

/// <summary>
/// A filed case (every step, the decision, its result records and the filing in the chain) followed by a few
/// security events, and what someone with write access to the database does to the chain and the case rows.
/// </summary>
internal static class ChainTampering
{
    public const string BureauCode = "test";

    /// <summary>An exempted case taken through to filing, then three sign-ins: the chain ends with entries no case row repeats.</summary>
    public static async Task<CaseRef> FiledCaseThenSignInsAsync(TestApp app)
    {
        var flow = new Support.Procedure(app);
        var c = await flow.RegisterAsync("staffA");
        await flow.ApplyAsync(c);
        await flow.VerifyAsync(c);
        await flow.ReportAsync(c, Outcome.Exempted);
        await flow.DecideAtMeetingAsync(c, Outcome.Exempted);
        await flow.FeedbackDeliveredAndAcknowledgedAsync(c);
        await flow.ArchiveAsync(c);
        await SignInsAsync(app, 3);
        return c;
    }

    public static async Task SignInsAsync(TestApp app, int count)
    {
        var events = app.Services.GetRequiredService<SecurityEventLog>();
        for (var i = 0; i < count; i++)
        {
            await events.RecordAsync(new SecurityEvent(SecurityEventKinds.SignIn, app.Cast.BureauId, app.Cast.UserIdOf["inv"], "调查员", "inv"));
        }
    }

    public static Dictionary<string, string?> CliSettings(TestApp app) => AdminCli.DatabaseOf(app);

    public static string CheckpointDirectory(TestApp app) => app.Settings["Audit:CheckpointDirectory"]!;

    public static Task<CliResult> VerifyAsync(TestApp app, bool withCheckpoints, params string[] more) =>
        AdminCli.RunAsync([.. new[] { "audit", "verify" }, .. withCheckpoints ? new[] { "--checkpoints", CheckpointDirectory(app) } : [], .. more], CliSettings(app));

    public static async Task<long> CheckpointNowAsync(TestApp app)
    {
        var signed = await AdminCli.RunAsync(["audit", "checkpoint"], CliSettings(app));
        Assert.True(signed.ExitCode == 0, signed.ToString());
        return await HeadAsync(app);
    }

    public static Task<long> HeadAsync(TestApp app) => app.WithDbAsync(d => d.AuditHeads.Select(h => h.LastSequence).SingleAsync());

    public static Task<int> SqlAsync(TestApp app, FormattableString sql) => app.WithDbAsync(d => d.Database.ExecuteSqlAsync(sql));

    /// <summary>Rewrites entries from <paramref name="from"/> on so every link and hash fits again, and moves the head: what a forger who knows SM3 does.</summary>
    public static Task RechainAsync(TestApp app, long from, Action<AuditEntry>? edit = null) => app.WithDbAsync(async d =>
    {
        var entries = await d.AuditEntries.Where(e => e.Sequence >= from - 1).OrderBy(e => e.Sequence).ToListAsync();
        var previous = entries[0].Sequence == from - 1 ? entries[0].Hash : AuditEntry.GenesisHash;
        foreach (var e in entries.Where(e => e.Sequence >= from))
        {
            if (e.Sequence == from)
            {
                edit?.Invoke(e);
            }
            e.PreviousHash = previous;
            e.Hash = e.ComputeHash();
            previous = e.Hash;
        }
        await d.SaveChangesAsync();
        var last = entries[^1];
        await d.Database.ExecuteSqlAsync($"UPDATE \"AuditHeads\" SET \"LastSequence\" = {last.Sequence}, \"LastHash\" = {last.Hash}");
    });

    /// <summary>Appends a well-formed entry after the head and moves the head to it.</summary>
    public static Task AppendAsync(TestApp app, Func<AuditEntry, AuditEntry> forge) => app.WithDbAsync(async d =>
    {
        var last = await d.AuditEntries.OrderByDescending(e => e.Sequence).FirstAsync();
        var forged = forge(last);
        forged.BureauId = last.BureauId;
        forged.Sequence = last.Sequence + 1;
        forged.PreviousHash = last.Hash;
        forged.Hash = forged.ComputeHash();
        d.AuditEntries.Add(forged);
        await d.SaveChangesAsync();
        await d.Database.ExecuteSqlAsync($"UPDATE \"AuditHeads\" SET \"LastSequence\" = {forged.Sequence}, \"LastHash\" = {forged.Hash}");
    });
}
