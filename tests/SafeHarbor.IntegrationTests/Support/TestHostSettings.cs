using System.Runtime.CompilerServices;

namespace SafeHarbor.IntegrationTests.Support;

internal static class TestHostSettings
{
    /// <summary>
    /// Many apps start in one test process: none of them watches its settings files, so the run does
    /// not exhaust the machine's inotify instances.
    /// </summary>
    [ModuleInitializer]
    internal static void DoNotWatchSettingsFiles() =>
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
}
