using Microsoft.Extensions.Configuration;
using SafeHarbor.Host;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Cli;

/// <summary>What an administrator sees after running one command: exit code, standard output, standard error.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error)
{
    public IReadOnlyList<string> OutputLines =>
        Output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Output}\n--- stderr ---\n{Error}";
}

/// <summary>Runs the administrator commands in-process, exactly as Program does, with configuration the test gives.</summary>
public static class AdminCli
{
    public static async Task<CliResult> RunAsync(string[] args, IDictionary<string, string?>? settings = null, string? stdin = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var input = stdin is null ? TextReader.Null : new StringReader(stdin);
        var exit = await CommandLine.RunAsync(args, input, output, error, configuration);
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    /// <summary>The settings that point the commands at a running test app's database, signing key and checkpoint folder.</summary>
    public static Dictionary<string, string?> DatabaseOf(TestApp app) => new()
    {
        ["Database:Provider"] = app.Database.Kind.ToString(),
        ["Database:ConnectionString"] = app.Database.ConnectionString,
        ["Audit:SigningKeyPath"] = app.Settings["Audit:SigningKeyPath"],
        ["Audit:CheckpointDirectory"] = app.Settings["Audit:CheckpointDirectory"],
    };
}
