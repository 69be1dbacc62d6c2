using System.Net;
using System.Text.RegularExpressions;
using SafeHarbor.Cases;
using SafeHarbor.IntegrationTests.Procedure;
using SafeHarbor.IntegrationTests.Support;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.IntegrationTests.Documents;

/// <summary>
/// Documents right for the case: a person is addressed 你 and a unit 你单位; the 备案登记表 names what is
/// filed in Chinese and leaves the hashes to the archive manifest; text that cannot be printed
/// (emoji, control characters) is refused where it is typed, with rare CJK characters allowed.
/// </summary>
public sealed partial class DocumentWordingTests
{
    [Theory, AllDatabases]
    public async Task A_person_is_addressed_as_you_and_a_unit_as_your_unit(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var flow = new Support.Procedure(app);
        var person = await flow.RegisterAsync();
        await flow.ApplyAsync(person);
        var unit = await flow.RegisterAsync("城西分局", title: "城西分局广告监测线索移交延误", kind: SubjectKind.Unit);
        await app.As("leaderB").PostJsonAsync($"{unit.Url}/application", Support.Procedure.ApplicationBody(["c1", "c6"], SubjectKind.Unit, app.Cast.BranchB)).OkAsync();
        foreach (var c in new[] { person, unit })
        {
            await flow.VerifyAsync(c);
            await app.As("inv").PostJsonAsync($"{c.Url}/supplement-requests", new { items = "跟踪抽检台账复印件", workingDays = 5 }).OkAsync();
        }

        using (var notice = await RenderedDocx.DownloadAsync(app, person, "supplement-notice"))
        {
            Assert.Contains("你于", notice.Text);
            Assert.DoesNotContain("你（单位）", notice.Text);
            Assert.DoesNotContain("你单位", notice.Text);
        }
        using (var notice = await RenderedDocx.DownloadAsync(app, unit, "supplement-notice"))
        {
            Assert.Contains("你单位于", notice.Text);
            Assert.DoesNotContain("你（单位）", notice.Text);
        }
    }

    [Theory, AllDatabases]
    public async Task The_filing_form_lists_the_filed_documents_by_their_Chinese_names_without_hashes(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var flow = new Support.Procedure(app);
        var c = await flow.RegisterAsync();
        await flow.ApplyAsync(c);
        await Pages.PageArrange.UploadThroughApiAsync(app, c, "staffA", "抽检台账.pdf", "跟踪抽检台账");
        await flow.VerifyAsync(c);
        await flow.ReportAsync(c, Outcome.Exempted);
        await flow.DecideAtMeetingAsync(c, Outcome.Exempted);
        await flow.FeedbackDeliveredAndAcknowledgedAsync(c);
        await flow.ArchiveAsync(c);

        using var form = await RenderedDocx.DownloadAsync(app, c, "filing-form", user: "archivist");
        foreach (var name in new[] { "容错免责申请书", "书面调查报告", "会议纪要摘录", "认定意见", "结果反馈通知书", "抽检台账.pdf（跟踪抽检台账）", "案件办理记录" })
        {
            Assert.Contains(name, form.Text);
        }
        Assert.DoesNotContain(".json", form.Text);
        Assert.DoesNotContain("SM3", form.Text);
        Assert.DoesNotMatch(HexHash(), form.Text);
    }

    [Theory, AllDatabases]
    public async Task Emoji_and_control_characters_are_refused_where_they_are_typed_and_rare_characters_are_kept(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var flow = new Support.Procedure(app);

        var title = await app.As("inv").PostJsonAsync("/api/cases", new
        {
            title = "抽检\u0001复查不及时", description = "未按计划复查。", businessField = "食品安全", startedBy = "局党组",
            accountabilityStartedOn = app.Clock.Today, subjects = new[] { new { kind = SubjectKind.Person, id = app.Cast.PersonOf["staffA"] } },
        }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("控制字符 U+0001", title.FirstError("title"));

        var c = await flow.RegisterAsync(title: "吉（𠮷）姓经营者抽检复查不及时");
        var emoji = await app.As("staffA").PostJsonAsync($"{c.Url}/application", new
        {
            applicantKind = SubjectKind.Person,
            facts = "因同期任务集中，复查延迟😅。",
            effectAndLosses = "未造成危害。",
            recoveryMeasures = "已补做抽检。",
            claims = new[] { new { code = "c1", explanation = "有执法记录为证。" } },
        }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("“😅”", emoji.FirstError("facts"));
        Assert.Contains("表情符号", emoji.FirstError("facts"));
        Assert.Equal("Registered", (await flow.GetAsync(c)).Status());

        // Evidence names and descriptions are printed in the 备案登记表: the same rule.
        foreach (var (name, description) in new[] { ("现场照片😀.pdf", "现场照片"), ("现场照片.pdf", "现场\u0007照片") })
        {
            using var form = new MultipartFormDataContent();
            form.Add(new StringContent(description), "description");
            form.Add(new ByteArrayContent(Pages.PageArrange.SmallPdf), "file", name);
            using var response = await app.As("staffA").PostAsync($"{c.Url}/evidence", form);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("不能打印的字符", await response.Content.ReadAsStringAsync());
        }
        Assert.Empty((await flow.GetAsync(c)).GetProperty("evidence").EnumerateArray());

        await flow.ApplyAsync(c);
        using var application = await RenderedDocx.DownloadAsync(app, c, "application");
        Assert.Contains("吉（𠮷）姓经营者", application.Text);
    }

    [GeneratedRegex("[0-9a-f]{64}")]
    private static partial Regex HexHash();
}
