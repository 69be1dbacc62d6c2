using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.PolicyRules;
using SafeHarbor.Tests.Workflow;

namespace SafeHarbor.Tests.Domain;

/// <summary>Art. 5(1): the written application, its content and its window.</summary>
[Article("5(1)")]
public sealed class ApplicationTests
{
    private static DomainException ApplyExpectingRefusal(CaseJourney journey, ApplicationInput input)
    {
        var ex = Assert.Throws<DomainException>(() =>
            journey.Case.Apply(input, journey.Applicant, journey.Policy, CaseJourney.Now, CaseJourney.AppliedOn, journey.UnitNames, null));
        Assert.Equal(CaseStatus.Registered, journey.Case.Status);
        Assert.Null(journey.Case.Application);
        Assert.Empty(journey.Case.PendingEvents);
        return ex;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Application_without_the_facts_of_the_error_is_invalid(string? facts)
    {
        var journey = CaseJourney.At(CaseStatus.Registered);

        var ex = ApplyExpectingRefusal(journey, CaseJourney.ValidApplication() with { Facts = facts });

        Assert.Equal(ErrorKind.Invalid, ex.Kind);
        Assert.Equal("validation-failed", ex.Code);
        Assert.NotNull(ex.Errors);
        Assert.Contains("facts", ex.Errors.Keys);
        Assert.Contains("失误错误的事实经过", ex.Message);
    }

    [Fact]
    public void Application_claiming_a_code_the_policy_does_not_have_is_invalid()
    {
        var journey = CaseJourney.At(CaseStatus.Registered);

        var ex = ApplyExpectingRefusal(journey, CaseJourney.ValidApplication("c1", "c9"));

        Assert.Equal(ErrorKind.Invalid, ex.Kind);
        var error = Assert.Single(ex.Errors!, e => e.Key == "claims[1].code");
        Assert.Contains("c9", error.Value[0]);
        Assert.Contains("信市监〔2022〕131号", error.Value[0]);
    }

    [Fact]
    public void Application_that_claims_no_listed_condition_is_invalid()
    {
        var journey = CaseJourney.At(CaseStatus.Registered);

        // Base conditions and exclusions are policy items, but not one of the listed conditions (1)–(6).
        var ex = ApplyExpectingRefusal(journey, CaseJourney.ValidApplication("within-duties", "no-improper-benefit"));

        Assert.Equal(ErrorKind.Invalid, ex.Kind);
        Assert.Equal(["claims"], ex.Errors!.Keys);
        Assert.Contains("第四条", ex.Errors["claims"][0]);
    }

    [Fact]
    public void Application_with_no_claims_at_all_is_invalid()
    {
        var journey = CaseJourney.At(CaseStatus.Registered);

        var ex = ApplyExpectingRefusal(journey, CaseJourney.ValidApplication() with { Claims = null });

        Assert.Contains("claims", ex.Errors!.Keys);
    }

    [Fact]
    public void Application_claiming_the_same_condition_twice_is_invalid()
    {
        var journey = CaseJourney.At(CaseStatus.Registered);

        var ex = ApplyExpectingRefusal(journey, CaseJourney.ValidApplication("c1", "c1"));

        Assert.Contains(ex.Errors!["claims"], m => m.Contains("重复", StringComparison.Ordinal));
    }

    [Fact]
    public void Application_reports_every_missing_field_at_once()
    {
        var journey = CaseJourney.At(CaseStatus.Registered);
        var input = new ApplicationInput(SubjectKind.Person, null, null, " ", null, [new ClaimInput("c7", null)]);

        var ex = ApplyExpectingRefusal(journey, input);

        Assert.Superset(
            new HashSet<string> { "facts", "effectAndLosses", "recoveryMeasures", "claims", "claims[0].code", "claims[0].explanation" },
            ex.Errors!.Keys.ToHashSet());
    }

    [Fact]
    public void Unit_application_must_come_from_the_leader_of_a_unit_held_accountable()
    {
        var journey = CaseJourney.At(CaseStatus.Registered);
        var input = CaseJourney.ValidApplication() with { ApplicantKind = SubjectKind.Unit, ApplicantUnitId = journey.BranchUnitId };

        // The branch is only the unit the persons belong to; it is not held accountable as a unit.
        var ex = Assert.Throws<DomainException>(() =>
            journey.Case.Apply(input, journey.Applicant, journey.Policy, CaseJourney.Now, CaseJourney.AppliedOn, journey.UnitNames, null));

        Assert.Contains("applicantUnitId", ex.Errors!.Keys);
    }

    [Fact]
    public void Unit_application_by_the_leader_of_the_accountable_unit_is_accepted_in_the_units_name()
    {
        var journey = CaseJourney.At(CaseStatus.Registered);
        var input = CaseJourney.ValidApplication() with { ApplicantKind = SubjectKind.Unit, ApplicantUnitId = journey.AccountableUnitId };

        journey.Case.Apply(input, journey.AccountableUnitLeader, journey.Policy, CaseJourney.Now, CaseJourney.AppliedOn, journey.UnitNames, null);

        Assert.Equal(CaseStatus.Submitted, journey.Case.Status);
        Assert.Equal("某市场监管分局", journey.Case.Application!.ApplicantName);
        Assert.Equal(SubjectKind.Unit, journey.Case.Application.ApplicantKind);
        Assert.True(journey.Case.IsApplicant(journey.AccountableUnitLeader));
        Assert.False(journey.Case.IsApplicant(journey.Applicant));
    }

    [Fact]
    public void Application_on_the_7th_working_day_after_the_start_is_accepted()
    {
        var journey = CaseJourney.At(CaseStatus.Registered);
        var seventh = Shipped.Calendar.AddWorkingDays(CaseJourney.StartedOn, 7).Date;
        Assert.Equal(new ComputedDate(seventh), Deadlines.ApplicationDeadline(journey.Policy.ApplicationWindow, CaseJourney.StartedOn, Shipped.Calendar));
        Assert.Equal(new DateOnly(2026, 3, 17), seventh);

        journey.Case.Apply(CaseJourney.ValidApplication(), journey.Applicant, journey.Policy, CaseJourney.Now, seventh, journey.UnitNames, null);

        Assert.Equal(CaseStatus.Submitted, journey.Case.Status);
        Assert.Null(journey.Case.ClosingReason);
        Assert.Equal(seventh, journey.Case.Application!.SubmittedOn);
        Assert.Equal([CaseJourney.ClaimedCondition], journey.Case.Claims.Select(c => c.ItemCode));
    }

    [Fact]
    public void Application_on_the_8th_working_day_after_the_start_is_refused_as_late()
    {
        var journey = CaseJourney.At(CaseStatus.Registered);
        var eighth = Shipped.Calendar.AddWorkingDays(CaseJourney.StartedOn, 8).Date;
        Assert.Equal(new DateOnly(2026, 3, 18), eighth);

        journey.Case.Apply(CaseJourney.ValidApplication(), journey.Applicant, journey.Policy, CaseJourney.Now, eighth, journey.UnitNames, null);

        Assert.Equal(CaseStatus.Refused, journey.Case.Status);
        var reason = journey.Case.ClosingReason;
        Assert.NotNull(reason);
        Assert.Contains("2026-03-18", reason);
        Assert.Contains("2026-03-17", reason);
        Assert.Contains("2026-03-06", reason);
        Assert.Contains("7个工作日", reason);
        Assert.Contains("第五条第（一）项", reason);
        // The refused application is kept with its reason (不予受理 with a record).
        Assert.NotNull(journey.Case.Application);
        Assert.Equal(reason, Assert.Single(journey.Case.PendingEvents).Changes["reason"]);
    }

    [Fact]
    public void Application_on_a_weekend_day_after_the_deadline_is_refused_even_before_the_8th_working_day()
    {
        var journey = CaseJourney.At(CaseStatus.Registered);
        // Deadline Tue 2026-03-17 falls mid-week; 2026-03-21 is the Saturday after it.
        journey.Case.Apply(CaseJourney.ValidApplication(), journey.Applicant, journey.Policy, CaseJourney.Now,
            new DateOnly(2026, 3, 21), journey.UnitNames, null);

        Assert.Equal(CaseStatus.Refused, journey.Case.Status);
    }

    [Fact]
    public void Application_naming_earlier_exempted_cases_is_flagged_as_a_repeat()
    {
        var journey = CaseJourney.At(CaseStatus.Registered);

        journey.Case.Apply(CaseJourney.ValidApplication(), journey.Applicant, journey.Policy, CaseJourney.Now, CaseJourney.AppliedOn,
            journey.UnitNames, "案件 2025-0003");

        Assert.True(journey.Case.IsRepeat);
        Assert.Equal("案件 2025-0003", journey.Case.RepeatExplanation);
    }

    [Fact]
    public void Someone_who_is_not_a_subject_of_the_matter_may_not_apply()
    {
        var journey = CaseJourney.At(CaseStatus.Registered);
        var outsider = journey.Outsider;

        var ex = Assert.Throws<DomainException>(() =>
            journey.Case.Apply(CaseJourney.ValidApplication(), outsider, journey.Policy, CaseJourney.Now, CaseJourney.AppliedOn, journey.UnitNames, null));

        Assert.Equal("not-applicant", ex.Code);
    }
}
