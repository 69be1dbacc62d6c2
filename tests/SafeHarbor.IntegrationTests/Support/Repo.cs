using System.Runtime.CompilerServices;

namespace SafeHarbor.IntegrationTests.Support;

/// <summary>The repository the tests were built from: found above the test binaries, or above this source file.</summary>
public static class Repo
{
    public static string Root { get; } = Find();

    private static string Find([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? "" })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SafeHarbor.slnx")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new InvalidOperationException($"SafeHarbor.slnx not found above {AppContext.BaseDirectory} or {sourceFile}");
    }
}
