using System.Net;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Pages;

/// <summary>The whole procedure done with the pages' own forms, by the people whose duty each step is.</summary>
[Article("5(1)", "5(2)", "5(3)", "5(4)", "5(5)", "5(6)")]
public sealed class ProcedureThroughPagesTests
{
    private static readonly string[] Items = ["within-duties", "bold-but-mistaken", "no-major-accident", "no-improper-benefit", "no-abuse-as-cover", "c1", "c2", "c3", "c4", "c5", "c6"];

    private static void Redirected(WebPage answer, string? to = null)
    {
        Assert.True(answer.Status == HttpStatusCode.Redirect, $"{answer}: {answer.Summary} {answer.Text}");
        if (to is not null)
        {
            Assert.Equal(to, answer.Location);
        }
    }

    [Theory, AllDatabases]
    public async Task A_case_goes_from_registration_to_archive_through_the_step_pages(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var inv = await Browser.SignedInAsync(app, "inv");
        using var staffA = await Browser.SignedInAsync(app, "staffA");
        using var office = await Browser.SignedInAsync(app, "office");
        using var archivist = await Browser.SignedInAsync(app, "archivist");

        // 局机关纪委 registers the matter.
        var newCase = await inv.GetAsync("/Cases/New");
        Assert.Equal(app.Clock.Today.ToString("yyyy-MM-dd"), FormFields.Of(newCase.Form("main form"))["Input.AccountabilityStartedOn"]);
        var registered = await inv.SubmitAsync(newCase, "main form", f => f
            .Set("Input.Title", "城东分局对首次轻微违法经营者不予处罚后跟踪抽检不及时")
            .Set("Input.Description", "依法不予处罚后未按计划开展跟踪抽检复查。")
            .Set("Input.BusinessField", "食品安全")
            .Set("Input.SubjectPersons", app.Cast.PersonOf["staffA"].ToString()));
        Redirected(registered);
        var id = Guid.Parse(registered.Location!["/Cases/".Length..]);
        var casePage = await inv.FollowAsync(registered);
        Assert.Contains("已登记问责事项", casePage.TextOf("main > [role=status]"));
        Assert.Equal("待申请", casePage.TextOf("[data-testid=status]"));

        // The person held accountable applies.
        var apply = await staffA.GetAsync($"/Cases/{id}/Apply");
        Redirected(await staffA.SubmitAsync(apply, "main form[method=post]", StepFormTests.Application(apply, "因同期任务集中，跟踪抽检复查延迟。", "c1", "c6")), $"/Cases/{id}");

        // 局机关纪委 verifies every item and reports.
        var verify = await inv.GetAsync($"/Cases/{id}/Verify");
        Redirected(await inv.SubmitAsync(verify, "form[action$='handler=Start']"), $"/Cases/{id}/Verify");
        // Every item in one form, saved at once.
        verify = await inv.GetAsync($"/Cases/{id}/Verify");
        Redirected(await inv.SubmitAsync(verify, "#findings", f =>
        {
            foreach (var item in Items)
            {
                f.Finding(item, item is "c2" or "c3" or "c4" or "c5" ? "NotMet" : "Met", $"经核实：{item}。");
            }
        }));
        verify = await inv.GetAsync($"/Cases/{id}/Verify");
        Assert.Equal("已记录：符合", verify.TextOf("[data-testid=finding-c1]"));
        Assert.NotNull(verify.Find("[data-testid=advice-Verified]"));
        Redirected(await inv.SubmitAsync(verify, "form[action$='handler=Report']", f => f
            .Set("Report.Text", "经调查核实，综合各方面因素，建议予以容错免责。").Set("Report.Recommendation", "Exempted")), $"/Cases/{id}");

        // 局办公室 opens a meeting, records attendance and puts the case on the agenda; three members vote; the decision.
        var meetings = await office.GetAsync("/Meetings");
        Assert.Contains(meetings.All("[data-testid=waiting] a"), a => a.GetAttribute("href") == $"/Cases/{id}");
        var opened = await office.SubmitAsync(meetings, "main form[method=post]", f => f.Set("Input.Title", "2026年第十六次党组会议"));
        Redirected(opened);
        var meetingUrl = opened.Location!;
        var meeting = await office.GetAsync(meetingUrl);
        Redirected(await office.SubmitAsync(meeting, "form[data-testid=attendance]"), meetingUrl);
        meeting = await office.GetAsync(meetingUrl);
        Redirected(await office.SubmitAsync(meeting, "form[action$='handler=Schedule']"), meetingUrl);
        var number = (await app.DetailAsync(new CaseRef(id, ""))).GetProperty("number").GetString();
        foreach (var member in new[] { "m1", "m2", "m3" })
        {
            using var browser = await Browser.SignedInAsync(app, member);
            var page = await browser.GetAsync(meetingUrl);
            Redirected(await browser.SubmitAsync(page, $"[data-testid='agenda-{number}'] form[action$='handler=Vote']", buttonSelector: "button[value=Exempted]"), meetingUrl);
        }
        meeting = await office.GetAsync(meetingUrl);
        Assert.Contains("同意予以容错免责 3 票", meeting.TextOf($"[data-testid='agenda-{number}']"));
        Redirected(await office.SubmitAsync(meeting, $"[data-testid='agenda-{number}'] form[action$='handler=Decide']", f => f
            .Set("Input.Outcome", "Exempted").Set("Input.Reasons", "经集体研究，符合第四条规定，予以容错免责。")), meetingUrl);
        Assert.Equal("已认定待反馈", (await inv.GetAsync($"/Cases/{id}")).TextOf("[data-testid=status]"));

        // Feedback in writing, its delivery, the applicant's acknowledgement.
        var feedback = await office.GetAsync($"/Cases/{id}/Feedback");
        Assert.Contains("予以容错免责", FormFields.Of(feedback.Form("form[action$='handler=Issue']"))["Issue.ResultText"]);
        Redirected(await office.SubmitAsync(feedback, "form[action$='handler=Issue']", f => f.Set("Issue.Explanation", "依照第五条第（四）项书面反馈并答复解释。")), $"/Cases/{id}/Feedback");
        feedback = await office.GetAsync($"/Cases/{id}/Feedback");
        Redirected(await office.SubmitAsync(feedback, "form[action$='handler=Delivery']"), $"/Cases/{id}");
        var acknowledge = await staffA.GetAsync($"/Cases/{id}/Feedback");
        Redirected(await staffA.SubmitAsync(acknowledge, "form[action$='handler=Acknowledge']", f => f.Set("Acknowledgement.Comment", "已收到，无异议。")), $"/Cases/{id}");

        // Publication and filing.
        var publish = await office.GetAsync($"/Cases/{id}/Publish");
        Redirected(await office.SubmitAsync(publish, "main form[method=post]", f => f.Set("Input.Scope", "全局各科室、各分局").Set("Input.Reference", "通报〔2026〕1号")), $"/Cases/{id}");
        var archive = await archivist.GetAsync($"/Cases/{id}/Archive");
        Redirected(await archivist.SubmitAsync(archive, "main form[method=post]"), $"/Cases/{id}");

        var archived = await archivist.GetAsync($"/Cases/{id}");
        Assert.Equal("已备案", archived.TextOf("[data-testid=status]"));
        Assert.NotEqual("", archived.TextOf("[data-testid=archive-number]"));
        // The applicant sees the case is filed; the filing record and the archive package stay with the bodies.
        var applicantsView = await staffA.GetAsync($"/Cases/{id}");
        Assert.Equal("已备案", applicantsView.TextOf("[data-testid=status]"));
        Assert.Null(applicantsView.Find("[data-testid=archive-number]"));
        string[] expected =
        [
            "Register", "Apply", "StartVerification", .. Items.Select(_ => "RecordFinding"), "SubmitReport", "Schedule", "Vote", "Vote", "Vote", "Decide", "CreateResultRecords",
            "IssueFeedback", "RecordDelivery", "Acknowledge", "Publish", "Archive",
        ];
        Assert.Equal(expected, await app.TimelineAsync(new CaseRef(id, "")));
    }
}
