using SafeHarbor.Cases;
using static SafeHarbor.Tests.Docs.GeneratedDocs;

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

    [Fact]
    public void Workflow_document_lists_every_step_of_the_table()
    {
        var markdown = CaseWorkflow.ToMarkdown();
        var rows = markdown.Split('\n').Count(l => l.StartsWith("| ", StringComparison.Ordinal)) - 1;

        Assert.Equal(CaseWorkflow.Steps.Count, rows);
        Assert.Contains("Workflow_document_matches_the_transition_table", markdown);
    }
}
