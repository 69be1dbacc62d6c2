using SafeHarbor.Cases;
using SafeHarbor.Features.Correction;

namespace SafeHarbor.Tests.Domain;

/// <summary>
/// Art. 8: a rectification plan is open until 验收销号, once; each of its measures is reported done once.
/// Both have two states, so each keeps its rule in its method rather than in a table.
/// </summary>
public sealed class RectificationPlanTransitionTests
{
    private static readonly DateOnly Monday = new(2026, 9, 21);

    /// <summary>Where closing leads from each plan status; null where it is refused.</summary>
    private static readonly Dictionary<PlanStatus, PlanStatus?> CloseLeadsTo = new()
    {
        [PlanStatus.Open] = PlanStatus.Closed,
        [PlanStatus.Closed] = null,
    };

    public static TheoryData<PlanStatus> EveryPlanStatus() => new(Enum.GetValues<PlanStatus>());

    private static RectificationMeasure Measure() =>
        new() { Id = Guid.NewGuid(), Text = "建立跟踪复查台账", OwnerName = "何执法", OwnerPersonId = Guid.NewGuid(), WorkingDays = 5, DueOn = Monday.AddDays(7) };

    /// <summary>A plan whose one measure is done and checked, so only its status decides whether it closes.</summary>
    private static RectificationPlan PlanIn(PlanStatus status)
    {
        var measure = Measure();
        measure.Complete("台账已建立。", Monday);
        var plan = new RectificationPlan { Id = Guid.NewGuid(), CaseId = Guid.NewGuid(), CreatedOn = Monday, Version = 3, Measures = [measure] };
        plan.Checks.Add(new FollowUpCheck { CheckedOn = Monday, CheckerName = "刘纪检", Finding = "抽查台账。", Satisfactory = true });
        if (status == PlanStatus.Closed)
        {
            plan.Close("首次销号。", Monday);
        }
        Assert.Equal(status, plan.Status);
        return plan;
    }

    [Fact]
    public void The_closing_rules_cover_every_plan_status()
    {
        Assert.Equal(Enum.GetValues<PlanStatus>(), CloseLeadsTo.Keys.Order());
    }

    [Theory, MemberData(nameof(EveryPlanStatus))]
    public void Closing_moves_an_open_plan_to_closed_and_is_refused_from_any_other_status(PlanStatus status)
    {
        var plan = PlanIn(status);
        var version = plan.Version;

        if (CloseLeadsTo[status] is { } to)
        {
            plan.Close("  台账运行正常，经检查到位。 ", Monday.AddDays(1));
            Assert.Equal((to, Monday.AddDays(1), "台账运行正常，经检查到位。", version + 1), (plan.Status, plan.ClosedOn, plan.ClosureSummary, plan.Version));
        }
        else
        {
            var refused = Assert.Throws<DomainException>(() => plan.Close("再次销号。", Monday.AddDays(1)));
            Assert.Equal(("plan-closed", ErrorKind.Conflict), (refused.Code, refused.Kind));
            Assert.Equal((status, Monday, "首次销号。", version), (plan.Status, plan.ClosedOn, plan.ClosureSummary, plan.Version));
        }
    }

    [Fact]
    public void A_plan_is_open_when_it_is_made()
    {
        var plan = new RectificationPlan { Id = Guid.NewGuid(), CaseId = Guid.NewGuid(), CreatedOn = Monday, Version = 1, Measures = [Measure()] };

        Assert.Equal((PlanStatus.Open, null, null), (plan.Status, plan.ClosedOn, plan.ClosureSummary));
    }

    [Fact]
    public void An_open_plan_with_a_measure_not_done_cannot_be_closed_and_stays_open()
    {
        var plan = PlanIn(PlanStatus.Open);
        plan.Measures.Add(Measure());

        var refused = Assert.Throws<DomainException>(() => plan.Close("已整改。", Monday));

        Assert.Equal(("plan-not-closable", ErrorKind.Conflict), (refused.Code, refused.Kind));
        Assert.Equal((PlanStatus.Open, 3), (plan.Status, plan.Version));
    }

    [Fact]
    public void A_plan_is_not_closed_without_a_summary_of_the_evidence()
    {
        var plan = PlanIn(PlanStatus.Open);

        var refused = Assert.Throws<DomainException>(() => plan.Close(" ", Monday));

        Assert.Equal(ErrorKind.Invalid, refused.Kind);
        Assert.Contains("summary", refused.Errors!.Keys);
        Assert.Equal(PlanStatus.Open, plan.Status);
    }

    [Fact]
    public void A_plan_that_cannot_close_says_so_before_asking_for_the_summary()
    {
        Assert.Equal("plan-closed", Assert.Throws<DomainException>(() => PlanIn(PlanStatus.Closed).Close(null, Monday)).Code);
        var unfinished = PlanIn(PlanStatus.Open);
        unfinished.Measures.Add(Measure());
        Assert.Equal("plan-not-closable", Assert.Throws<DomainException>(() => unfinished.Close(null, Monday)).Code);
    }

    [Fact]
    public void A_measure_not_done_is_reported_done_with_the_day_and_the_evidence()
    {
        var measure = Measure();

        measure.Complete("  台账已建立并运行。 ", Monday.AddDays(2));

        Assert.Equal((Monday.AddDays(2), "台账已建立并运行。"), (measure.DoneOn, measure.Evidence));
    }

    [Fact]
    public void A_measure_done_cannot_be_reported_done_again()
    {
        var measure = Measure();
        measure.Complete("台账已建立。", Monday);

        var refused = Assert.Throws<DomainException>(() => measure.Complete("再次登记。", Monday.AddDays(2)));

        Assert.Equal(("measure-done", ErrorKind.Conflict), (refused.Code, refused.Kind));
        Assert.Contains("2026-09-21 登记完成", refused.Message);
        Assert.Equal((Monday, "台账已建立。"), (measure.DoneOn, measure.Evidence));
    }

    [Fact]
    public void A_measure_is_not_reported_done_without_evidence()
    {
        var measure = Measure();

        var refused = Assert.Throws<DomainException>(() => measure.Complete(null, Monday));

        Assert.Equal(ErrorKind.Invalid, refused.Kind);
        Assert.Contains("evidence", refused.Errors!.Keys);
        Assert.Null(measure.DoneOn);
    }

    [Fact]
    public void A_plan_and_its_measures_change_state_only_through_their_methods()
    {
        foreach (var (type, name) in new[]
        {
            (typeof(RectificationPlan), nameof(RectificationPlan.Status)), (typeof(RectificationPlan), nameof(RectificationPlan.ClosedOn)),
            (typeof(RectificationPlan), nameof(RectificationPlan.ClosureSummary)),
            (typeof(RectificationMeasure), nameof(RectificationMeasure.DoneOn)), (typeof(RectificationMeasure), nameof(RectificationMeasure.Evidence)),
        })
        {
            Assert.False(type.GetProperty(name)!.SetMethod!.IsPublic, $"{type.Name}.{name}");
        }
    }
}
