using System.Runtime.CompilerServices;

namespace SafeHarbor.Tests.Docs;

/// <summary>The documents under docs/ generated from the code: one way to check them and one way to rewrite them.</summary>
public static class GeneratedDocs
{
    /// <summary>Fails when docs/<paramref name="file"/> differs from <paramref name="markdown"/>; with UPDATE_DOCS=1 rewrites it first.</summary>
    public static void AssertGenerated(string file, string markdown, string source)
    {
        var path = Path.Combine(RepositoryRoot(), "docs", file);
        var generated = markdown.ReplaceLineEndings("\n");

        if (Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, generated);
        }

        Assert.True(File.Exists(path), $"{path} is missing: run the tests with UPDATE_DOCS=1 to generate it.");
        var onDisk = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.True(generated == onDisk, $"{path} differs from {source}: run the tests with UPDATE_DOCS=1 to regenerate it.");
    }

    /// <summary>
    /// The folder holding SafeHarbor.slnx, above the test output; when the build output lives elsewhere
    /// (<c>--artifacts-path /tmp/…</c>), above this source file as the compiler saw it.
    /// </summary>
    public static string RepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? "" })
        {
            for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SafeHarbor.slnx")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new InvalidOperationException($"No SafeHarbor.slnx above {AppContext.BaseDirectory} or {sourceFile}.");
    }

    /// <summary>The C# sources of a test project, build output left out, with paths relative to the repository.</summary>
    public static IEnumerable<(string Path, string Text)> Sources(string project)
    {
        var root = RepositoryRoot();
        var dir = Path.Combine(root, "tests", project);
        return Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.Split('/').Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal)
            .Select(f => (f, File.ReadAllText(Path.Combine(root, f))));
    }
}
