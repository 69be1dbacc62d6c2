using System.Net;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Features.CaseDocuments;
using SafeHarbor.IntegrationTests.Cli;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Documents;

/// <summary>
/// 发文字号 come from the system: per document type and year, issued the first time a document is produced,
/// kept by that document for good, never taken by a document the case cannot produce, and audited.
/// </summary>
public sealed class DocumentNumberingTests
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static async Task<RenderedDocx> DownloadAsync(DemoBureau app, Case c, string kind, string user = "sunxm")
    {
        using var response = await app.As(user).GetAsync($"/api/cases/{c.Id}/documents/{kind}");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {kind} of {c.Number}: {System.Text.Encoding.UTF8.GetString(bytes)}");
        Assert.Equal(DocxType, response.Content.Headers.ContentType?.MediaType);
        return new RenderedDocx(bytes);
    }

    private static async Task<string> NumberOfAsync(DemoBureau app, Case c, string kind)
    {
        using var docx = await DownloadAsync(app, c, kind);
        Assert.True(docx.Numbers.Count == 1, $"{kind} of {c.Number}: numbers [{string.Join(", ", docx.Numbers)}] in\n{docx.Text}");
        return docx.Numbers[0];
    }

    private static Task<List<IssuedDocument>> IssuedAsync(DemoBureau app) =>
        app.WithDbAsync(db => db.Set<IssuedDocument>().AsNoTracking().ToListAsync());

    [Theory, AllDatabases]
    public async Task Rendering_the_same_document_again_keeps_its_number_and_date_even_in_another_year(Db db)
    {
        await using var app = await DemoBureau.StartAsync(db);
        var c = await app.CaseAsync(DemoCases.ArchivedExempted);

        string first, again, later;
        IReadOnlyList<string> firstText;
        using (var docx = await DownloadAsync(app, c, "rectification-notice"))
        {
            first = Assert.Single(docx.Numbers);
            firstText = docx.Paragraphs;
        }
        again = await NumberOfAsync(app, c, "rectification-notice");
        app.Clock.SetToday(new DateOnly(2027, 1, 6));
        app.SignInAgain(); // tokens issued in 2026 have expired by then
        using (var docx = await DownloadAsync(app, c, "rectification-notice"))
        {
            later = Assert.Single(docx.Numbers);
            // 成文日期 is the day the number was issued, not the day of the download.
            Assert.Contains("2026年9月21日", docx.Paragraphs);
            Assert.DoesNotContain("2027年1月6日", docx.Paragraphs);
            Assert.Equal(firstText, docx.Paragraphs);
        }

        Assert.Equal("青市监党改〔2026〕1号", first);
        Assert.Equal(first, again);
        Assert.Equal(first, later);
        var issued = Assert.Single(await IssuedAsync(app));
        Assert.Equal((c.Id, first, 2026, 1, DemoBureau.Today), (issued.CaseId, issued.Number, issued.Year, issued.Sequence, issued.IssuedOn));
    }

    [Theory, AllDatabases]
    public async Task Two_cases_feedback_notices_are_numbered_1_and_2_in_their_year(Db db)
    {
        await using var app = await DemoBureau.StartAsync(db);
        var standard = await app.CaseAsync(DemoCases.PublishedAtMeeting);
        var sampling = await app.CaseAsync(DemoCases.ArchivedExempted);

        var firstNumber = await NumberOfAsync(app, standard, "feedback-notice");
        var secondNumber = await NumberOfAsync(app, sampling, "feedback-notice");

        Assert.Equal("青市监容反〔2026〕1号", firstNumber);
        Assert.Equal("青市监容反〔2026〕2号", secondNumber);
        Assert.Equal("青市监容反〔2026〕1号", await NumberOfAsync(app, standard, "feedback-notice"));
        // Another kind counts on its own.
        Assert.Equal("青市监党认〔2026〕1号", await NumberOfAsync(app, sampling, "determination-opinion"));
        Assert.Equal(3, (await IssuedAsync(app)).Count);
    }

    [Theory, AllDatabases]
    public async Task Each_year_counts_from_one(Db db)
    {
        await using var app = await DemoBureau.StartAsync(db);
        var first = await app.CaseAsync(DemoCases.ArchivedExempted);
        var second = await app.CaseAsync(DemoCases.MitigatedWithFeedback);
        var third = await app.CaseAsync(DemoCases.DecidedMitigated);

        var a = await NumberOfAsync(app, first, "reminder-letter");
        var b = await NumberOfAsync(app, second, "reminder-letter");
        app.Clock.SetToday(new DateOnly(2027, 1, 6));
        app.SignInAgain();
        var c = await NumberOfAsync(app, third, "reminder-letter");

        Assert.Equal(["青市监党提〔2026〕1号", "青市监党提〔2026〕2号", "青市监党提〔2027〕1号"], new[] { a, b, c });
    }

    [Theory, AllDatabases]
    public async Task A_document_the_case_cannot_produce_answers_409_naming_the_missing_fact_and_takes_no_number(Db db)
    {
        await using var app = await DemoBureau.StartAsync(db);
        var decided = await app.CaseAsync(DemoCases.DecidedMitigated); // decided, no written feedback yet
        var registered = await app.CaseAsync(DemoCases.Registered);

        var problem = await app.Office.GetAsync($"/api/cases/{decided.Id}/documents/feedback-notice").ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("document-unavailable", problem.Code);
        Assert.Contains("结果反馈通知书", problem.Title);
        Assert.Contains("“反馈的认定结果”", problem.Title);
        Assert.Contains(decided.Number, problem.Title);
        var refusal = await app.Office.GetAsync($"/api/cases/{registered.Id}/documents/refusal-notice").ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("不予受理通知书", refusal.Title);

        Assert.Empty(await IssuedAsync(app));
        Assert.Equal(0, await app.WithDbAsync(d => d.AuditEntries.CountAsync(e => e.Action == "IssueDocumentNumber")));

        var withFeedback = await app.CaseAsync(DemoCases.NotExempted);
        Assert.Equal("青市监容反〔2026〕1号", await NumberOfAsync(app, withFeedback, "feedback-notice"));
    }

    [Theory, AllDatabases]
    public async Task Issuing_a_number_is_audited_once_and_the_chain_stays_intact(Db db)
    {
        await using var app = await DemoBureau.StartAsync(db);
        var c = await app.CaseAsync(DemoCases.ArchivedExempted);

        var number = await NumberOfAsync(app, c, "circular");
        await NumberOfAsync(app, c, "circular");
        using (var application = await DownloadAsync(app, c, "application"))
        {
            Assert.Empty(application.Numbers); // unnumbered: nothing to issue, nothing to audit
        }

        var entries = await app.WithDbAsync(d => d.AuditEntries.AsNoTracking().Where(e => e.Action == "IssueDocumentNumber").ToListAsync());
        var entry = Assert.Single(entries);
        Assert.Equal(c.Id, entry.CaseId);
        Assert.Equal("Document", entry.EntityType);
        Assert.Equal(number, entry.EntityId);
        Assert.Equal("孙晓梅", entry.ActorName);
        Assert.Contains("通报", entry.Details);
        Assert.Contains(number, entry.Details);

        var verify = await AdminCli.RunAsync(["audit", "verify"], app.CliSettings);
        Assert.True(verify.ExitCode == 0, verify.ToString());
    }

    [Theory, AllDatabases]
    public async Task Simultaneous_first_downloads_of_one_document_share_one_number(Db db)
    {
        await using var app = await DemoBureau.StartAsync(db);
        var c = await app.CaseAsync(DemoCases.MitigatedWithFeedback);
        var client = app.Office;

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.GetAsync($"/api/cases/{c.Id}/documents/determination-opinion")));
        var numbers = new List<string>();
        foreach (var response in responses)
        {
            using (response)
            {
                var bytes = await response.Content.ReadAsByteArrayAsync();
                Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(bytes)}");
                using var docx = new RenderedDocx(bytes);
                numbers.Add(Assert.Single(docx.Numbers));
            }
        }

        Assert.Equal(["青市监党认〔2026〕1号"], numbers.Distinct());
        Assert.Single(await IssuedAsync(app));
    }

    [Theory, AllDatabases]
    public async Task Simultaneous_first_downloads_for_different_cases_get_different_numbers(Db db)
    {
        await using var app = await DemoBureau.StartAsync(db);
        var cases = new List<Case>();
        foreach (var title in new[] { DemoCases.ArchivedExempted, DemoCases.NotExempted, DemoCases.MitigatedWithFeedback, DemoCases.PublishedAtMeeting })
        {
            cases.Add(await app.CaseAsync(title));
        }
        var client = app.Office;

        var responses = await Task.WhenAll(cases.Select(c => client.GetAsync($"/api/cases/{c.Id}/documents/feedback-notice")));
        var numbers = new List<string>();
        foreach (var response in responses)
        {
            using (response)
            {
                var bytes = await response.Content.ReadAsByteArrayAsync();
                Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(bytes)}");
                using var docx = new RenderedDocx(bytes);
                numbers.Add(Assert.Single(docx.Numbers));
            }
        }

        Assert.Equal(["青市监容反〔2026〕1号", "青市监容反〔2026〕2号", "青市监容反〔2026〕3号", "青市监容反〔2026〕4号"], numbers.Order());
        Assert.Equal(4, (await IssuedAsync(app)).Count);
    }

    [Theory, AllDatabases]
    public async Task A_user_who_cannot_see_the_case_gets_404_and_no_number_is_issued(Db db)
    {
        await using var app = await DemoBureau.StartAsync(db);
        var c = await app.CaseAsync(DemoCases.ArchivedExempted); // 何晓峰 of 城东分局

        var problem = await app.As("yangf").GetAsync($"/api/cases/{c.Id}/documents/feedback-notice").ProblemAsync(HttpStatusCode.NotFound); // 杨帆 of 城西分局
        await app.As("yangf").GetAsync($"/api/cases/{c.Id}/documents").ProblemAsync(HttpStatusCode.NotFound);
        using var anonymous = app.CreateClient();
        using var unauthenticated = await anonymous.GetAsync($"/api/cases/{c.Id}/documents/feedback-notice");

        Assert.Equal("case-not-found", problem.Code);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.Empty(await IssuedAsync(app));
    }

    [Theory, AllDatabases]
    public async Task The_download_is_named_after_the_case_number_and_the_kind(Db db)
    {
        await using var app = await DemoBureau.StartAsync(db);
        var c = await app.CaseAsync(DemoCases.Refused);

        using var response = await app.Office.GetAsync($"/api/cases/{c.Id}/documents/refusal-notice");

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        Assert.Equal(DocxType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"{c.Number} 不予受理通知书.docx", response.Content.Headers.ContentDisposition?.FileNameStar);
        using var docx = new RenderedDocx(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("青市监容不〔2026〕1号", Assert.Single(docx.Numbers));
    }

    [Theory, AllDatabases]
    public async Task The_guidance_request_and_supplement_notice_are_numbered_per_request(Db db)
    {
        await using var app = await DemoBureau.StartAsync(db);
        var drug = await app.CaseAsync(DemoCases.GuidanceAndSupplement);
        var quality = await app.CaseAsync(DemoCases.Reported);

        using (var docx = await DownloadAsync(app, drug, "guidance-request"))
        {
            Assert.Equal("青市监纪函〔2026〕1号", Assert.Single(docx.Numbers));
            Assert.Contains("被省局通报是否属于第四条所称“恶劣影响”？请予指导。", docx.Paragraphs);
        }
        Assert.Equal("青市监纪补〔2026〕1号", await NumberOfAsync(app, drug, "supplement-notice"));
        Assert.Equal("青市监纪函〔2026〕2号", await NumberOfAsync(app, quality, "guidance-request"));

        // instance=0 is the same (first and only) request of the case; a request that does not exist is unavailable.
        using (var response = await app.Office.GetAsync($"/api/cases/{drug.Id}/documents/guidance-request?instance=0"))
        {
            using var docx = new RenderedDocx(await response.Content.ReadAsByteArrayAsync());
            Assert.Equal("青市监纪函〔2026〕1号", Assert.Single(docx.Numbers));
        }
        var missing = await app.Office.GetAsync($"/api/cases/{drug.Id}/documents/guidance-request?instance=1").ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("document-unavailable", missing.Code);
        Assert.Equal(3, (await IssuedAsync(app)).Count);
    }

    [Theory, AllDatabases]
    public async Task The_api_lists_the_documents_with_availability_and_refuses_an_unknown_kind(Db db)
    {
        await using var app = await DemoBureau.StartAsync(db);
        var refused = await app.CaseAsync(DemoCases.Refused);

        var list = await app.Office.GetOkAsync($"/api/cases/{refused.Id}/documents");
        var rows = list.EnumerateArray().ToList();
        Assert.Equal(13, rows.Count);
        var available = rows.Where(r => r.GetProperty("available").GetBoolean()).Select(r => r.GetProperty("slug").GetString()).ToList();
        Assert.Equal(["application", "refusal-notice"], available);
        var feedback = rows.Single(r => r.GetProperty("slug").GetString() == "feedback-notice");
        Assert.Contains("结果反馈通知书", feedback.GetProperty("reason").GetString());

        var unknown = await app.Office.GetAsync($"/api/cases/{refused.Id}/documents/nonsense").ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("document-kind-unknown", unknown.Code);
        Assert.Contains("feedback-notice", unknown.Title);
        Assert.Empty(await IssuedAsync(app));
    }
}
