using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Tests.Workflow;

namespace SafeHarbor.Tests.Domain;

/// <summary>
/// Nothing is refused on a guess, and a deadline that was 暂定 is settled by the final one without making a
/// step already taken late after the fact.
/// </summary>
[Article("5(1)")]
public sealed class ProvisionalDeadlineTests
{
    private static readonly DateTimeOffset Later = CaseJourney.Now.AddDays(20);

    private static ComputedDate Final(int daysAfterTheProvisionalDeadline) => new(CaseJourney.Deadline.Date.AddDays(daysAfterTheProvisionalDeadline));

    private static CaseJourney AppliedLate()
    {
        var journey = CaseJourney.Registered(provisionalDeadline: true);
        journey.Case.Apply(CaseJourney.ValidApplication(), journey.Applicant, journey.Policy, CaseJourney.Now, CaseJourney.Deadline.Date.AddDays(1), journey.UnitNames, null);
        journey.Case.ClearPendingEvents();
        return journey;
    }

    [Fact]
    public void An_application_after_a_provisional_deadline_waits_instead_of_being_refused()
    {
        var journey = AppliedLate();

        Assert.Equal(CaseStatus.TimelinessPending, journey.Case.Status);
        Assert.False(journey.Case.WasRefusedAsLate);
        Assert.Null(journey.Case.ClosingReason);
        Assert.NotNull(journey.Case.Application);
    }

    [Fact]
    public void An_application_after_a_final_deadline_is_still_refused_at_once()
    {
        var journey = CaseJourney.Registered();

        journey.Case.Apply(CaseJourney.ValidApplication(), journey.Applicant, journey.Policy, CaseJourney.Now, CaseJourney.Deadline.Date.AddDays(1), journey.UnitNames, null);

        Assert.Equal(CaseStatus.Refused, journey.Case.Status);
        Assert.True(journey.Case.WasRefusedAsLate);
    }

    [Fact]
    public void A_running_deadline_moves_to_the_recomputed_date_and_loses_its_mark()
    {
        var journey = CaseJourney.Registered(provisionalDeadline: true);
        journey.Case.ClearPendingEvents();
        var versionBefore = journey.Case.Version;

        Assert.True(journey.Case.RecomputeApplicationDeadline(Final(1), journey.Policy, "系统", Later));

        Assert.Equal(Final(1), journey.Case.ApplicationDue);
        Assert.Equal(versionBefore + 1, journey.Case.Version);
        Assert.Empty(journey.Case.PendingEvents);
    }

    [Fact]
    public void The_final_deadline_accepts_a_waiting_application_made_in_time_by_it()
    {
        var journey = AppliedLate();

        journey.Case.RecomputeApplicationDeadline(Final(1), journey.Policy, "系统（按节假日安排重算期限）", Later);

        Assert.Equal(CaseStatus.Submitted, journey.Case.Status);
        var step = Assert.Single(journey.Case.PendingEvents);
        Assert.Equal((CaseAction.AcceptApplication, "系统（按节假日安排重算期限）"), (step.Action, step.ActingAs));
        Assert.False(journey.Case.WasRefusedAsLate);
    }

    [Fact]
    public void The_final_deadline_refuses_a_waiting_application_made_after_it()
    {
        var journey = AppliedLate();

        journey.Case.RecomputeApplicationDeadline(Final(0), journey.Policy, "系统", Later);

        Assert.Equal(CaseStatus.Refused, journey.Case.Status);
        Assert.True(journey.Case.WasRefusedAsLate);
        Assert.Contains($"期限截至 {Final(0).Date:yyyy-MM-dd}。", journey.Case.ClosingReason);
        Assert.Equal(CaseAction.RefuseApplication, Assert.Single(journey.Case.PendingEvents).Action);
    }

    [Fact]
    public void A_recomputation_that_is_still_provisional_moves_a_waiting_application_but_does_not_settle_it()
    {
        var journey = AppliedLate();
        var stillGuessed = new ComputedDate(CaseJourney.Deadline.Date.AddDays(2), "2028 年节假日安排尚未发布，按法定节假日和周末推算，发布后自动重算");

        journey.Case.RecomputeApplicationDeadline(stillGuessed, journey.Policy, "系统", Later);

        Assert.Equal(CaseStatus.TimelinessPending, journey.Case.Status);
        Assert.Equal(stillGuessed, journey.Case.ApplicationDue);
    }

    [Fact]
    public void A_step_already_taken_keeps_the_date_it_was_judged_by_and_only_loses_the_mark()
    {
        var journey = CaseJourney.Registered(provisionalDeadline: true);
        journey.Case.Apply(CaseJourney.ValidApplication(), journey.Applicant, journey.Policy, CaseJourney.Now, CaseJourney.Deadline.Date, journey.UnitNames, null);
        Assert.Equal(CaseStatus.Submitted, journey.Case.Status);

        // The notice makes the deadline a day earlier than the one the applicant was given and met.
        journey.Case.RecomputeApplicationDeadline(Final(-1), journey.Policy, "系统", Later);

        Assert.Equal(new ComputedDate(CaseJourney.Deadline.Date), journey.Case.ApplicationDue);
        Assert.Equal(CaseStatus.Submitted, journey.Case.Status);
        Assert.False(journey.Case.WasRefusedAsLate);
    }

    [Fact]
    public void A_final_deadline_or_an_archived_case_is_never_recomputed()
    {
        var final = CaseJourney.Registered();
        var archived = CaseJourney.At(CaseStatus.Archived);

        Assert.False(final.Case.RecomputeApplicationDeadline(Final(3), final.Policy, "系统", Later));
        Assert.False(archived.Case.RecomputeApplicationDeadline(Final(3), archived.Policy, "系统", Later));
        Assert.Equal(CaseJourney.Deadline, final.Case.ApplicationDue);
    }

    [Fact]
    public void The_discipline_committee_decides_a_waiting_application_only_with_a_reason()
    {
        var journey = AppliedLate();

        var ex = Assert.Throws<DomainException>(() => journey.Case.DecideLateApplication(false, " ", journey.Investigator, journey.Policy, Later));
        Assert.Contains("reason", ex.Errors!.Keys);
        journey.Case.DecideLateApplication(false, "超过期限较多，决定不予受理。", journey.Investigator, journey.Policy, Later);

        Assert.Equal(CaseStatus.Refused, journey.Case.Status);
        Assert.True(journey.Case.WasRefusedAsLate);
        Assert.EndsWith("期限系暂定，经研究决定不予受理：超过期限较多，决定不予受理。", journey.Case.ClosingReason);
    }
}
