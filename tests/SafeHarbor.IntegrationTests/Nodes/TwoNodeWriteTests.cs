using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using SafeHarbor.IntegrationTests.Cli;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Nodes;

/// <summary>
/// Two processes of the built app writing at once, through both nodes, for three bureaus of one PostgreSQL
/// database. Nothing serialises them in the process on PostgreSQL: each command locks its bureau's chain head row
/// (<c>CommandRunner.LockChainAsync</c>), so commands of one bureau wait for each other across nodes while the
/// bureaus write in parallel. What that must give: every request succeeds, each bureau's case numbers run without a
/// gap or a repeat (the same number in several bureaus), each bureau's chain verifies, and no bureau sees another's case.
/// </summary>
public sealed class TwoNodeWriteTests
{
    private const string Password = "Demo@2026";

    /// <summary>The demo's 机关纪委 registrar of each bureau.</summary>
    private static readonly (string Bureau, string Registrar)[] Registrars = [("qh", "liuzg"), ("qh-bh", "jiangt"), ("qh-ds", "cuib")];

    private const int WorkersPerBureauAndNode = 3;
    private const int RegistrationsPerWorker = 5;
    private const int PerBureau = 2 * WorkersPerBureauAndNode * RegistrationsPerWorker;

    [PostgresOnly("several app processes on one database: a SQLite file serves one node only, and SQLite's writes are serialised in the process")]
    public async Task Two_nodes_registering_for_three_bureaus_at_once_keep_each_bureaus_numbers_contiguous_its_chain_intact_and_its_cases_to_itself()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Phase(string what) => TestContext.Current.TestOutputHelper?.WriteLine($"{clock.Elapsed.TotalSeconds,6:0.0} s  {what}");
        await using var database = await TestDatabase.CreateAsync(Db.Postgres);
        var work = Directory.CreateTempSubdirectory("safeharbor-nodes-write-");
        try
        {
            // The demo is written once, by the command line, before either node starts: the nodes then start together
            // and neither seeds.
            var cli = new Dictionary<string, string?>
            {
                ["Database:Provider"] = database.Kind.ToString(),
                ["Database:ConnectionString"] = database.ConnectionString,
                ["Security:PasswordHashIterations"] = "1000",
            };
            var seed = await AdminCli.RunAsync(["seed-demo"], cli);
            Assert.True(seed.ExitCode == 0 && seed.Output.Contains("已写入演示数据。"), seed.ToString());
            Phase("demo seeded");

            var starting = new[] { "node-a", "node-b" }
                .Select(n => AppProcess.StartAsync(n, AppProcess.EnvironmentFor(database, n), Path.Combine(work.FullName, n)))
                .ToList();
            try
            {
                await Task.WhenAll(starting);
            }
            catch
            {
                foreach (var s in starting.Where(s => s.IsCompletedSuccessfully))
                {
                    await s.Result.DisposeAsync();
                }
                throw;
            }
            await using var nodeA = starting[0].Result;
            await using var nodeB = starting[1].Result;
            AppProcess[] nodes = [nodeA, nodeB];
            Phase("both nodes serving");

            // Each registrar signs in on node A; the token works on both nodes. The matters' subject is one of the
            // bureau's branches (never the registrar's own unit, from which the registrar would have to recuse).
            var registrars = new Dictionary<string, (string Token, Guid UnitId)>();
            foreach (var (bureau, user) in Registrars)
            {
                var token = await nodeA.BearerTokenAsync(user, Password);
                using var units = await nodeB.Client.SendAsync(nodeB.Bearer(HttpMethod.Get, "/api/units", token));
                var unitsText = await units.Content.ReadAsStringAsync();
                Assert.True(units.IsSuccessStatusCode, unitsText);
                var branch = JsonDocument.Parse(unitsText).RootElement.EnumerateArray().First(u => u.GetProperty("type").GetString() == "Branch");
                registrars[bureau] = (token, branch.GetProperty("id").GetGuid());
            }

            // 3 bureaus × 2 nodes × 3 workers, each registering 5 matters one after another: 18 requests in flight.
            var startedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var workers = (
                from r in Registrars
                from node in nodes
                from worker in Enumerable.Range(1, WorkersPerBureauAndNode)
                select RegisterManyAsync(node, r.Bureau, registrars[r.Bureau], worker, startedOn)).ToList();
            var results = (await Task.WhenAll(workers)).SelectMany(x => x).ToList();
            Phase($"{results.Count} registrations done");

            var failed = results.Where(r => r.Status != HttpStatusCode.Created).ToList();
            Assert.True(failed.Count == 0,
                $"{failed.Count} of {results.Count} registrations failed, e.g. {failed.FirstOrDefault()}\n{nodeA.Name}:\n{nodeA.Log}\n{nodeB.Name}:\n{nodeB.Log}");
            Assert.Equal(Registrars.Length * PerBureau, results.Count);

            // Numbers: per bureau, this year's numbers in the database are 1..N exactly once, and include all of ours.
            var year = results[0].Number[..4];
            var inDatabase = await CaseNumbersAsync(database, year);
            foreach (var (bureau, _) in Registrars)
            {
                var ours = results.Where(r => r.Bureau == bureau).Select(r => r.Number).ToList();
                Assert.Equal(PerBureau, ours.Distinct().Count());
                var all = inDatabase[bureau];
                var sequences = all.Select(n => int.Parse(n[5..], CultureInfo.InvariantCulture)).Order().ToList();
                Assert.True(sequences.SequenceEqual(Enumerable.Range(1, sequences.Count)),
                    $"{bureau}: this year's numbers are not 1..{sequences.Count} once each: {string.Join(", ", sequences)}");
                Assert.Subset(all.ToHashSet(), ours.ToHashSet());
                Assert.Equal(sequences.Count, await CounterAsync(database, bureau, int.Parse(year, CultureInfo.InvariantCulture)));
            }
            var inEveryBureau = Registrars.Select(r => results.Where(x => x.Bureau == r.Bureau).Select(x => x.Number))
                .Aggregate((a, b) => a.Intersect(b)).ToList();
            Assert.True(inEveryBureau.Count > 0, "no number was given in all three bureaus: the numbering would not be per bureau");

            // Every registration is on its own bureau's chain, and every chain verifies.
            var onChain = await RegistrationsOnChainAsync(database, results.Select(r => r.Id).ToList());
            foreach (var (bureau, _) in Registrars)
            {
                Assert.Equal(PerBureau, onChain.GetValueOrDefault(bureau));
            }
            var verify = await AdminCli.RunAsync(["audit", "verify"], cli);
            Phase("chains verified");
            Assert.True(verify.ExitCode == 0, verify.ToString());
            foreach (var (bureau, _) in Registrars)
            {
                Assert.Contains(verify.OutputLines, l => l.StartsWith(bureau + "（", StringComparison.Ordinal) && l.Contains("审计日志完整"));
            }

            // A registrar of one bureau gets 404 from either node for another bureau's case, and 200 for its own.
            foreach (var (bureau, _) in Registrars)
            {
                var token = registrars[bureau].Token;
                foreach (var (other, _) in Registrars)
                {
                    var theirs = results.First(r => r.Bureau == other);
                    foreach (var node in nodes)
                    {
                        using var response = await node.Client.SendAsync(node.Bearer(HttpMethod.Get, $"/api/cases/{theirs.Id}", token));
                        var expected = other == bureau ? HttpStatusCode.OK : HttpStatusCode.NotFound;
                        Assert.True(response.StatusCode == expected,
                            $"{node.Name}: {bureau}'s registrar asking for {other}'s case {theirs.Number} got {(int)response.StatusCode}, not {(int)expected}");
                    }
                }
            }
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private sealed record Registration(string Bureau, string Node, HttpStatusCode Status, Guid Id, string Number, string? Error);

    private static async Task<List<Registration>> RegisterManyAsync(AppProcess node, string bureau, (string Token, Guid UnitId) registrar, int worker, string startedOn)
    {
        var done = new List<Registration>();
        for (var i = 1; i <= RegistrationsPerWorker; i++)
        {
            using var request = node.Bearer(HttpMethod.Post, "/api/cases", registrar.Token);
            request.Content = JsonContent.Create(new
            {
                title = $"{bureau} {node.Name} 第{worker}组第{i}件：首违不罚后跟踪复查不及时",
                description = "对首次轻微违法的经营者依法不予处罚后，未按计划开展跟踪复查。",
                businessField = "食品安全",
                startedBy = "局党组",
                accountabilityStartedOn = startedOn,
                subjects = new[] { new { kind = "Unit", id = registrar.UnitId } },
            });
            using var response = await node.Client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.Created)
            {
                var body = JsonDocument.Parse(text).RootElement;
                done.Add(new Registration(bureau, node.Name, response.StatusCode, body.GetProperty("id").GetGuid(), body.GetProperty("number").GetString()!, null));
            }
            else
            {
                done.Add(new Registration(bureau, node.Name, response.StatusCode, Guid.Empty, "", text));
            }
        }
        return done;
    }

    /// <summary>Each bureau's case numbers of <paramref name="year"/>, as stored (duplicates kept).</summary>
    private static async Task<Dictionary<string, List<string>>> CaseNumbersAsync(TestDatabase database, string year)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """SELECT b."Code", c."Number" FROM "Cases" c JOIN "Bureaus" b ON b."Id" = c."BureauId" WHERE c."Number" LIKE @year""", connection);
        command.Parameters.AddWithValue("year", year + "-%");
        var numbers = Registrars.ToDictionary(r => r.Bureau, _ => new List<string>());
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            if (numbers.TryGetValue(reader.GetString(0), out var list))
            {
                list.Add(reader.GetString(1));
            }
        }
        return numbers;
    }

    private static async Task<int> CounterAsync(TestDatabase database, string bureau, int year)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """SELECT k."Value" FROM "Counters" k JOIN "Bureaus" b ON b."Id" = k."BureauId" WHERE b."Code" = @code AND k."Name" = 'case' AND k."Year" = @year""", connection);
        command.Parameters.AddWithValue("code", bureau);
        command.Parameters.AddWithValue("year", year);
        return (int)(await command.ExecuteScalarAsync() ?? 0);
    }

    /// <summary>How many audit entries of the given cases each bureau's chain holds.</summary>
    private static async Task<Dictionary<string, int>> RegistrationsOnChainAsync(TestDatabase database, List<Guid> caseIds)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """SELECT b."Code", count(*)::int FROM "AuditEntries" e JOIN "Bureaus" b ON b."Id" = e."BureauId" WHERE e."CaseId" = ANY(@ids) GROUP BY b."Code" """, connection);
        command.Parameters.AddWithValue("ids", caseIds.ToArray());
        var counts = new Dictionary<string, int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counts[reader.GetString(0)] = reader.GetInt32(1);
        }
        return counts;
    }
}
