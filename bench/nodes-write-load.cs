#:property PublishAot=false
// The load driver of bench/nodes-write.sh: N clients, each registering matters (POST /api/cases) one after another
// for a fixed time, spread over the three demo bureaus (qh, qh-bh, qh-ds) and over the given nodes (a client-side
// load balancer: client i goes to bureau i mod 3 and to node (i div 3) mod nodes, so each bureau is written through
// every node). Requests of a warm-up are not counted; a request counts when it ends inside the measured window.
// Usage: dotnet run bench/nodes-write-load.cs -c Release -- --urls http://127.0.0.1:5001[,http://…] --clients 8[,32]
//        [--duration 20] [--warmup 3] [--label TEXT]
// Prints one "RESULT key=value …" line per client count on standard output (bench/nodes-write.sh reads them) and a
// readable line on standard error.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

var options = new Dictionary<string, string>();
for (var i = 0; i + 1 < args.Length; i += 2)
{
    options[args[i].TrimStart('-')] = args[i + 1];
}
var urls = options["urls"].Split(',', StringSplitOptions.RemoveEmptyEntries);
var clientCounts = options["clients"].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
var duration = TimeSpan.FromSeconds(double.Parse(options.GetValueOrDefault("duration", "20"), CultureInfo.InvariantCulture));
var warmup = TimeSpan.FromSeconds(double.Parse(options.GetValueOrDefault("warmup", "3"), CultureInfo.InvariantCulture));
var label = options.GetValueOrDefault("label", "");
(string Bureau, string User)[] registrars = [("qh", "liuzg"), ("qh-bh", "jiangt"), ("qh-ds", "cuib")];
const string Password = "Demo@2026";

var clients = urls.Select(u => new HttpClient(new SocketsHttpHandler
{
    MaxConnectionsPerServer = int.MaxValue,
    PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    AllowAutoRedirect = false,
    UseCookies = false,
})
{ BaseAddress = new Uri(u), Timeout = TimeSpan.FromSeconds(60) }).ToArray();

// Each registrar signs in once (on the first node; the token is good on every node), and picks one of its bureau's
// branches as the subject (never the registrar's own unit, from which the registrar would have to recuse).
var bureaus = new List<(string Bureau, string Token, Guid Unit)>();
foreach (var (bureau, user) in registrars)
{
    using var login = await clients[0].PostAsJsonAsync("/api/auth/login", new { userName = user, password = Password });
    var loginText = await login.Content.ReadAsStringAsync();
    if (!login.IsSuccessStatusCode)
    {
        throw new InvalidOperationException($"login of {user} failed ({(int)login.StatusCode}): {loginText}");
    }
    var token = JsonDocument.Parse(loginText).RootElement.GetProperty("accessToken").GetString()!;
    using var unitsRequest = new HttpRequestMessage(HttpMethod.Get, "/api/units");
    unitsRequest.Headers.Authorization = new("Bearer", token);
    using var units = await clients[0].SendAsync(unitsRequest);
    var unitsText = await units.Content.ReadAsStringAsync();
    var unit = JsonDocument.Parse(unitsText).RootElement.EnumerateArray().First(u => u.GetProperty("type").GetString() == "Branch").GetProperty("id").GetGuid();
    bureaus.Add((bureau, token, unit));
}
var startedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

foreach (var n in clientCounts)
{
    var clock = Stopwatch.StartNew();
    var measureFrom = warmup;
    var stopAt = warmup + duration;
    var latencies = new List<double>[n];
    var errors = new int[n];
    var all = new int[n];
    string? firstError = null;

    async Task Client(int i)
    {
        latencies[i] = [];
        var (bureau, token, unit) = bureaus[i % bureaus.Count];
        var http = clients[i / bureaus.Count % clients.Length];
        var sequence = 0;
        while (clock.Elapsed < stopAt)
        {
            var started = clock.Elapsed;
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases");
            request.Headers.Authorization = new("Bearer", token);
            request.Content = JsonContent.Create(new
            {
                title = $"压测 {bureau} 客户端{i} 第{++sequence}件：首违不罚后跟踪复查不及时",
                description = "对首次轻微违法的经营者依法不予处罚后，未按计划开展跟踪复查，后续抽检发现一批次产品不合格。",
                businessField = "食品安全",
                startedBy = "局党组",
                accountabilityStartedOn = startedOn,
                subjects = new[] { new { kind = "Unit", id = unit } },
            });
            HttpStatusCode? status = null;
            string? error = null;
            try
            {
                using var response = await http.SendAsync(request);
                status = response.StatusCode;
                if (status != HttpStatusCode.Created)
                {
                    error = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                }
                else
                {
                    await response.Content.ReadAsByteArrayAsync();
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                error = e.GetType().Name + ": " + e.Message;
            }
            var ended = clock.Elapsed;
            all[i]++;
            if (ended < measureFrom || ended > stopAt)
            {
                continue;
            }
            if (error is null)
            {
                latencies[i].Add((ended - started).TotalMilliseconds);
            }
            else
            {
                errors[i]++;
                Interlocked.CompareExchange(ref firstError, error, null);
            }
        }
    }

    await Task.WhenAll(Enumerable.Range(0, n).Select(i => Task.Run(() => Client(i))));
    var sorted = latencies.SelectMany(l => l).Order().ToArray();
    double P(double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Max(0, (int)Math.Ceiling(q * sorted.Length) - 1)];
    var rps = sorted.Length / duration.TotalSeconds;
    var errorCount = errors.Sum();
    string F(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
    Console.Error.WriteLine($"{label} nodes={urls.Length} clients={n}: {sorted.Length} registered in {duration.TotalSeconds:0} s = {F(rps)} req/s; "
        + $"p50 {F(P(0.50))} ms, p95 {F(P(0.95))} ms, p99 {F(P(0.99))} ms; errors {errorCount}"
        + (firstError is null ? "" : $" (first: {firstError[..Math.Min(300, firstError.Length)]})"));
    Console.WriteLine($"RESULT nodes={urls.Length} clients={n} ok={sorted.Length} rps={F(rps)} p50={F(P(0.50))} p95={F(P(0.95))} p99={F(P(0.99))} errors={errorCount} total={all.Sum()}");
}
