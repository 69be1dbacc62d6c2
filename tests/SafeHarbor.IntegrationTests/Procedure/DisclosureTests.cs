using System.Net;
using System.Text.Json;
using SafeHarbor.Cases;
using SafeHarbor.Documents;
using SafeHarbor.IntegrationTests.Pages;
using SafeHarbor.IntegrationTests.Support;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.IntegrationTests.Procedure;

/// <summary>
/// Who sees what (docs/disclosure.md): one case walks from registration to the archive; at every stage
/// every section of the case API, the advice, the evidence, the timeline and every document is asked
/// for as the applicant, the leader of their unit and every body of the procedure (纪委, 纪检监察组,
/// a party-group member, 局办公室, 局机关党委), and each answer is checked against <see cref="CaseDisclosure"/>.
/// </summary>
[Article("5")]
public sealed class DisclosureTests
{
    private static readonly string[] Parties = ["staffA", "leaderA"];
    private static readonly string[] Bodies = ["inv", "guide", "m1", "office", "archivist"];

    /// <summary>The case API's field for each section that has one.</summary>
    private static readonly (CaseSection Section, string Field)[] Fields =
    [
        (CaseSection.Application, "application"), (CaseSection.SupplementRequests, "supplementRequests"),
        (CaseSection.Findings, "findings"), (CaseSection.Guidance, "guidanceRequests"), (CaseSection.Report, "report"),
        (CaseSection.Decision, "decision"), (CaseSection.Feedback, "feedback"), (CaseSection.Publication, "publication"),
        (CaseSection.Archive, "archive"), (CaseSection.AbuseFindings, "substantiatedAbuse"),
    ];

    [Theory, AllDatabases]
    public async Task Every_section_and_document_follows_the_disclosure_table_at_every_stage(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var flow = new Support.Procedure(app);
        var c = await flow.RegisterAsync();
        var checkedStages = new HashSet<DisclosureStage>();

        async Task CheckAsync()
        {
            var bodyView = await app.DetailAsync(c);
            var stage = CaseDisclosure.StageOf(Enum.Parse<CaseStatus>(bodyView.Status()), bodyView.GetProperty("decision").ValueKind != JsonValueKind.Null);
            checkedStages.Add(stage);
            foreach (var user in Parties.Concat(Bodies))
            {
                var audience = Bodies.Contains(user) ? Audience.Body : Audience.Party;
                var where = $"{user} at {bodyView.Status()}";
                var view = await app.DetailAsync(c, user);
                foreach (var (section, field) in Fields)
                {
                    var shown = CaseDisclosure.Shows(section, audience, stage);
                    Assert.True(shown ? IsEmpty(view.GetProperty(field)) == IsEmpty(bodyView.GetProperty(field)) : IsEmpty(view.GetProperty(field)),
                        $"{field} ({section}) for {where}: {(shown ? "should be shown" : "should be hidden")}, got {view.GetProperty(field)}");
                }

                // Evidence: what the applicant uploaded is theirs; what the committee gathered is not.
                var expectedFiles = bodyView.GetProperty("evidence").EnumerateArray()
                    .Where(f => CaseDisclosure.Shows(CaseDisclosure.SectionOfEvidence(f.GetProperty("stage").GetString()!), audience, stage))
                    .Select(f => f.GetProperty("fileName").GetString()).ToList();
                Assert.Equal(expectedFiles, view.GetProperty("evidence").EnumerateArray().Select(f => f.GetProperty("fileName").GetString()).ToList());
                foreach (var file in bodyView.GetProperty("evidence").EnumerateArray())
                {
                    var section = CaseDisclosure.SectionOfEvidence(file.GetProperty("stage").GetString()!);
                    using var download = await app.As(user).GetAsync($"{c.Url}/evidence/{file.GetProperty("id").GetString()}");
                    Assert.True(CaseDisclosure.Shows(section, audience, stage) ? download.IsSuccessStatusCode : download.StatusCode == HttpStatusCode.Forbidden,
                        $"evidence {file.GetProperty("fileName")} for {where}: {download.StatusCode}");
                }

                // The case list neither shows nor filters by an outcome the user may not know yet.
                var decidedShown = CaseDisclosure.Shows(CaseSection.Decision, audience, stage) && bodyView.GetProperty("decision").ValueKind != JsonValueKind.Null;
                var byOutcome = (await app.As(user).GetOkAsync("/api/cases?outcome=Exempted")).GetProperty("items").EnumerateArray();
                Assert.Equal(decidedShown, byOutcome.Any(i => i.GetProperty("id").GetGuid() == c.Id));
                var inList = (await app.As(user).GetOkAsync("/api/cases")).GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == c.Id);
                Assert.Equal(decidedShown, inList.GetProperty("outcome").ValueKind != JsonValueKind.Null);

                // The advice and the repeat hint.
                using var advice = await app.As(user).GetAsync($"{c.Url}/advice");
                Assert.Equal(CaseDisclosure.Shows(CaseSection.Advice, audience, stage) ? HttpStatusCode.OK : HttpStatusCode.Forbidden, advice.StatusCode);
                if (view.GetProperty("decision") is { ValueKind: JsonValueKind.Object } decision && audience == Audience.Party)
                {
                    Assert.Equal(JsonValueKind.Null, decision.GetProperty("adviceName").ValueKind);
                }

                // Every document: listed and downloadable exactly when its section is shown (a shown one may still be 409: not producible yet).
                var listed = (await app.As(user).GetOkAsync($"{c.Url}/documents")).EnumerateArray().Select(d => d.GetProperty("slug").GetString()).ToHashSet();
                foreach (var kind in Enum.GetValues<DocumentKind>())
                {
                    var shown = CaseDisclosure.Shows(CaseDisclosure.SectionOf(kind), audience, stage);
                    Assert.True(shown == listed.Contains(kind.Slug()), $"{kind} listed={listed.Contains(kind.Slug())} for {where}");
                    if (audience == Audience.Party)
                    {
                        using var document = await app.As(user).GetAsync($"{c.Url}/documents/{kind.Slug()}");
                        Assert.True(shown ? document.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict : document.StatusCode == HttpStatusCode.Forbidden,
                            $"{kind} for {where}: {document.StatusCode}");
                    }
                }

                // The timeline: a party sees step names, never details; the bodies see everything.
                var timeline = (await app.As(user).GetOkAsync($"{c.Url}/timeline")).EnumerateArray().ToList();
                if (audience == Audience.Party)
                {
                    Assert.All(timeline, e => Assert.Equal("{}", e.GetProperty("details").ToString()));
                    Assert.DoesNotContain(timeline, e => e.GetProperty("action").GetString() is "RecordFinding" or "RequestGuidance" or "ReplyGuidance" or "Vote" or "SubmitReport");
                    Assert.Equal(stage == DisclosureStage.AfterFeedback && bodyView.GetProperty("decision").ValueKind != JsonValueKind.Null,
                        timeline.Any(e => e.GetProperty("action").GetString() == "Decide"));
                }
                else
                {
                    Assert.Contains(timeline, e => e.GetProperty("details").ToString() != "{}");
                }
            }
        }

        await CheckAsync();
        await flow.ApplyAsync(c);
        await app.UploadThroughApiAsync(c, "staffA", "抽检台账.pdf", "申请方提交");
        await CheckAsync();

        await flow.VerifyAsync(c);
        await app.UploadThroughApiAsync(c, "inv", "询问笔录.pdf", "核实中取得");
        await app.As("inv").PostJsonAsync($"{c.Url}/guidance-requests", new { question = "跟踪抽检延迟是否影响程序合法性的认定？" }).OkAsync();
        await app.As("inv").PostJsonAsync($"{c.Url}/supplement-requests", new { items = "跟踪抽检台账复印件", workingDays = 5 }).OkAsync();
        await app.As("staffA").PostJsonAsync($"{c.Url}/supplements", new { text = "已补交台账。" }).OkAsync();
        await flow.ReportAsync(c, Outcome.Exempted);
        await CheckAsync();

        await flow.DecideAtMeetingAsync(c, Outcome.Exempted);
        await CheckAsync();

        await flow.FeedbackDeliveredAndAcknowledgedAsync(c);
        await flow.PublishAsync(c);
        await CheckAsync();
        await flow.ArchiveAsync(c);
        await CheckAsync();

        Assert.Equal([DisclosureStage.BeforeApplication, DisclosureStage.InProcedure, DisclosureStage.Decided, DisclosureStage.AfterFeedback], checkedStages.Order());
    }

    [Theory, AllDatabases]
    public async Task A_case_withdrawn_after_its_report_keeps_the_report_and_advice_from_the_applicant_even_when_archived(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var flow = new Support.Procedure(app);
        var c = await flow.ReportedCaseAsync();
        await app.As("staffA").PostJsonAsync($"{c.Url}/withdrawal", new { reason = "经重新考虑，不再申请。" }).OkAsync();
        await flow.ArchiveAsync(c);

        var view = await app.DetailAsync(c, "staffA");
        Assert.Equal("Archived", view.Status());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("report").ValueKind);
        Assert.Empty(view.GetProperty("findings").EnumerateArray());
        var report = await app.As("staffA").GetAsync($"{c.Url}/documents/investigation-report").ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("not-disclosed", report.Code);
        Assert.Contains("书面调查报告", report.Title);
        Assert.NotEqual(JsonValueKind.Null, (await app.DetailAsync(c)).GetProperty("report").ValueKind);
    }

    [Theory, AllDatabases]
    public async Task The_applicants_case_page_shows_no_advice_report_or_guidance_before_feedback_and_the_result_after(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var flow = new Support.Procedure(app);
        var c = await flow.RegisterAsync();
        await flow.ApplyAsync(c);
        using var applicant = await Browser.SignedInAsync(app, "staffA");
        using var inv = await Browser.SignedInAsync(app, "inv");

        var page = await applicant.GetAsync($"/Cases/{c.Id}");
        Assert.Null(page.Find("[data-testid^='advice-']"));
        Assert.NotNull((await inv.GetAsync($"/Cases/{c.Id}")).Find("[data-testid='advice-Claimed']"));

        await flow.VerifyAsync(c);
        await app.As("inv").PostJsonAsync($"{c.Url}/guidance-requests", new { question = "是否属于第四条第（一）项？" }).OkAsync();
        await flow.ReportAsync(c, Outcome.Exempted);
        await flow.DecideAtMeetingAsync(c, Outcome.Exempted);

        page = await applicant.GetAsync($"/Cases/{c.Id}");
        Assert.Equal("已认定待反馈", page.Find("[data-testid='status']")?.TextContent.Trim());
        Assert.Null(page.Find("[data-testid^='advice-']"));
        Assert.Null(page.Find("#s-verify"));
        Assert.Null(page.Find("#s-decision"));
        Assert.DoesNotContain("书面调查报告", page.Text);
        Assert.DoesNotContain("申请指导函", page.Text);
        Assert.DoesNotContain("会议纪要", page.Text);
        Assert.NotNull((await inv.GetAsync($"/Cases/{c.Id}")).Find("#s-verify"));

        await flow.FeedbackDeliveredAndAcknowledgedAsync(c);
        page = await applicant.GetAsync($"/Cases/{c.Id}");
        Assert.Contains("予以容错免责", page.Find("[data-testid='outcome']")?.TextContent);
        Assert.NotNull(page.Find("#s-feedback"));
        Assert.NotNull(page.Find("[data-testid='docx-feedback-notice']"));
        Assert.Null(page.Find("[data-testid='docx-investigation-report']"));
        Assert.Null(page.Find("[data-testid^='advice-']"));
    }

    private static bool IsEmpty(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => true,
        JsonValueKind.Array => value.GetArrayLength() == 0,
        _ => false,
    };
}
