using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Docs;

/// <summary>
/// The curl walk-through in docs/api.md is run exactly as written against the real executable,
/// started the way the README says, on a fresh SQLite database with the demo data.
/// </summary>
public sealed partial class ApiWalkthroughTests
{
    [SqliteOnly("runs the built executable as docs/api.md says, on its default SQLite file")]
    public async Task Api_walkthrough_in_docs_runs_as_written()
    {
        var repo = Support.Repo.Root;
        var markdown = await File.ReadAllTextAsync(Path.Combine(repo, "docs", "api.md"));
        var example = markdown[markdown.IndexOf("## Worked example", StringComparison.Ordinal)..];
        var script = string.Join("\n", BashBlock().Matches(example).Select(m => m.Groups[1].Value));
        Assert.Contains("/api/cases", script);

        var work = Directory.CreateTempSubdirectory("safeharbor-walkthrough-");
        var port = FreePort();
        using var server = Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "SafeHarbor.dll"), "--urls", $"http://127.0.0.1:{port}"], work.FullName, new()
        {
            ["Database__ConnectionString"] = $"Data Source={Path.Combine(work.FullName, "walk.db")}",
            ["Storage__Directory"] = Path.Combine(work.FullName, "files"),
            // What `dotnet run` sets through Properties/launchSettings.json; the built executable alone starts empty.
            ["Demo__Seed"] = "true",
        });
        var serverLog = new StringBuilder();
        // Drain the server's output so its logging never blocks on a full pipe.
        server.OutputDataReceived += (_, e) => { lock (serverLog) { serverLog.AppendLine(e.Data); } };
        server.ErrorDataReceived += (_, e) => { lock (serverLog) { serverLog.AppendLine(e.Data); } };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            await WaitUntilServingAsync(port, server, serverLog);
            var scriptPath = Path.Combine(work.FullName, "walkthrough.sh");
            await File.WriteAllTextAsync(scriptPath, script);
            using var run = Start("bash", [scriptPath], work.FullName, new() { ["BASE"] = $"http://127.0.0.1:{port}" });
            var stdout = run.StandardOutput.ReadToEndAsync();
            var stderr = run.StandardError.ReadToEndAsync();
            await run.WaitForExitAsync(TestContext.Current.CancellationToken);
            var output = await stdout;
            if (run.ExitCode != 0)
            {
                Assert.Fail($"walk-through failed ({run.ExitCode}):\n{output}\n{await stderr}\nserver:\n{Snapshot(serverLog)}");
            }
            Assert.Contains("已备案", output);
            Assert.Contains("形成认定意见", output);
            Assert.Contains("受第十一条第（三）项保护", output);
            Assert.Contains("\"stageName\": \"整改中\"", output);
            Assert.Contains("审计日志完整", output);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            work.Delete(recursive: true);
        }
    }

    private static Process Start(string file, string[] args, string workingDirectory, Dictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
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

    /// <summary>The server's output so far (the output handlers append to it on other threads).</summary>
    private static string Snapshot(StringBuilder serverLog)
    {
        lock (serverLog)
        {
            return serverLog.ToString();
        }
    }

    private static async Task WaitUntilServingAsync(int port, Process server, StringBuilder serverLog)
    {
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (server.HasExited)
            {
                Assert.Fail($"the server stopped: {Snapshot(serverLog)}");
            }
            try
            {
                var response = await http.GetAsync($"http://127.0.0.1:{port}/openapi/v1.json");
                if (response.StatusCode == HttpStatusCode.OK)
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

    [GeneratedRegex(@"```bash\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex BashBlock();
}
