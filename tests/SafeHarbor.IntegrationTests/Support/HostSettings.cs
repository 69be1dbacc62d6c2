namespace SafeHarbor.IntegrationTests.Support;

/// <summary>The configuration every test host of the app starts with: its own database (which holds the keys) and file folder.</summary>
internal static class HostSettings
{
    /// <param name="workDirectory">The host's own folder for stored files when they are kept in a folder (SQLite by default).</param>
    /// <param name="seedDemo">Seed the demo bureau on the empty database, as a first start does.</param>
    public static Dictionary<string, string?> For(TestDatabase database, string workDirectory, bool seedDemo, IDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Kind.ToString(),
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Demo:Seed"] = seedDemo ? "true" : "false",
            ["Security:PasswordHashIterations"] = "1000",
            // Tests sign in very often from 127.0.0.1 and call the API in bursts; RateLimitTests set low limits of their own.
            ["Security:RateLimits:SignInPerAddress"] = "1000000",
            ["Security:RateLimits:SignInPerAccount"] = "1000000",
            ["Security:RateLimits:ApiPerUser"] = "1000000",
            ["Storage:Directory"] = Path.Combine(workDirectory, "files"),
            ["Evidence:MaxFileBytes"] = (2 * 1024 * 1024).ToString(),
            ["Logging:LogLevel:Default"] = "Warning",
            // The host's own signing key and checkpoints; the background signer stays out of the tests' way unless a test asks.
            ["Audit:SigningKeyPath"] = Path.Combine(workDirectory, "keys", "audit-sm2.key"),
            ["Audit:CheckpointDirectory"] = Path.Combine(workDirectory, "checkpoints"),
            ["Audit:CheckpointPollSeconds"] = "3600",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        return settings;
    }

    /// <summary>A fresh folder under the temp directory for one host.</summary>
    public static string NewWorkDirectory() => Path.Combine(Path.GetTempPath(), "safeharbor-tests", Guid.NewGuid().ToString("N"));
}
