using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SafeHarbor.Infrastructure.Storage;
using SafeHarbor.IntegrationTests.Cli;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Durability;

/// <summary>
/// The built app as a process on SQLite, written to by several clients (matters registered, evidence uploaded) and killed
/// with SIGKILL at random moments, then started again, cycle after cycle. Afterwards every write that was answered 2xx is
/// there exactly once, every evidence row finds its file with its hashes (a file is stored before its row commits), the
/// leftovers of cut-off uploads are swept, <c>PRAGMA integrity_check</c> is ok and every audit chain verifies.
/// <para>
/// A SIGKILL loses the process, not the operating system's page cache: this shows the order of writes and the recovery,
/// not the fsyncs (a power cut would; <c>SqlitePragmaTests</c> shows synchronous=FULL, FolderFileStore fsyncs file and folder).
/// <c>bench/crash.sh</c> runs the same test with 200 cycles (<c>SAFEHARBOR_CRASH_CYCLES</c>) and prints the tally.
/// </para>
/// </summary>
public sealed class CrashTests
{
    private const int DefaultCycles = 10;

    private sealed record Acked(string Kind, string Key, Guid Id, string? Sha256);

    private sealed class Tally
    {
        public int Requests;
        public int CutOff;
        public readonly List<Acked> Acknowledged = [];
        public readonly List<string> Refused = [];
        public readonly List<string> Sent = [];

        public int AcknowledgedCount
        {
            get
            {
                lock (this)
                {
                    return Acknowledged.Count;
                }
            }
        }
    }

    [SqliteOnly("kills the built app, whose SQLite file and folder of files must come back whole; on PostgreSQL the server outlives the app's process, so a kill there shows only the same order of writes (file, then row) again, at twice the suite time")]
    public Task Crash_kill_9_at_random_moments_loses_no_acknowledged_write_duplicates_none_and_leaves_a_verifiable_chain() =>
        RunAsync(Db.Sqlite);

    private static async Task RunAsync(Db kind)
    {
        var cycles = int.TryParse(Environment.GetEnvironmentVariable("SAFEHARBOR_CRASH_CYCLES"), out var n) && n > 0 ? n : DefaultCycles;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("SAFEHARBOR_CRASH_SEED"), out var s) ? s : Random.Shared.Next();
        var random = new Random(seed);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Say(string what) => TestContext.Current.TestOutputHelper?.WriteLine($"{clock.Elapsed.TotalSeconds,6:0.0} s  {what}");
        Say($"{kind}, {cycles} cycles, seed {seed} (SAFEHARBOR_CRASH_SEED repeats the kill times)");

        await using var database = await TestDatabase.CreateAsync(kind);
        var work = Directory.CreateTempSubdirectory("safeharbor-crash-");
        var files = Path.Combine(work.FullName, "files");
        var temp = Directory.CreateDirectory(Path.Combine(work.FullName, "tmp")).FullName;
        AppProcess? node = null;
        try
        {
            // A bureau with its people and accounts (the test cast), written by the app in-process once.
            Cast cast;
            await using (var host = BareHost.Start(new Dictionary<string, string?>
                         {
                             ["Database:Provider"] = kind.ToString(),
                             ["Database:ConnectionString"] = database.ConnectionString,
                             ["Security:PasswordHashIterations"] = "1000",
                             ["Storage:Directory"] = files,
                         }))
            {
                cast = await Cast.SeedAsync(host.Services);
            }
            var environment = AppProcess.EnvironmentFor(database, "crash");
            environment["Storage__Kind"] = "Folder";
            environment["Storage__Directory"] = files;
            // The upload buffers of this app only, so that their leftovers can be counted.
            environment["TMPDIR"] = temp;
            Say("bureau seeded");

            node = await AppProcess.StartAsync("crash-0", environment, Path.Combine(work.FullName, "node"));
            var registrar = await node.BearerTokenAsync("inv", TestApp.Password);
            var applicant = await node.BearerTokenAsync("staffA", TestApp.Password);
            var unitId = cast.Units["城东分局"];
            // The matter whose applicant uploads evidence while it is registered.
            var evidenceCase = await RegisterAsync(node, registrar, "崩溃测试：上传证明材料的问责事项", new { kind = "Person", id = cast.PersonOf["staffA"] });

            var tally = new Tally();
            for (var cycle = 1; cycle <= cycles; cycle++)
            {
                node ??= await AppProcess.StartAsync($"crash-{cycle}", environment, Path.Combine(work.FullName, "node"));
                using var stop = new CancellationTokenSource();
                var clients = new List<Task>();
                for (var w = 0; w < 2; w++)
                {
                    clients.Add(RegisterLoopAsync(node, registrar, unitId, $"c{cycle}w{w}", tally, stop.Token));
                    clients.Add(UploadLoopAsync(node, applicant, evidenceCase, $"c{cycle}w{w}", new Random(random.Next()), tally, stop.Token));
                }
                // A random moment once writes go through (the first requests after a start wait for the JIT).
                var before = tally.AcknowledgedCount;
                var warm = DateTime.UtcNow.AddSeconds(30);
                while (tally.AcknowledgedCount == before && DateTime.UtcNow < warm)
                {
                    await Task.Delay(20);
                }
                await Task.Delay(random.Next(0, 1000));
                await node.KillAsync();
                await stop.CancelAsync();
                await Task.WhenAll(clients);
                await node.DisposeAsync();
                node = null;
            }
            Say($"{cycles} kills: {tally.Requests} requests, {tally.Acknowledged.Count} acknowledged, {tally.CutOff} cut off");
            Assert.True(tally.Refused.Count == 0, $"answered neither 2xx nor cut off: {string.Join("\n", tally.Refused.Take(5))}");

            // The last start sweeps every leftover at once (age 0: nothing writes any more).
            environment["Storage__SweepAfterMinutes"] = "0";
            node = await AppProcess.StartAsync("crash-final", environment, Path.Combine(work.FullName, "node"));
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!node.Log.Contains("清理中断上传的残留文件") && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
            Assert.Contains("清理中断上传的残留文件", node.Log);
            Say(node.Log.Split('\n').First(l => l.Contains("清理中断上传的残留文件")).Trim());

            await using var sqlite = new SqliteConnection(new SqliteConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ToString());
            await sqlite.OpenAsync();

            // Every acknowledged registration is there once; no request made two.
            var titles = await RowsAsync(sqlite, "SELECT \"Title\", \"Id\" FROM \"Cases\" WHERE \"Title\" LIKE '崩溃测试 %'");
            var duplicates = titles.GroupBy(t => t[0]).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.True(duplicates.Count == 0, $"registered twice: {string.Join(", ", duplicates)}");
            var byTitle = titles.ToDictionary(t => t[0], t => Guid.Parse(t[1]));
            var registrations = tally.Acknowledged.Where(a => a.Kind == "case").ToList();
            var lostCases = registrations.Where(a => !byTitle.TryGetValue(a.Key, out var id) || id != a.Id).ToList();
            Assert.True(lostCases.Count == 0, $"{lostCases.Count} acknowledged registrations missing, e.g. {lostCases.FirstOrDefault()}");
            Assert.True(titles.All(t => tally.Sent.Contains(t[0])), "a matter nobody sent");

            // Every acknowledged upload is there once, and every evidence row (acknowledged or not) finds its file whole.
            var evidence = await RowsAsync(sqlite, "SELECT \"Id\", \"StoredName\", \"Sha256\", \"Description\" FROM \"EvidenceFiles\" WHERE \"Description\" LIKE '崩溃测试 %'");
            Assert.True(evidence.GroupBy(e => e[3]).All(g => g.Count() == 1), "an upload recorded twice");
            var evidenceIds = evidence.Select(e => Guid.Parse(e[0])).ToHashSet();
            var uploads = tally.Acknowledged.Where(a => a.Kind == "evidence").ToList();
            var lostUploads = uploads.Where(a => !evidenceIds.Contains(a.Id)).ToList();
            Assert.True(lostUploads.Count == 0, $"{lostUploads.Count} acknowledged uploads missing, e.g. {lostUploads.FirstOrDefault()}");
            foreach (var row in evidence)
            {
                var path = Path.Combine(files, "evidence", row[1]);
                Assert.True(File.Exists(path), $"evidence {row[0]} has a row but no file");
                Assert.Equal(row[2], Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))));
            }
            foreach (var upload in uploads.Take(3))
            {
                using var download = await node.Client.SendAsync(node.Bearer(HttpMethod.Get, $"/api/cases/{evidenceCase}/evidence/{upload.Id}", applicant));
                Assert.Equal(HttpStatusCode.OK, download.StatusCode);
                Assert.Equal(upload.Sha256, Convert.ToHexStringLower(SHA256.HashData(await download.Content.ReadAsByteArrayAsync())));
            }

            // Nothing cut off stays behind: no temporary file, no upload buffer, no file without its row.
            var stored = await RowsAsync(sqlite, "SELECT \"StoredName\" FROM \"EvidenceFiles\"");
            var named = stored.Select(r => r[0]).ToHashSet();
            Assert.Empty(Directory.EnumerateFiles(files, "*" + FolderFileStore.TemporarySuffix, SearchOption.AllDirectories));
            Assert.Empty(Directory.EnumerateFiles(temp, UploadBuffer.NamePrefix + "*"));
            Assert.All(Directory.EnumerateFiles(Path.Combine(files, "evidence")), f => Assert.Contains(Path.GetFileName(f), named));

            var integrity = await RowsAsync(sqlite, "PRAGMA integrity_check");
            Assert.Equal("ok", Assert.Single(integrity)[0]);
            await sqlite.CloseAsync();

            var verify = await AdminCli.RunAsync(["audit", "verify"], new Dictionary<string, string?>
            {
                ["Database:Provider"] = kind.ToString(),
                ["Database:ConnectionString"] = database.ConnectionString,
            });
            Assert.True(verify.ExitCode == 0, verify.ToString());

            var summary = string.Create(CultureInfo.InvariantCulture,
                $"{kind}: {cycles} kills, {tally.Requests} requests, {registrations.Count} registrations and {uploads.Count} uploads acknowledged and all present once, "
                + $"{tally.CutOff} cut off ({titles.Count - registrations.Count} registrations and {evidence.Count - uploads.Count} uploads of them committed anyway), "
                + $"{evidence.Count} evidence rows with their files, integrity_check ok, {verify.OutputLines.Count} chains verified");
            Say(summary);
            if (Environment.GetEnvironmentVariable("SAFEHARBOR_CRASH_TALLY") is { Length: > 0 } tallyFile)
            {
                await File.AppendAllTextAsync(tallyFile, summary + "\n");
            }
        }
        finally
        {
            if (node is not null)
            {
                await node.DisposeAsync();
            }
            SqliteConnection.ClearAllPools();
            work.Delete(recursive: true);
        }
    }

    private static async Task RegisterLoopAsync(AppProcess node, string token, Guid unitId, string worker, Tally tally, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var title = $"崩溃测试 {worker} 第{i}件：首违不罚后跟踪复查不及时";
            lock (tally)
            {
                tally.Sent.Add(title);
            }
            await SendAsync(node, tally, "case", title, () => RegisterRequest(node, token, title, new { kind = "Unit", id = unitId }), body => (body.GetProperty("id").GetGuid(), null));
        }
    }

    private static async Task UploadLoopAsync(AppProcess node, string token, Guid caseId, string worker, Random random, Tally tally, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            // 1 KB to 400 KB, so a kill lands in the middle of some uploads.
            var content = new byte[random.Next(1024, 400 * 1024)];
            random.NextBytes(content);
            "%PDF-1.4\n"u8.CopyTo(content);
            var sha = Convert.ToHexStringLower(SHA256.HashData(content));
            var description = $"崩溃测试 {worker} 第{i}份";
            await SendAsync(node, tally, "evidence", description, () =>
            {
                var request = node.Bearer(HttpMethod.Post, $"/api/cases/{caseId}/evidence", token);
                var form = new MultipartFormDataContent();
                form.Add(new StringContent(description), "description");
                var file = new ByteArrayContent(content);
                file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
                form.Add(file, "file", $"证明材料{i}.pdf");
                request.Content = form;
                return request;
            }, body => (body.GetProperty("id").GetGuid(), sha));
        }
    }

    /// <summary>One request: 2xx is an acknowledged write, a broken connection is cut off (its outcome unknown), anything else a refusal.</summary>
    private static async Task SendAsync(AppProcess node, Tally tally, string kind, string key, Func<HttpRequestMessage> make, Func<JsonElement, (Guid Id, string? Sha)> read)
    {
        Interlocked.Increment(ref tally.Requests);
        try
        {
            using var request = make();
            using var response = await node.Client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (response.IsSuccessStatusCode)
            {
                var (id, sha) = read(JsonDocument.Parse(text).RootElement);
                lock (tally)
                {
                    tally.Acknowledged.Add(new Acked(kind, key, id, sha));
                }
            }
            else
            {
                lock (tally)
                {
                    tally.Refused.Add($"{kind} {key}: {(int)response.StatusCode} {text}");
                }
            }
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
        {
            Interlocked.Increment(ref tally.CutOff);
            // The node is gone until the next cycle starts one: this client's loop ends when the cycle stops it.
            await Task.Delay(50);
        }
    }

    private static HttpRequestMessage RegisterRequest(AppProcess node, string token, string title, object subject)
    {
        var request = node.Bearer(HttpMethod.Post, "/api/cases", token);
        request.Content = JsonContent.Create(new
        {
            title,
            description = "对首次轻微违法的经营者依法不予处罚后，未按计划开展跟踪复查。",
            businessField = "食品安全",
            startedBy = "局党组",
            accountabilityStartedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            subjects = new[] { subject },
        });
        return request;
    }

    private static async Task<Guid> RegisterAsync(AppProcess node, string token, string title, object subject)
    {
        using var response = await node.Client.SendAsync(RegisterRequest(node, token, title, subject));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }

    private static async Task<List<string[]>> RowsAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!).ToArray());
        }
        return rows;
    }
}
