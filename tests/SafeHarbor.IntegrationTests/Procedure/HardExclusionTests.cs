using System.Net;
using SafeHarbor.Cases;
using SafeHarbor.Features.Determination;
using SafeHarbor.IntegrationTests.Documents;
using SafeHarbor.IntegrationTests.Support;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.IntegrationTests.Procedure;

/// <summary>
/// Art. 4: a verified exclusion binds the report and the party group; the way back is re-verification,
/// audited. A decision that departs from the report or the advice carries its written reason into the
/// minutes and the feedback.
/// </summary>
[Article("4", "10")]
public sealed class HardExclusionTests
{
    private static async Task<CaseRef> VerifiedWithAccidentAsync(Support.Procedure flow)
    {
        var c = await flow.RegisterAsync();
        await flow.ApplyAsync(c);
        await flow.VerifyAsync(c);
        await flow.FindAsync(c, "no-major-accident", Verdict.NotMet);
        return c;
    }

    [Theory, AllDatabases]
    public async Task A_verified_accident_stops_an_exemption_until_verification_is_reopened_and_the_finding_corrected(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var flow = new Support.Procedure(app);
        var c = await VerifiedWithAccidentAsync(flow);

        var report = await app.As("inv").PostJsonAsync($"{c.Url}/verification/report", new { text = "报告", recommendation = Outcome.Exempted })
            .ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("exclusion-binds", report.Code);
        Assert.Contains("第四条“未造成重大责任事故和恶劣影响”不符合", report.Title);

        // The investigator recommends otherwise; the party group all vote to exempt all the same.
        await flow.ReportAsync(c, Outcome.Mitigated);
        var meeting = await flow.OpenMeetingAsync();
        await flow.ScheduleAsync(meeting, c);
        var agenda = (await app.As("office").GetOkAsync($"/api/meetings/{meeting}")).GetProperty("agenda")[0];
        Assert.Equal("第四条“未造成重大责任事故和恶劣影响”", agenda.GetProperty("bindingExclusions")[0].GetString());
        await flow.VoteManyAsync(meeting, c, VoteChoice.Exempted, Cast.Members);

        var decision = await flow.DecideAsync(meeting, c, Outcome.Exempted).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("exclusion-binds", decision.Code);
        Assert.Contains("重新核实", decision.Title);
        Assert.Equal("Scheduled", (await flow.GetAsync(c)).Status());

        // The way back: off the agenda, verification reopened with a reason, the finding corrected.
        await app.As("office").PostJsonAsync($"/api/meetings/{meeting}/agenda/{c.Id}/postponement", new { reason = "排除情形存疑，退回重新核实。" }).OkAsync();
        Assert.Equal("validation-failed",
            (await app.As("inv").PostJsonAsync($"{c.Url}/verification/reopen", new { reason = "" }).ProblemAsync(HttpStatusCode.BadRequest)).Code);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await app.As("office").PostJsonAsync($"{c.Url}/verification/reopen", new { reason = "理由" })).StatusCode);
        await app.As("inv").PostJsonAsync($"{c.Url}/verification/reopen", new { reason = "经复查，事故系第三方责任，原核实结论有误。" }).OkAsync();

        var reopened = await flow.GetAsync(c);
        Assert.Equal("Verifying", reopened.Status());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, reopened.GetProperty("report").ValueKind);
        await flow.FindAsync(c, "no-major-accident", Verdict.Met);
        await flow.ReportAsync(c, Outcome.Exempted);

        var timeline = await app.As("inv").GetOkAsync($"{c.Url}/timeline");
        var reopen = timeline.EnumerateArray().Single(e => e.GetProperty("action").GetString() == "ReopenVerification");
        var changes = reopen.GetProperty("details").ToString();
        Assert.Contains("经复查，事故系第三方责任", changes);
        Assert.Contains("从轻或减轻处理", changes);
        Assert.Contains("ReopenVerification", await app.TimelineActionsAsync(c));
        Assert.Equal("Reported", (await flow.GetAsync(c)).Status());
    }

    [Theory, AllDatabases]
    public async Task Departing_from_the_report_needs_a_reason_that_the_minutes_and_the_feedback_print(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var flow = new Support.Procedure(app);
        var c = await flow.ReportedCaseAsync(recommendation: Outcome.Exempted);
        var meeting = await flow.OpenMeetingAsync();
        await flow.ScheduleAsync(meeting, c);
        await flow.VoteManyAsync(meeting, c, VoteChoice.NotExempted, Cast.Members);

        var refused = await flow.DecideAsync(meeting, c, Outcome.NotExempted, departureReason: null).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("调查报告的建议", refused.FirstError("departureReason"));
        Assert.Equal("Scheduled", (await flow.GetAsync(c)).Status());

        const string why = "当事人在核实中未如实说明检查记录缺失的原因，集体研究认为不宜容错。";
        await flow.DecideAsync(meeting, c, Outcome.NotExempted, departureReason: why).OkAsync();
        Assert.Equal(why, (await flow.GetAsync(c)).GetProperty("decision").GetProperty("departureReason").GetString());

        using (var minutes = await RenderedDocx.DownloadAsync(app, c, "meeting-extract"))
        {
            Assert.Contains(why, minutes.Text);
        }
        await app.As("office").PostJsonAsync($"{c.Url}/feedback", new { resultText = "不予容错免责。", explanation = "依照第五条第（四）项答复解释。" }).OkAsync();
        using (var feedback = await RenderedDocx.DownloadAsync(app, c, "feedback-notice"))
        {
            Assert.Contains("未采纳调查报告建议的理由：" + why, feedback.Text);
        }
    }
}
