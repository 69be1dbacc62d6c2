using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeHarbor.Audit;
using SafeHarbor.Crypto;
using SafeHarbor.Features.Checkpoints;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.IntegrationTests.Cli;
using SafeHarbor.IntegrationTests.Support;
using static SafeHarbor.IntegrationTests.Audit.ChainTampering;

namespace SafeHarbor.IntegrationTests.Audit;

/// <summary>
/// Signed checkpoints outside the database: the chain head signed with the installation's SM2 key, and
/// <c>audit verify --checkpoints</c> catching what rewrites the chain and its head together — the tampering
/// the chain alone cannot see.
/// </summary>
[Article("6")]
public sealed class CheckpointTests
{
    [Theory, AllDatabases]
    public async Task The_key_is_made_at_the_first_start_named_by_its_fingerprint_and_never_overwritten(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var path = app.Settings["Audit:SigningKeyPath"]!;
        Assert.True(File.Exists(path));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
        var key = Sm2Signer.FromPrivateKeyHex(await File.ReadAllTextAsync(path));

        var shown = await AdminCli.RunAsync(["keys", "public"], CliSettings(app));
        Assert.True(shown.ExitCode == 0, shown.ToString());
        Assert.Equal([$"公钥 {key.PublicKeyHex}", $"指纹 {key.Fingerprint}"], shown.OutputLines);

        var again = await AdminCli.RunAsync(["keys", "create"], CliSettings(app));
        Assert.Equal(2, again.ExitCode);
        Assert.Contains($"已有签名密钥（指纹 {key.Fingerprint}），未覆盖", again.Error);
        Assert.Equal(key.PrivateKeyHex, (await File.ReadAllTextAsync(path)).Trim());

        var elsewhere = Path.Combine(Path.GetDirectoryName(path)!, "other", "k.key");
        var created = await AdminCli.RunAsync(["keys", "create"], new Dictionary<string, string?> { ["Audit:SigningKeyPath"] = elsewhere });
        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Contains($"公钥指纹 {Sm2Signer.FromPrivateKeyHex(await File.ReadAllTextAsync(elsewhere)).Fingerprint}", created.Output);
    }

    [Theory, AllDatabases]
    public async Task A_chain_and_its_checkpoints_verify_and_the_audit_administrator_downloads_them(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var c = await FiledCaseThenSignInsAsync(app);
        var head = await CheckpointNowAsync(app);
        var file = Path.Combine(CheckpointDirectory(app), BureauCode, $"{head}.json");
        Assert.True(File.Exists(file));

        var nothing = await AdminCli.RunAsync(["audit", "checkpoint"], CliSettings(app));
        Assert.Contains("无需签名", nothing.Output);

        var verified = await VerifyAsync(app, withCheckpoints: true);
        Assert.True(verified.ExitCode == 0, verified.ToString());
        Assert.Contains($"与 1 个签名检查点一致（最新为第 {head} 条", verified.Output);
        Assert.Contains("案件状态、认定结果、结果运用记录和备案与审计日志一致", verified.Output);

        var list = await app.As("auditadmin").GetOkAsync("/api/audit/checkpoints");
        var key = Sm2Signer.FromPrivateKeyHex(await File.ReadAllTextAsync(app.Settings["Audit:SigningKeyPath"]!));
        Assert.Equal(key.Fingerprint, list.GetProperty("keyFingerprint").GetString());
        var latest = list.GetProperty("checkpoints")[0];
        Assert.Equal(head, latest.GetProperty("sequence").GetInt64());
        using var download = await app.As("auditadmin").GetAsync(latest.GetProperty("download").GetString()!);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var checkpoint = JsonSerializer.Deserialize<Checkpoint>(await download.Content.ReadAsByteArrayAsync(), Checkpoint.FileJson)!;
        Assert.True(checkpoint.IsSignedBy(key.PublicKeyHex));
        Assert.Equal(head, checkpoint.Sequence);

        // A copy the audit administrator kept elsewhere verifies the same way.
        var copy = Path.Combine(Path.GetTempPath(), "safeharbor-tests", $"kept-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(copy, BureauCode));
        await File.WriteAllBytesAsync(Path.Combine(copy, BureauCode, $"{head}.json"), await download.Content.ReadAsByteArrayAsync());
        var fromCopy = await AdminCli.RunAsync(["audit", "verify", "--checkpoints", copy, "--public-key", key.PublicKeyHex], CliSettings(app));
        Assert.True(fromCopy.ExitCode == 0, fromCopy.ToString());
        Directory.Delete(copy, recursive: true);

        Assert.Equal("checkpoint-not-found", (await app.As("auditadmin").GetAsync("/api/audit/checkpoints/99999").ProblemAsync(HttpStatusCode.NotFound)).Code);
        foreach (var user in new[] { "sysadmin", "inv", "archivist" })
        {
            using var refused = await app.As(user).GetAsync("/api/audit/checkpoints");
            Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"{user}: {(int)refused.StatusCode}");
        }
        Assert.NotNull(c);
    }

    [Theory, AllDatabases]
    public async Task Cutting_the_last_entries_and_moving_the_head_back_is_caught_only_by_the_checkpoint(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await FiledCaseThenSignInsAsync(app);
        var head = await CheckpointNowAsync(app);

        // The three sign-ins go; the head is set back to the entry before them.
        await SqlAsync(app, $"DELETE FROM \"AuditEntries\" WHERE \"Sequence\" > {head - 3}");
        var kept = await app.WithDbAsync(d => d.AuditEntries.SingleAsync(e => e.Sequence == head - 3));
        await SqlAsync(app, $"UPDATE \"AuditHeads\" SET \"LastSequence\" = {kept.Sequence}, \"LastHash\" = {kept.Hash}");

        var chainOnly = await VerifyAsync(app, withCheckpoints: false);
        Assert.True(chainOnly.ExitCode == 0, chainOnly.ToString());

        var withCheckpoints = await VerifyAsync(app, withCheckpoints: true);
        Assert.True(withCheckpoints.ExitCode == 1, withCheckpoints.ToString());
        Assert.Contains($"{BureauCode}（", withCheckpoints.Error);
        Assert.Contains($"审计日志只到第 {head - 3} 条，而签名检查点证明第 {head} 条已存在", withCheckpoints.Error);
        Assert.Contains("末尾记录被截断", withCheckpoints.Error);
    }

    [Theory, AllDatabases]
    public async Task Emptying_both_tables_is_caught_by_the_checkpoint_and_by_the_cases_left_without_a_trail(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var c = await FiledCaseThenSignInsAsync(app);
        var head = await CheckpointNowAsync(app);

        await SqlAsync(app, $"DELETE FROM \"AuditEntries\"");
        await SqlAsync(app, $"DELETE FROM \"AuditHeads\"");

        var chainOnly = await VerifyAsync(app, withCheckpoints: false);
        Assert.True(chainOnly.ExitCode == 1, chainOnly.ToString());
        Assert.Contains("共 0 条记录，哈希链校验通过", chainOnly.Error);
        Assert.Contains($"案件 {c.Number} 在审计日志中没有任何办理步骤", chainOnly.Error);

        var withCheckpoints = await VerifyAsync(app, withCheckpoints: true);
        Assert.True(withCheckpoints.ExitCode == 1, withCheckpoints.ToString());
        Assert.Contains($"审计日志只到第 0 条，而签名检查点证明第 {head} 条已存在", withCheckpoints.Error);
    }

    [Theory, AllDatabases]
    public async Task Editing_an_entry_and_recomputing_the_chain_from_there_is_caught_only_by_the_checkpoint(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await FiledCaseThenSignInsAsync(app);
        var head = await CheckpointNowAsync(app);

        // The second-last sign-in now names another address; every hash after it is recomputed and the head moved.
        await RechainAsync(app, head - 1, e => e.Details = e.Details.Replace("\"address\":\"\"", "\"address\":\"10.9.9.9\"", StringComparison.Ordinal));
        Assert.Contains("10.9.9.9", await app.WithDbAsync(d => d.AuditEntries.Where(e => e.Sequence == head - 1).Select(e => e.Details).SingleAsync()));

        var chainOnly = await VerifyAsync(app, withCheckpoints: false);
        Assert.True(chainOnly.ExitCode == 0, chainOnly.ToString());

        var withCheckpoints = await VerifyAsync(app, withCheckpoints: true);
        Assert.True(withCheckpoints.ExitCode == 1, withCheckpoints.ToString());
        Assert.Contains($"第 {head} 条记录的哈希与签名检查点不符", withCheckpoints.Error);
        Assert.Contains($"第 1 至第 {head} 条之间有记录被修改、删除或插入", withCheckpoints.Error);
    }

    [Theory, AllDatabases]
    public async Task A_forged_decision_appended_after_the_checkpoint_is_caught_by_the_cases_trail(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var c = await FiledCaseThenSignInsAsync(app);
        await CheckpointNowAsync(app);

        await AppendAsync(app, last => new AuditEntry
        {
            OccurredAt = last.OccurredAt.AddMinutes(1),
            ActorName = "周书记",
            ActingAs = "局党组",
            Action = "Decide",
            EntityType = "Case",
            EntityId = c.Number,
            CaseId = c.Id,
            Details = """{"step":"形成认定意见","from":"Scheduled","to":"Decided","changes":{"outcome":"不予容错免责","outcomeCode":"NotExempted","reasons":"伪造"}}""",
            PreviousHash = "",
            Hash = "",
        });

        foreach (var withCheckpoints in new[] { false, true })
        {
            var verified = await VerifyAsync(app, withCheckpoints);
            Assert.True(verified.ExitCode == 1, verified.ToString());
            Assert.Contains("哈希链校验通过", verified.Error);
            Assert.Contains($"案件 {c.Number} 的第", verified.Error);
            Assert.Contains("办理步骤衔接不上", verified.Error);
            Assert.Contains($"案件 {c.Number} 的状态与审计日志不符：表中为“已备案”，审计日志为“已认定待反馈”", verified.Error);
        }
    }

    [Theory, AllDatabases]
    public async Task A_checkpoint_with_a_changed_hash_or_by_another_key_is_refused(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await FiledCaseThenSignInsAsync(app);
        var head = await CheckpointNowAsync(app);
        var file = Path.Combine(CheckpointDirectory(app), BureauCode, $"{head}.json");

        var other = Sm2Signer.Generate();
        var byOther = await VerifyAsync(app, withCheckpoints: true, "--public-key", other.PublicKeyHex);
        Assert.True(byOther.ExitCode == 1, byOther.ToString());
        Assert.Contains($"第 {head} 条的检查点（{head}.json）签名无效", byOther.Error);

        // Someone rewrote the chain and made the checkpoint fit it: without the key the signature no longer holds.
        var checkpoint = JsonSerializer.Deserialize<Checkpoint>(await File.ReadAllBytesAsync(file), Checkpoint.FileJson)!;
        await File.WriteAllBytesAsync(file, JsonSerializer.SerializeToUtf8Bytes(checkpoint with { Hash = new string('a', 64) }, Checkpoint.FileJson));
        var changed = await VerifyAsync(app, withCheckpoints: true);
        Assert.True(changed.ExitCode == 1, changed.ToString());
        Assert.Contains("签名无效", changed.Error);

        // Signed by the forger's own key: named by its fingerprint, refused against the installation's key.
        await File.WriteAllBytesAsync(file, JsonSerializer.SerializeToUtf8Bytes(
            Checkpoint.Sign(other, BureauCode, checkpoint.BureauId, checkpoint.Sequence, checkpoint.Hash, checkpoint.SignedAt), Checkpoint.FileJson));
        var forged = await VerifyAsync(app, withCheckpoints: true);
        Assert.True(forged.ExitCode == 1, forged.ToString());
        Assert.Contains($"检查点所称密钥指纹 {other.Fingerprint}", forged.Error);
    }

    [Theory, AllDatabases]
    public async Task A_head_is_signed_every_n_entries_or_m_minutes_whichever_first_once_per_head_and_never_over_a_rewritten_chain(Db db)
    {
        await using var app = await TestApp.StartAsync(db, new Dictionary<string, string?>
        {
            ["Audit:CheckpointEveryEntries"] = "5",
            ["Audit:CheckpointMinutes"] = "10",
        });
        await SignInsAsync(app, 2);
        var start = await HeadAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var options = sp.GetRequiredService<AuditOptions>();
        var store = sp.GetRequiredService<CheckpointStore>();
        var key = sp.GetRequiredService<AuditSigningKey>();
        Task<SignCheckpoints.Outcome> Run() => SignCheckpoints.RunAsync(sp.GetRequiredService<SafeHarborDb>(), key, store, options, app.Clock.GetUtcNow(), force: false, default);

        var first = await Run();
        Assert.Equal(start, Assert.Single(first.Signed).Checkpoint.Sequence);
        Assert.Empty((await Run()).Signed); // the head did not move

        await SignInsAsync(app, 4);
        Assert.Empty((await Run()).Signed); // 4 entries, no time passed
        app.Clock.Now = app.Clock.Now.AddMinutes(10);
        Assert.Equal(start + 4, Assert.Single((await Run()).Signed).Checkpoint.Sequence);

        await SignInsAsync(app, 5);
        Assert.Equal(start + 9, Assert.Single((await Run()).Signed).Checkpoint.Sequence); // 5 entries, no time passed

        // A second node signing the same head leaves the first file as it was.
        var path = store.PathOf(BureauCode, start + 9);
        var before = await File.ReadAllBytesAsync(path);
        var again = Checkpoint.Sign(key.Signer, BureauCode, app.Cast.BureauId, start + 9, store.Read(BureauCode)[^1].Checkpoint!.Hash, app.Clock.GetUtcNow());
        Assert.False(store.Write(again));
        Assert.Equal(before, await File.ReadAllBytesAsync(path));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));

        // The chain rewritten from an entry before the latest checkpoint: its new head is refused, not blessed.
        await SignInsAsync(app, 5);
        await RechainAsync(app, start + 5, e => e.Details = e.Details.Replace("\"address\":\"\"", "\"address\":\"10.9.9.9\"", StringComparison.Ordinal));
        app.Clock.Now = app.Clock.Now.AddMinutes(10);
        var refused = await Run();
        Assert.Empty(refused.Signed);
        Assert.Contains($"自上一个检查点（第 {start + 9} 条）以来不完整，未签名", Assert.Single(refused.Refused).Reason);
    }

    [Theory, AllDatabases]
    public async Task The_background_service_signs_the_heads_as_the_app_runs(Db db)
    {
        await using var app = await TestApp.StartAsync(db, new Dictionary<string, string?>
        {
            ["Audit:CheckpointPollSeconds"] = "0.2",
            ["Audit:CheckpointEveryEntries"] = "1",
        });
        await SignInsAsync(app, 3);
        var file = Path.Combine(CheckpointDirectory(app), BureauCode, $"{await HeadAsync(app)}.json");
        // Waits for a result, not for a time: the deadline only keeps a broken service from hanging the run.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!File.Exists(file) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        Assert.True(File.Exists(file), $"no checkpoint {file} was written");
        var verified = await VerifyAsync(app, withCheckpoints: true);
        Assert.True(verified.ExitCode == 0, verified.ToString());
    }
}
