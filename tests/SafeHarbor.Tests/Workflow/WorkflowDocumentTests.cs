using System.Runtime.CompilerServices;
using SafeHarbor.Cases;

namespace SafeHarbor.Tests.Workflow;

/// <summary>docs/workflow.md and docs/disclosure.md are generated from their tables; these tests keep them in step.</summary>
public sealed class WorkflowDocumentTests
{
    /// <summary>Run with UPDATE_DOCS=1 to rewrite docs/workflow.md from the table instead of checking it.</summary>
    [Fact]
    public void Workflow_document_matches_the_transition_table() =>
        AssertGenerated("workflow.md", CaseWorkflow.ToMarkdown(), "CaseWorkflow.ToMarkdown()");

    /// <summary>docs/disclosure.md, who sees what per stage and audience, likewise.</summary>
    [Fact]
    public void Disclosure_document_matches_the_table() =>
        AssertGenerated("disclosure.md", CaseDisclosure.ToMarkdown(), "CaseDisclosure.ToMarkdown()");

    private static void AssertGenerated(string file, string markdown, string source)
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

    [Fact]
    public void Workflow_document_lists_every_step_of_the_table()
    {
        var markdown = CaseWorkflow.ToMarkdown();
        var rows = markdown.Split('\n').Count(l => l.StartsWith("| ", StringComparison.Ordinal)) - 1;

        Assert.Equal(CaseWorkflow.Steps.Count, rows);
        Assert.Contains("Workflow_document_matches_the_transition_table", markdown);
    }

    /// <summary>
    /// The folder holding SafeHarbor.slnx, above the test output; when the build output lives elsewhere
    /// (<c>--artifacts-path /tmp/…</c>), above this source file as the compiler saw it.
    /// </summary>
    private static string RepositoryRoot([CallerFilePath] string sourceFile = "")
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
}
