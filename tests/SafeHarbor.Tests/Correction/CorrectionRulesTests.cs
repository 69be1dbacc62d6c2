using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Features.Correction;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Tests.Correction;

/// <summary>Art. 8 rules without a database: which outcomes are corrected, due dates in working days, measure states, closing a plan.</summary>
[Article("8")]
public sealed class CorrectionRulesTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.LoadDefault();

    // Mon 2026-09-21. 2026 notice: 中秋节 9月25日至27日放假; 国庆节 10月1日至7日放假, 10月10日（周六）上班.
    private static readonly DateOnly Monday = new(2026, 9, 21);

    private static RectificationMeasure Measure(DateOnly due, DateOnly? done = null)
    {
        var m = new RectificationMeasure { Text = "建立跟踪复查台账", OwnerName = "何执法", OwnerPersonId = Guid.NewGuid(), WorkingDays = 5, DueOn = due };
        if (done is { } on)
        {
            m.Complete("台账已建立", on);
        }
        return m;
    }

    private static FollowUpCheck Check(DateOnly on, bool satisfactory) =>
        new() { CheckedOn = on, CheckerName = "刘纪检", Finding = "抽查台账。", Satisfactory = satisfactory };

    private static RectificationPlan Plan(params RectificationMeasure[] measures) =>
        new() { Id = Guid.NewGuid(), CaseId = Guid.NewGuid(), CreatedOn = Monday, Version = 3, Measures = [.. measures] };

    [Theory]
    [InlineData(Outcome.Exempted, true)]
    [InlineData(Outcome.Mitigated, true)]
    [InlineData(Outcome.NotExempted, false)]
    public void Exempted_and_mitigated_outcomes_are_corrected_and_a_refusal_is_not(Outcome outcome, bool corrected)
    {
        Assert.Equal(corrected, CorrectionRules.Applies(outcome));
    }

    [Fact]
    public void An_undecided_case_is_not_corrected()
    {
        Assert.False(CorrectionRules.Applies(null));
    }

    [Fact]
    public void Ten_working_days_from_21_September_2026_skip_Mid_Autumn_and_National_Day_and_count_the_adjusted_Saturday()
    {
        // 22, 23, 24 (3), 25–27 off, 28, 29, 30 (6), 10-01..07 off, 10-08 (7), 10-09 (8), Sat 10-10 adjusted (9), Mon 10-12 (10).
        Assert.Equal(new ComputedDate(new DateOnly(2026, 10, 12)), CorrectionRules.DueOn(Monday, 10, Calendar));
    }

    [Fact]
    public void One_working_day_from_a_Friday_is_the_next_Monday()
    {
        Assert.Equal(new ComputedDate(new DateOnly(2026, 3, 9)), CorrectionRules.DueOn(new DateOnly(2026, 3, 6), 1, Calendar));
    }

    [Theory]
    [InlineData("2026-09-21", MeasureState.Open)]      // 5 working days left
    [InlineData("2026-09-23", MeasureState.Open)]      // 24, 28, 29: 3 left
    [InlineData("2026-09-24", MeasureState.DueSoon)]   // 28, 29: 2 left (the holiday does not count)
    [InlineData("2026-09-29", MeasureState.DueSoon)]   // due today
    [InlineData("2026-09-30", MeasureState.Overdue)]
    public void The_state_of_an_open_measure_follows_working_days_left(string today, MeasureState expected)
    {
        var m = Measure(due: new DateOnly(2026, 9, 29));

        Assert.Equal(expected, CorrectionRules.StateOf(m, DateOnly.Parse(today), Calendar));
        Assert.Equal(expected == MeasureState.Overdue, CorrectionRules.IsOverdue(m, DateOnly.Parse(today)));
    }

    [Fact]
    public void A_done_measure_is_done_or_done_late_and_has_no_deadline_any_more()
    {
        var due = new DateOnly(2026, 9, 29);

        Assert.Equal(MeasureState.Done, CorrectionRules.StateOf(Measure(due, done: due), new DateOnly(2026, 12, 1), Calendar));
        Assert.Equal(MeasureState.DoneLate, CorrectionRules.StateOf(Measure(due, done: due.AddDays(1)), new DateOnly(2026, 12, 1), Calendar));
        Assert.Null(CorrectionRules.DeadlineOf(Measure(due, done: due), Monday, Calendar));
        Assert.False(CorrectionRules.IsOverdue(Measure(due, done: due.AddDays(5)), due.AddDays(10)));
    }

    [Fact]
    public void A_plan_with_an_open_measure_cannot_be_closed_and_the_reason_names_it()
    {
        var plan = Plan(Measure(Monday, done: Monday), Measure(Monday.AddDays(7)));
        plan.Checks.Add(Check(Monday, satisfactory: true));

        var why = CorrectionRules.WhyNotClosable(plan);

        Assert.NotNull(why);
        Assert.Contains("还有 1 项整改措施未完成", why);
        Assert.Contains("何执法", why);
        var refusal = Assert.Throws<DomainException>(() => plan.Close("已整改。", Monday));
        Assert.Equal("plan-not-closable", refusal.Code);
        Assert.Equal(PlanStatus.Open, plan.Status);
    }

    [Fact]
    public void A_plan_whose_measures_are_done_needs_a_satisfactory_check_on_or_after_the_last_one_was_done()
    {
        var lastDone = new DateOnly(2026, 10, 9);
        var plan = Plan(Measure(Monday, done: Monday), Measure(lastDone, done: lastDone));
        Assert.Contains("尚无结论为“整改到位”的跟踪检查", CorrectionRules.WhyNotClosable(plan));

        plan.Checks.Add(Check(lastDone.AddDays(-1), satisfactory: true));
        Assert.Contains("尚无结论为“整改到位”的跟踪检查", CorrectionRules.WhyNotClosable(plan));

        plan.Checks.Add(Check(lastDone, satisfactory: true));
        Assert.Null(CorrectionRules.WhyNotClosable(plan));
    }

    [Fact]
    public void A_later_unsatisfactory_check_keeps_the_plan_open()
    {
        var plan = Plan(Measure(Monday, done: Monday));
        plan.Checks.Add(Check(Monday.AddDays(1), satisfactory: true));
        plan.Checks.Add(Check(Monday.AddDays(2), satisfactory: false));

        Assert.Contains("认为整改尚未到位", CorrectionRules.WhyNotClosable(plan));

        plan.Checks.Add(Check(Monday.AddDays(3), satisfactory: true));
        Assert.Null(CorrectionRules.WhyNotClosable(plan));
    }

    [Fact]
    public void Closing_records_the_day_and_the_evidence_moves_the_version_and_leaves_the_plan_read_only()
    {
        var plan = Plan(Measure(Monday, done: Monday));
        plan.Checks.Add(Check(Monday, satisfactory: true));

        plan.Close("台账已建立并运行，经检查到位。", Monday.AddDays(1));

        Assert.Equal((PlanStatus.Closed, Monday.AddDays(1), "台账已建立并运行，经检查到位。", 4), (plan.Status, plan.ClosedOn, plan.ClosureSummary, plan.Version));
        var closed = Assert.Throws<DomainException>(() => CorrectionRules.EnsureOpen(plan));
        Assert.Equal(("plan-closed", ErrorKind.Conflict), (closed.Code, closed.Kind));
        Assert.Contains("2026-09-22 验收销号", closed.Message);
        Assert.Equal("plan-closed", Assert.Throws<DomainException>(() => plan.Close("再次销号。", Monday.AddDays(2))).Code);
    }

    [Fact]
    public void A_stale_version_is_refused_and_none_means_no_check()
    {
        var plan = Plan(Measure(Monday));

        CorrectionRules.EnsureVersion(plan, null);
        CorrectionRules.EnsureVersion(plan, 3);
        var stale = Assert.Throws<DomainException>(() => CorrectionRules.EnsureVersion(plan, 2));
        Assert.Equal(("concurrency-conflict", ErrorKind.Conflict), (stale.Code, stale.Kind));
        Assert.Contains("第 2 版", stale.Message);
    }

    [Theory]
    [InlineData(0, 0, false, null, CorrectionStage.AwaitingTalkOrLetter)]
    [InlineData(1, 0, false, null, CorrectionStage.AwaitingAnalysis)]
    [InlineData(0, 1, true, null, CorrectionStage.AwaitingPlan)]
    [InlineData(1, 1, true, PlanStatus.Open, CorrectionStage.Rectifying)]
    [InlineData(1, 1, true, PlanStatus.Closed, CorrectionStage.Closed)]
    public void The_stage_follows_Art_8_point_out_analyse_rectify_close(int talks, int letters, bool analysis, PlanStatus? plan, CorrectionStage expected)
    {
        Assert.Equal(expected, CorrectionRules.StageOf(talks, letters, analysis, plan));
    }
}
