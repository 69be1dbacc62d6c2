using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using SafeHarbor.Documents;
using SafeHarbor.IntegrationTests.Pages;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Documents;

/// <summary>
/// Templates outside the code: an administrator points <c>Documents:TemplateDirectory</c> at a folder of their
/// own (another bureau's letterhead and wording) and the documents follow without a code change; a broken or
/// missing file there is answered with a ProblemDetails naming the file and the field.
/// </summary>
public sealed class TemplateReplacementTests : IDisposable
{
    private const string NewLetterhead = "中共信阳市市场监督管理局党组";
    private const string NewSentence = "如对认定结果有异议，可在收到本通知之日起十五个工作日内向局党组书面提出复核申请。";

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("safeharbor-templates-");

    public TemplateReplacementTests()
    {
        foreach (var file in Directory.EnumerateFiles(DocumentTemplates.DefaultDirectory, "*.json"))
        {
            File.Copy(file, Path.Combine(folder.FullName, Path.GetFileName(file)));
        }
    }

    public void Dispose() => folder.Delete(recursive: true);

    private Dictionary<string, string?> Settings => new() { ["Documents:TemplateDirectory"] = folder.FullName };

    private string PathOf(string name) => Path.Combine(folder.FullName, name);

    private void Change(string name, Action<JsonObject> change)
    {
        var json = JsonNode.Parse(File.ReadAllText(PathOf(name)), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!.AsObject();
        change(json);
        File.WriteAllText(PathOf(name), json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    private static async Task<RenderedDocx> DownloadAsync(DemoBureau app, Guid caseId, string kind)
    {
        using var response = await app.Office.GetAsync($"/api/cases/{caseId}/documents/{kind}");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(bytes)}");
        return new RenderedDocx(bytes);
    }

    private void ReplaceFeedbackNotice() => Change("feedback-notice.json", json =>
    {
        json["letterhead"] = NewLetterhead;
        json["numberPrefix"] = "信市监容反";
        var body = json["body"]!.AsArray();
        body[^1] = new JsonObject { ["text"] = NewSentence };
        body.Add(new JsonObject { ["text"] = "此复。" });
    });

    [Theory, AllDatabases]
    public async Task A_replaced_template_changes_the_letterhead_the_number_and_the_wording_without_a_code_change(Db db)
    {
        ReplaceFeedbackNotice();
        await using var app = await DemoBureau.StartAsync(db, Settings);
        var c = await app.CaseAsync(DemoCases.ArchivedExempted);

        using (var docx = await DownloadAsync(app, c.Id, "feedback-notice"))
        {
            Assert.Equal(NewLetterhead, docx.Paragraphs[0]);
            Assert.Contains("信市监容反〔2026〕1号", docx.Paragraphs);
            Assert.Contains(NewSentence, docx.Paragraphs);
            Assert.Contains("此复。", docx.Paragraphs);
            Assert.DoesNotContain("特此通知。", docx.Paragraphs);
            Assert.DoesNotContain("中共青禾市市场监督管理局党组", docx.Paragraphs[0]);
        }
        // The other kinds still come from their own (unchanged) files in the same folder.
        using (var opinion = await DownloadAsync(app, c.Id, "determination-opinion"))
        {
            Assert.Equal("中共青禾市市场监督管理局党组", opinion.Paragraphs[0]);
        }
    }

    [Theory, AllDatabases]
    public async Task A_template_replaced_while_the_app_runs_counts_at_once(Db db)
    {
        await using var app = await DemoBureau.StartAsync(db, Settings);
        var c = await app.CaseAsync(DemoCases.ArchivedExempted);
        using (var before = await DownloadAsync(app, c.Id, "talk-record"))
        {
            Assert.Contains("个别谈话记录", before.Paragraphs);
        }

        Change("talk-record.json", json => json["title"] = "提醒谈话记录");

        using var after = await DownloadAsync(app, c.Id, "talk-record");
        Assert.Contains("提醒谈话记录", after.Paragraphs);
        Assert.DoesNotContain("个别谈话记录", after.Paragraphs);
    }

    [Theory, AllDatabases]
    public async Task Two_kinds_given_the_same_number_prefix_never_print_the_same_number_twice(Db db)
    {
        // Another bureau may well use one 代字 for all of its party group's documents.
        Change("reminder-letter.json", json => json["numberPrefix"] = "{{bureau.shortName}}党");
        Change("rectification-notice.json", json => json["numberPrefix"] = "{{bureau.shortName}}党");
        await using var app = await DemoBureau.StartAsync(db, Settings);
        var c = await app.CaseAsync(DemoCases.ArchivedExempted);

        using var reminder = await DownloadAsync(app, c.Id, "reminder-letter");
        var first = Assert.Single(reminder.Numbers);
        using var response = await app.Office.GetAsync($"/api/cases/{c.Id}/documents/rectification-notice");
        var body = await response.Content.ReadAsByteArrayAsync();

        // Either the second document gets a number of its own, or the template set is refused naming the shared
        // prefix; never an internal error, never the same 发文字号 on two documents.
        if (response.IsSuccessStatusCode)
        {
            using var rectification = new RenderedDocx(body);
            Assert.NotEqual(first, Assert.Single(rectification.Numbers));
        }
        else
        {
            var text = System.Text.Encoding.UTF8.GetString(body);
            Assert.True(text.Contains("template-invalid", StringComparison.Ordinal) && text.Contains("numberPrefix", StringComparison.Ordinal),
                $"{first} issued; the second kind with the same prefix answered {(int)response.StatusCode}: {text}");
        }
    }

    [Theory, AllDatabases]
    public async Task A_template_with_an_unknown_field_is_answered_with_a_problem_naming_the_file_and_the_field(Db db)
    {
        await using var app = await DemoBureau.StartAsync(db, Settings);
        var c = await app.CaseAsync(DemoCases.ArchivedExempted);
        Change("feedback-notice.json", json => json["body"]![1] = new JsonObject { ["text"] = "{{case.nonsense}}" });

        var problem = await app.Office.GetAsync($"/api/cases/{c.Id}/documents/feedback-notice").ProblemAsync(HttpStatusCode.InternalServerError);

        Assert.Equal("template-invalid", problem.Code);
        Assert.Contains("feedback-notice.json", problem.Title);
        Assert.Contains("case.nonsense", problem.Title);
        Assert.Contains("body[1]", problem.Title);

        // Repaired, the document renders and takes the first number: the broken attempt took none.
        File.Copy(Path.Combine(DocumentTemplates.DefaultDirectory, "feedback-notice.json"), PathOf("feedback-notice.json"), overwrite: true);
        using var docx = await DownloadAsync(app, c.Id, "feedback-notice");
        Assert.Contains("青市监容反〔2026〕1号", docx.Paragraphs);
    }

    [Theory, AllDatabases]
    public async Task A_template_with_broken_json_is_answered_with_a_problem_naming_the_file_and_the_line(Db db)
    {
        await using var app = await DemoBureau.StartAsync(db, Settings);
        var c = await app.CaseAsync(DemoCases.ArchivedExempted);
        File.WriteAllText(PathOf("feedback-notice.json"), "{\n  \"kind\": \"FeedbackNotice\",\n  \"name\": \"结果反馈通知书\"\n  \"layout\": \"Document\"\n}\n");

        var problem = await app.Office.GetAsync($"/api/cases/{c.Id}/documents/feedback-notice").ProblemAsync(HttpStatusCode.InternalServerError);

        Assert.Equal("template-invalid", problem.Code);
        Assert.Contains("feedback-notice.json", problem.Title);
        Assert.Contains("第 4 行", problem.Title);
    }

    [Theory, AllDatabases]
    public async Task A_missing_template_is_answered_with_a_problem_naming_the_file(Db db)
    {
        await using var app = await DemoBureau.StartAsync(db, Settings);
        var c = await app.CaseAsync(DemoCases.ArchivedExempted);
        File.Delete(PathOf("talk-record.json"));

        var problem = await app.Office.GetAsync($"/api/cases/{c.Id}/documents/talk-record").ProblemAsync(HttpStatusCode.InternalServerError);

        Assert.Equal("template-invalid", problem.Code);
        Assert.Contains("talk-record.json", problem.Title);
        Assert.Contains("谈话记录", problem.Title);
    }

    [Theory, AllDatabases]
    public async Task The_documents_list_names_a_broken_template_too(Db db)
    {
        await using var app = await DemoBureau.StartAsync(db, Settings);
        var c = await app.CaseAsync(DemoCases.ArchivedExempted);
        Change("feedback-notice.json", json => json["title"] = "关于{{case.nonsense}}的通知");

        using var response = await app.Office.GetAsync($"/api/cases/{c.Id}/documents");
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(text.Contains("feedback-notice.json", StringComparison.Ordinal) && text.Contains("case.nonsense", StringComparison.Ordinal),
            $"GET /api/cases/{{id}}/documents with a broken feedback-notice.json answered {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory, AllDatabases]
    public async Task The_case_page_stays_up_and_names_a_broken_template(Db db)
    {
        Change("feedback-notice.json", json => json["title"] = "关于{{case.nonsense}}的通知");
        await using var app = await TestApp.StartAsync(db, Settings);
        var c = await new Support.Procedure(app).RegisterAsync("staffA");
        using var browser = await Browser.SignedInAsync(app, "inv");

        var page = await browser.GetAsync($"/Cases/{c.Id}");

        Assert.True(page.Status == HttpStatusCode.OK, $"the case page answered {page}: {page.Text[..Math.Min(300, page.Text.Length)]}");
        Assert.Contains("feedback-notice.json", page.Text);
    }
}
