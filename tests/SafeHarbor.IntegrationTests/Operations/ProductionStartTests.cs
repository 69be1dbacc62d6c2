using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Operations;

/// <summary>
/// The built executable as docs/deploy.md installs it: migrate, the first administrator from standard input, then the
/// server with migrations at start off and JSON console logs, one structured line per request with the user's id.
/// </summary>
public sealed class ProductionStartTests
{
    private const string Password = "Harbor2026x";

    [SqliteOnly("runs the built executable as docs/deploy.md does; the provider changes nothing in the start-up or the logs")]
    public async Task A_production_start_has_no_demo_data_and_logs_each_request_as_one_json_line_with_the_user()
    {
        var work = Directory.CreateTempSubdirectory("safeharbor-production-");
        var environment = new Dictionary<string, string>
        {
            ["Database__ConnectionString"] = $"Data Source={Path.Combine(work.FullName, "prod.db")}",
            ["DataProtection__KeysDirectory"] = Path.Combine(work.FullName, "keys"),
            ["Evidence__Directory"] = Path.Combine(work.FullName, "evidence"),
            ["Security__PasswordHashIterations"] = "1000",
        };
        try
        {
            var migrate = await RunAsync(work.FullName, environment, null, "migrate");
            Assert.True(migrate.Exit == 0, migrate.Output);
            var admin = await RunAsync(work.FullName, environment, Password + "\n", "admin", "create", "--user", "root", "--name", "系统管理员", "--password-stdin",
                "--bureau-code", "xy", "--bureau-name", "信阳市市场监督管理局", "--bureau-short-name", "信市监");
            Assert.True(admin.Exit == 0, admin.Output);

            var port = FreePort();
            var server = new Dictionary<string, string>(environment)
            {
                ["Database__MigrateAtStart"] = "false",
                ["Logging__Console__FormatterName"] = "json",
            };
            var log = new StringBuilder();
            using var process = Start(work.FullName, server, "--urls", $"http://127.0.0.1:{port}");
            process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
            process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            string userId;
            try
            {
                using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
                await WaitUntilLiveAsync(http, process, log);
                Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/setup")).StatusCode);
                // The first administrator's first sign-in: a password of her own, then her authenticator.
                var (token, _) = await Authenticator.FirstSignInAsync(http, "root", Password, Password + "!");
                using var users = new HttpRequestMessage(HttpMethod.Get, "/api/admin/users");
                users.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                var answer = await http.SendAsync(users);
                Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
                var accounts = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement;
                userId = Assert.Single(accounts.EnumerateArray()).GetProperty("id").GetString()!;
                await Task.Delay(500); // the console logger writes on its own thread
            }
            finally
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            string output;
            lock (log)
            {
                output = log.ToString();
            }
            Assert.DoesNotContain("演示数据", output);
            var requests = output.Split('\n').Where(l => l.TrimStart().StartsWith('{'))
                .Select(l => JsonDocument.Parse(l).RootElement)
                .Where(e => e.GetProperty("Category").GetString() == "SafeHarbor.Requests")
                .Select(e => e.GetProperty("State"))
                .ToList();
            var list = Assert.Single(requests, s => s.GetProperty("Path").GetString() == "/api/admin/users");
            Assert.Equal("GET", list.GetProperty("Method").GetString());
            Assert.Equal(200, list.GetProperty("StatusCode").GetInt32());
            Assert.True(list.GetProperty("ElapsedMilliseconds").GetDouble() >= 0);
            Assert.Equal(userId, list.GetProperty("UserId").GetString(), ignoreCase: true);
            var setup = Assert.Single(requests, s => s.GetProperty("Path").GetString() == "/setup");
            Assert.Equal(404, setup.GetProperty("StatusCode").GetInt32());
            Assert.Equal(JsonValueKind.Null, setup.GetProperty("UserId").ValueKind);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task<(int Exit, string Output)> RunAsync(string work, Dictionary<string, string> environment, string? stdin, params string[] args)
    {
        using var process = Start(work, environment, args, redirectInput: stdin is not null);
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static Process Start(string work, Dictionary<string, string> environment, params string[] args) => Start(work, environment, args, false);

    private static Process Start(string work, Dictionary<string, string> environment, string[] args, bool redirectInput)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = work,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SafeHarbor.dll"));
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        return Process.Start(info)!;
    }

    private static async Task WaitUntilLiveAsync(HttpClient http, Process server, StringBuilder log)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (server.HasExited)
            {
                lock (log)
                {
                    Assert.Fail($"the server stopped: {log}");
                }
            }
            try
            {
                if ((await http.GetAsync("/health/live")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(250);
        }
        Assert.Fail("the server did not start within 90 seconds");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
