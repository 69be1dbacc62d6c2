using Microsoft.EntityFrameworkCore;
using SafeHarbor.Documents;
using SafeHarbor.Features.CaseDocuments;
using SafeHarbor.IntegrationTests.Cli;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Documents;

/// <summary><c>documents kinds</c> and <c>documents render</c> as an administrator runs them.</summary>
public sealed class DocumentsCommandTests : IDisposable
{
    private readonly DirectoryInfo output = Directory.CreateTempSubdirectory("safeharbor-cli-docs-");

    public void Dispose() => output.Delete(recursive: true);

    [NoDatabase("listing the kinds opens no database")]
    public async Task Kinds_lists_the_13_kinds_one_per_line_with_slug_and_chinese_name()
    {
        var result = await AdminCli.RunAsync(["documents", "kinds"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(13, result.OutputLines.Count);
        Assert.Equal(Enum.GetValues<DocumentKind>().Select(k => $"{k.Slug()}\t{k.Chinese()}"), result.OutputLines);
        Assert.Contains("feedback-notice\t结果反馈通知书", result.OutputLines);
        Assert.Contains("refusal-notice\t不予受理通知书", result.OutputLines);
        Assert.All(result.OutputLines, line => Assert.True(DocumentKinds.TryParse(line.Split('\t')[0], out _), line));
        Assert.Equal("", result.Error);
    }

    [Theory, AllDatabases]
    public async Task Render_writes_a_docx_with_the_issued_number_that_the_api_then_keeps(Db db)
    {
        await using var app = await DemoBureau.StartAsync(db);
        var c = await app.CaseAsync(DemoCases.ArchivedExempted);
        var file = Path.Combine(output.FullName, "out", "x.docx");

        // Case numbers are per bureau: the demo's county bureaus have a case of that number too.
        var ambiguous = await AdminCli.RunAsync(["documents", "render", "--case", c.Number, "--kind", "feedback-notice", "--out", file], app.CliSettings);
        Assert.Equal(2, ambiguous.ExitCode);
        Assert.Contains("请用 --bureau 指明是哪个局的", ambiguous.Error);
        Assert.False(File.Exists(file));

        var result = await AdminCli.RunAsync(["documents", "render", "--case", c.Number, "--bureau", "qh", "--kind", "feedback-notice", "--out", file], app.CliSettings);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(file), result.ToString());
        var single = Assert.Single(result.OutputLines);
        Assert.Contains("结果反馈通知书（青市监容反〔2026〕1号）", single);
        Assert.Contains(file, single);
        using (var docx = new RenderedDocx(await File.ReadAllBytesAsync(file)))
        {
            Assert.Equal("青市监容反〔2026〕1号", Assert.Single(docx.Numbers));
            Assert.Contains("何晓峰", docx.Text);
            Assert.Empty(docx.LayoutProblems(docx.Title, DocumentFonts.ForThisMachine));
        }
        var entry = await app.WithDbAsync(d => d.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == "IssueDocumentNumber"));
        Assert.Equal("青市监容反〔2026〕1号", entry.EntityId);
        Assert.Equal(c.Id, entry.CaseId);

        // The same document from the API keeps the number the command issued.
        using (var response = await app.Office.GetAsync($"/api/cases/{c.Id}/documents/feedback-notice"))
        {
            using var docx = new RenderedDocx(await response.Content.ReadAsByteArrayAsync());
            Assert.Equal("青市监容反〔2026〕1号", Assert.Single(docx.Numbers));
        }
        Assert.Single(await app.WithDbAsync(d => d.Set<IssuedDocument>().ToListAsync()));

        using (var written = new RenderedDocx(await File.ReadAllBytesAsync(file)))
        {
            var errors = written.ValidationErrors();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }
    }

    [NoDatabase("the kind is refused before any database is opened")]
    public async Task An_unknown_kind_exits_2_with_a_chinese_message_listing_the_kinds_and_writes_nothing()
    {
        var file = Path.Combine(output.FullName, "x.docx");

        // The kind is checked before any database is opened.
        var result = await AdminCli.RunAsync(["documents", "render", "--case", "2026-0001", "--kind", "nonsense", "--out", file]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("没有“nonsense”这种公文", result.Error);
        Assert.Contains("feedback-notice", result.Error);
        Assert.Empty(result.OutputLines);
        Assert.False(File.Exists(file));
    }

    [Theory, AllDatabases]
    public async Task An_unknown_case_exits_2_with_a_chinese_message_and_writes_nothing(Db db)
    {
        await using var app = await DemoBureau.StartAsync(db);
        var file = Path.Combine(output.FullName, "x.docx");

        var result = await AdminCli.RunAsync(["documents", "render", "--case", "2026-9999", "--kind", "feedback-notice", "--out", file], app.CliSettings);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("没有编号为 2026-9999 的案件", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.False(File.Exists(file));
    }

    [Theory, AllDatabases]
    public async Task A_document_the_case_cannot_produce_exits_2_naming_the_missing_fact(Db db)
    {
        await using var app = await DemoBureau.StartAsync(db);
        var c = await app.CaseAsync(DemoCases.Registered);
        var file = Path.Combine(output.FullName, "x.docx");

        var result = await AdminCli.RunAsync(["documents", "render", "--case", c.Number, "--kind", "feedback-notice", "--out", file], app.CliSettings);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("结果反馈通知书", result.Error);
        Assert.Contains(c.Number, result.Error);
        Assert.Contains("尚无此项", result.Error);
        Assert.False(File.Exists(file));
        Assert.Empty(await app.WithDbAsync(d => d.Set<IssuedDocument>().ToListAsync()));
    }

    [NoDatabase("the format is refused before any database is opened")]
    public async Task An_unknown_format_exits_2_with_a_chinese_message()
    {
        var result = await AdminCli.RunAsync(["documents", "render", "--case", "2026-0001", "--kind", "feedback-notice", "--format", "odt", "--out", Path.Combine(output.FullName, "x.odt")]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--format 应为 docx 或 pdf", result.Error);
    }
}
