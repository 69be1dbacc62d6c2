using SafeHarbor.Cases;
using SafeHarbor.PolicyRules;
using SafeHarbor.Tests.Workflow;

namespace SafeHarbor.Tests.Domain;

/// <summary>
/// The date rules the case enforces itself: a meeting before the report takes no case, nothing is
/// decided before the meeting's date, and the determination carries the meeting's date. Each is
/// walked one day too early, on the day, and one day later.
/// </summary>
[Article("6")]
public sealed class StepDateTests
{
    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(1, true)]
    public void A_meeting_takes_a_case_only_on_or_after_the_reports_date(int daysAfterReport, bool allowed)
    {
        var journey = CaseJourney.At(CaseStatus.Reported);
        var meetingOn = CaseJourney.AppliedOn.AddDays(daysAfterReport);

        void Schedule() => journey.Case.Schedule(Guid.NewGuid(), "党组会议", meetingOn, journey.Office, journey.Policy, CaseJourney.Now);

        if (allowed)
        {
            Schedule();
            Assert.Equal(CaseStatus.Scheduled, journey.Case.Status);
            return;
        }
        var ex = Assert.Throws<DomainException>(Schedule);
        Assert.Equal("meeting-before-report", ex.Code);
        Assert.Equal("会议日期（2026-03-09）早于书面调查报告日期（2026-03-10），该案件不能列入此次会议议题。", ex.Message);
        Assert.Equal(CaseStatus.Reported, journey.Case.Status);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(0, true)]
    [InlineData(-1, true)]
    public void Nothing_is_decided_before_the_meetings_date_and_the_determination_carries_that_date(int meetingDaysAfterToday, bool allowed)
    {
        var journey = CaseJourney.At(CaseStatus.Scheduled);
        var today = CaseJourney.AppliedOn;
        var heldOn = today.AddDays(meetingDaysAfterToday);

        void Decide() => journey.Case.Decide(new DecisionInput(Outcome.Exempted, "经集体研究，予以容错免责。", null), journey.VerifiedAdvice(),
            journey.Office, journey.Policy, CaseJourney.Now, heldOn, "第一次党组会议");

        if (allowed)
        {
            Decide();
            Assert.Equal(heldOn, journey.Case.Decision!.DecidedOn);
            return;
        }
        var ex = Assert.Throws<DomainException>(Decide);
        Assert.Equal("meeting-not-held", ex.Code);
        Assert.Equal("会议日期为 2026-03-11，今天（2026-03-10）会议尚未召开，不能形成认定意见。", ex.Message);
        Assert.Null(journey.Case.Decision);
        Assert.Equal(CaseStatus.Scheduled, journey.Case.Status);
    }

    [Theory]
    [InlineData(-1, "不能早于认定日期（2026-03-10）")]
    [InlineData(0, null)]
    [InlineData(1, null)]
    [InlineData(2, "不能晚于今天（2026-03-11）")]
    public void A_date_entered_for_a_step_lies_between_the_step_it_follows_and_today(int daysAfterDecision, string? refusal)
    {
        var decidedOn = CaseJourney.AppliedOn;
        var today = decidedOn.AddDays(1);

        var v = new Validation().RequireDateBetween(decidedOn.AddDays(daysAfterDecision), decidedOn, "认定日期", today, "publishedOn", "公开日期");

        if (refusal is null)
        {
            Assert.True(v.IsValid);
            return;
        }
        var ex = Assert.Throws<DomainException>(v.ThrowIfInvalid);
        Assert.Contains(refusal, Assert.Single(ex.Errors!["publishedOn"]));
    }

    [Fact]
    public void Every_dated_step_of_the_table_names_its_rule()
    {
        var dated = CaseWorkflow.Steps.Where(s => s.Dates is not null).Select(s => s.Action).Distinct().ToList();

        Assert.Equal(
            [CaseAction.Register, CaseAction.Schedule, CaseAction.Vote, CaseAction.RecordShowOfHands, CaseAction.Decide, CaseAction.IssueFeedback, CaseAction.RecordDelivery, CaseAction.Publish],
            dated);
        Assert.Contains("认定日期 = 会议日期", CaseWorkflow.Find(CaseStatus.Scheduled, CaseAction.Decide)!.Dates);
    }
}
