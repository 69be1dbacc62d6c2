using System.Net;
using SafeHarbor.Cases;
using SafeHarbor.Features.Determination;
using SafeHarbor.IntegrationTests.Correction;
using SafeHarbor.IntegrationTests.Support;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.IntegrationTests.Procedure;

/// <summary>
/// The dates of the procedure through the API: a meeting scheduled ahead takes the case but records no
/// attendance, vote or decision before its date; a meeting before the report takes no case; the
/// determination carries the meeting's date, and what follows (delivery, publication, talks) is dated
/// between the step it follows and today — one day too early, on the day, and one day later.
/// </summary>
[Article("6")]
public sealed class StepDatesTests
{
    private static async Task<Guid> OpenAsync(TestApp app, DateOnly heldOn)
    {
        var meeting = await app.As("office").PostJsonAsync("/api/meetings", new { title = "党组会议", heldOn, place = "三楼会议室" }).OkAsync();
        return meeting.GetProperty("id").GetGuid();
    }

    private static Task<HttpResponseMessage> AttendanceAsync(TestApp app, Guid meeting) =>
        app.As("office").PutJsonAsync($"/api/meetings/{meeting}/attendance", new
        {
            members = Cast.Members.Select(m => new { personId = app.Cast.PersonOf[m], present = true }).ToArray(),
        });

    [Theory, AllDatabases]
    public async Task A_meeting_ahead_takes_the_case_but_nothing_is_recorded_before_its_date_and_later_dates_follow_the_decision(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var flow = new Support.Procedure(app);
        var c = await flow.ReportedCaseAsync();
        var reportOn = app.Clock.Today;

        var before = await OpenAsync(app, reportOn.AddDays(-1));
        var early = await app.As("office").PostJsonAsync($"/api/meetings/{before}/agenda", new { caseId = c.Id }).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("meeting-before-report", early.Code);
        Assert.Contains($"早于书面调查报告日期（{reportOn:yyyy-MM-dd}）", early.Title);

        var heldOn = reportOn.AddDays(1);
        var ahead = await OpenAsync(app, heldOn);
        await flow.ScheduleAsync(ahead, c);
        var notYet = await AttendanceAsync(app, ahead).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("meeting-not-held", notYet.Code);
        Assert.Equal($"会议日期为 {heldOn:yyyy-MM-dd}，今天（{reportOn:yyyy-MM-dd}）会议尚未召开，不能登记出席情况。", notYet.Title);
        Assert.Equal("meeting-not-held", (await flow.VoteAsync(ahead, c, "m1", VoteChoice.Exempted).ProblemAsync(HttpStatusCode.Conflict)).Code);
        Assert.Equal("meeting-not-held", (await flow.DecideAsync(ahead, c, Outcome.Exempted).ProblemAsync(HttpStatusCode.Conflict)).Code);

        app.MoveTo(heldOn);
        await AttendanceAsync(app, ahead).OkAsync();
        await flow.VoteManyAsync(ahead, c, VoteChoice.Exempted, Cast.Members);
        await flow.DecideAsync(ahead, c, Outcome.Exempted).OkAsync();
        Assert.Equal(heldOn.ToString("yyyy-MM-dd"), (await flow.GetAsync(c)).GetProperty("decision").GetProperty("decidedOn").GetString());

        app.MoveTo(heldOn.AddDays(2));
        var issuedOn = app.Clock.Today;
        await app.As("office").PostJsonAsync($"{c.Url}/feedback", new { resultText = "予以容错免责。", explanation = "依照第五条第（四）项答复解释。" }).OkAsync();
        foreach (var (deliveredOn, refusal) in new (DateOnly, string?)[]
        {
            (issuedOn.AddDays(-1), $"不能早于反馈日期（{issuedOn:yyyy-MM-dd}）"),
            (issuedOn.AddDays(1), $"不能晚于今天（{issuedOn:yyyy-MM-dd}）"),
        })
        {
            var wrong = await app.As("office").PostJsonAsync($"{c.Url}/feedback/delivery", new { deliveredOn, method = "直接送达", recipient = "本人" })
                .ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains(refusal!, wrong.FirstError("deliveredOn"));
        }
        await app.As("office").PostJsonAsync($"{c.Url}/feedback/delivery", new { deliveredOn = issuedOn, method = "直接送达", recipient = "本人" }).OkAsync();
        await app.As("staffA").PostJsonAsync($"{c.Url}/feedback/acknowledgement", new { comment = "已收到。" }).OkAsync();

        var tooEarly = await app.As("office").PostJsonAsync($"{c.Url}/publication",
            new { method = "Circular", scope = "全局", publishedOn = heldOn.AddDays(-1), reference = "通报〔2026〕1号" }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains($"不能早于认定日期（{heldOn:yyyy-MM-dd}）", tooEarly.FirstError("publishedOn"));
        await app.As("office").PostJsonAsync($"{c.Url}/publication",
            new { method = "Circular", scope = "全局", publishedOn = heldOn, reference = "通报〔2026〕1号" }).OkAsync();
    }

    [Theory, AllDatabases]
    public async Task A_correction_talk_can_be_recorded_on_the_day_of_the_decision(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var flow = new Support.Procedure(app);
        var c = await flow.ReportedCaseAsync();
        await flow.DecideAtMeetingAsync(c, Outcome.Mitigated, "减轻处理，免予通报。");
        await flow.FeedbackDeliveredAndAcknowledgedAsync(c);
        var decidedOn = app.Clock.Today;

        var dayBefore = await app.As("office").PostJsonAsync($"{c.CorrectionUrl()}/talks", Correction.CorrectionArrange.Talk(app, heldOn: decidedOn.AddDays(-1)))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains($"不能早于认定日期（{decidedOn:yyyy-MM-dd}）", dayBefore.FirstError("heldOn"));
        await app.As("office").PostJsonAsync($"{c.CorrectionUrl()}/talks", Correction.CorrectionArrange.Talk(app, heldOn: decidedOn)).OkAsync();
    }
}
