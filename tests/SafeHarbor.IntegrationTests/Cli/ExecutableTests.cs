using System.Diagnostics;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Cli;

/// <summary>The built executable itself: Program hands command words to the command line and never starts the web server for them.</summary>
public sealed class ExecutableTests
{
    [NoDatabase("a calendar command of the built executable opens no database")]
    public async Task The_built_executable_answers_a_calendar_command_and_exits_without_starting_the_web_server()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "SafeHarbor.dll");
        Assert.True(File.Exists(dll), $"{dll} was not built next to the tests");
        var work = Directory.CreateTempSubdirectory("safeharbor-cli-");
        try
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = work.FullName,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { dll, "calendar", "deadline", "--from", "2026-02-10", "--working-days", "7" })
            {
                start.ArgumentList.Add(arg);
            }
            // A web server would listen on http://localhost:5080 and never exit; this guard only stops a hung run.
            using var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            guard.CancelAfter(TimeSpan.FromMinutes(2));
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync(guard.Token);
            var stderr = process.StandardError.ReadToEndAsync(guard.Token);
            try
            {
                await process.WaitForExitAsync(guard.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("the executable did not exit: it seems to have started the web server instead of running the command");
            }
            var output = await stdout;
            var error = await stderr;

            // From Tue 2026-02-10 (not counted): Wed 2-11 (1), Thu 2-12 (2), Fri 2-13 (3), Sat 2-14 调休上班 (4);
            // 2-15..2-23 春节; Tue 2-24 (5), Wed 2-25 (6), Thu 2-26 (7). (Sat 2-28 is the other make-up day, not reached.)
            Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}\n{output}\n{error}");
            Assert.Equal("2026-02-26", output.Trim());
            Assert.Equal("", error);
            Assert.DoesNotContain("Now listening", output);
            Assert.False(Directory.Exists(Path.Combine(work.FullName, "data")), "a calendar command must not create the database or key folders");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
