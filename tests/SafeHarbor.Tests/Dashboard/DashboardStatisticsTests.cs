using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Features.Dashboard;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Tests.Dashboard;

/// <summary>The figures of 统计分析, computed from plain case records with the real holiday calendar.</summary>
public sealed class DashboardStatisticsTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.LoadDefault();
    private static readonly DateOnly Today = new(2026, 11, 2);
    private static readonly Guid BranchA = Guid.NewGuid();
    private static readonly Guid BranchB = Guid.NewGuid();
    private static readonly Guid County = Guid.NewGuid();
    private static readonly IReadOnlyList<UnitName> Units = [new(BranchA, "城东分局"), new(BranchB, "城西分局"), new(County, "东山县局")];

    private static CaseFacts Case(
        CaseStatus status = CaseStatus.Registered,
        string field = "食品安全",
        DateOnly? deadline = null,
        DateOnly? submittedOn = null,
        Outcome? outcome = null,
        Guid[]? units = null,
        StageDates? stages = null,
        bool refusedAsLate = false) =>
        new(status, field, deadline ?? new DateOnly(2026, 9, 30), submittedOn, outcome, units ?? [BranchA], stages ?? new StageDates(), refusedAsLate);

    private static DashboardSeries Compute(params CaseFacts[] cases) => DashboardStatistics.Compute(cases, Units, Calendar, Today);

    private static StageAverage Stage(DashboardSeries s, string key) => s.Stages.Single(x => x.Key == key);

    private static int Count(IReadOnlyList<Bar> bars, string key) => bars.Single(b => b.Key == key).Count;

    [Fact]
    public void Stage_average_counts_working_days_and_skips_the_National_Day_holiday()
    {
        // 2026 notice: 国庆节 10月1日至7日放假. Tue 09-29 → Fri 10-09: 09-30, 10-08, 10-09 = 3 working days.
        var overHoliday = Case(CaseStatus.Submitted, stages: new StageDates(Registered: new(2026, 9, 29), Applied: new(2026, 10, 9)));
        // Mon 09-21 → Wed 09-23: 2 working days.
        var ordinary = Case(CaseStatus.Submitted, stages: new StageDates(Registered: new(2026, 9, 21), Applied: new(2026, 9, 23)));

        var apply = Stage(Compute(overHoliday, ordinary), "apply");

        Assert.Equal(2.5, apply.AverageWorkingDays);
        Assert.Equal(2, apply.Cases);
        Assert.Equal("登记→申请", apply.Label);
    }

    [Fact]
    public void Stage_average_counts_only_cases_that_completed_the_stage()
    {
        // 中秋节 9月25日至27日放假: Thu 09-24 → Tue 09-29 = 28, 29 = 2 working days.
        var reported = Case(CaseStatus.Reported, stages: new StageDates(new(2026, 9, 21), new(2026, 9, 24), new(2026, 9, 29)));
        var stillVerifying = Case(CaseStatus.Verifying, stages: new StageDates(new(2026, 9, 21), new(2026, 9, 22)));
        var neverApplied = Case(CaseStatus.Registered, stages: new StageDates(new(2026, 9, 21)));

        var s = Compute(reported, stillVerifying, neverApplied);

        Assert.Equal(2, Stage(s, "apply").Cases);
        Assert.Equal(2, Stage(s, "apply").AverageWorkingDays); // (3 + 1) / 2
        Assert.Equal(1, Stage(s, "verify").Cases);
        Assert.Equal(2, Stage(s, "verify").AverageWorkingDays);
        Assert.Equal(0, Stage(s, "decide").Cases);
        Assert.Null(Stage(s, "decide").AverageWorkingDays);
    }

    [Fact]
    public void Steps_on_the_same_day_take_no_working_day()
    {
        var sameDay = Case(CaseStatus.Submitted, stages: new StageDates(Registered: new(2026, 9, 21), Applied: new(2026, 9, 21)));

        Assert.Equal(0, Stage(Compute(sameDay), "apply").AverageWorkingDays);
    }

    [Fact]
    public void Archiving_is_timed_from_publication_when_published_and_from_acknowledgement_otherwise()
    {
        var published = Case(CaseStatus.Archived, outcome: Outcome.Exempted, stages: new StageDates(
            Acknowledged: new(2026, 10, 12), Published: new(2026, 10, 14), Archived: new(2026, 10, 16))); // Thu 15, Fri 16 = 2
        var notPublished = Case(CaseStatus.Archived, outcome: Outcome.NotExempted, stages: new StageDates(
            Acknowledged: new(2026, 10, 12), Archived: new(2026, 10, 16))); // Tue 13 … Fri 16 = 4
        var refusedThenArchived = Case(CaseStatus.Archived, stages: new StageDates(Registered: new(2026, 9, 1), Archived: new(2026, 10, 16)));

        var archive = Stage(Compute(published, notPublished, refusedThenArchived), "archive");

        Assert.Equal(3, archive.AverageWorkingDays);
        Assert.Equal(2, archive.Cases);
    }

    [Fact]
    public void A_stage_reaching_a_year_without_a_holiday_notice_is_counted_on_the_law()
    {
        Assert.False(Calendar.Covers(2027));
        // Wed 2026-12-30 → Tue 2027-01-05: Thu 31, (元旦 Fri 1), Mon 4, Tue 5.
        var intoNextYear = Case(CaseStatus.Submitted, stages: new StageDates(Registered: new(2026, 12, 30), Applied: new(2027, 1, 5)));
        var known = Case(CaseStatus.Submitted, stages: new StageDates(Registered: new(2026, 12, 28), Applied: new(2026, 12, 29)));

        var apply = Stage(Compute(intoNextYear, known), "apply");

        Assert.Equal(2, apply.AverageWorkingDays);
        Assert.Equal(2, apply.Cases);
        Assert.Equal(0, apply.Skipped);
    }

    [Fact]
    public void A_stage_reaching_a_year_beyond_the_known_law_is_left_out_and_reported()
    {
        var beyond = Case(CaseStatus.Submitted, stages: new StageDates(Registered: new(2100, 12, 30), Applied: new(2101, 1, 5)));
        var known = Case(CaseStatus.Submitted, stages: new StageDates(Registered: new(2026, 12, 28), Applied: new(2026, 12, 29)));

        var apply = Stage(Compute(beyond, known), "apply");

        Assert.Equal(1, apply.AverageWorkingDays);
        Assert.Equal(1, apply.Cases);
        Assert.Equal(1, apply.Skipped);
    }

    [Fact]
    public void A_late_application_on_a_provisional_deadline_waits_in_its_own_category()
    {
        var deadline = new DateOnly(2027, 1, 7);
        var s = Compute(Case(CaseStatus.TimelinessPending, deadline: deadline, submittedOn: deadline.AddDays(1)));

        Assert.Equal(1, Count(s.Timeliness, DashboardStatistics.Timeliness.AwaitingDecision));
        Assert.Equal(0, Count(s.Timeliness, DashboardStatistics.Timeliness.Late));
    }

    [Fact]
    public void Applications_filed_by_the_deadline_are_on_time_and_later_ones_late()
    {
        var deadline = new DateOnly(2026, 10, 20);
        var s = Compute(
            Case(CaseStatus.Submitted, deadline: deadline, submittedOn: deadline),                 // on the last day: on time
            Case(CaseStatus.Archived, deadline: deadline, submittedOn: deadline.AddDays(-5)),     // on time, later archived
            Case(CaseStatus.Refused, deadline: deadline, submittedOn: deadline.AddDays(1)),       // refused as late
            Case(CaseStatus.Archived, deadline: deadline, submittedOn: deadline.AddDays(3), refusedAsLate: true), // refused as late, then archived
            Case(CaseStatus.Registered, deadline: Today.AddDays(-1)),                              // deadline passed, nothing filed
            Case(CaseStatus.Registered, deadline: Today));                                         // still within the window

        Assert.Equal(2, Count(s.Timeliness, DashboardStatistics.Timeliness.OnTime));
        Assert.Equal(2, Count(s.Timeliness, DashboardStatistics.Timeliness.Late));
        Assert.Equal(1, Count(s.Timeliness, DashboardStatistics.Timeliness.OverdueNotApplied));
        Assert.Equal(1, Count(s.Timeliness, DashboardStatistics.Timeliness.WithinWindow));
        Assert.Equal(["按期申请", "逾期申请（不予受理）", "逾期未申请", "申请期限内尚未申请", "逾期待定（期限暂定）"], s.Timeliness.Select(b => b.Label));
        Assert.Equal(s.Total, s.Timeliness.Sum(b => b.Count));
    }

    [Fact]
    public void A_case_counts_once_for_each_unit_among_its_subjects()
    {
        var unknown = Guid.NewGuid();
        var s = Compute(
            Case(units: [BranchA, BranchA, BranchB]),  // two people of 城东分局 and 城西分局 as a unit
            Case(units: [BranchB]),
            Case(units: [County, unknown]));

        Assert.Equal(
            [("城西分局", 2), ("城东分局", 1), ("东山县局", 1), (DashboardStatistics.UnknownUnit, 1)],
            s.ByUnit.Select(b => (b.Label, b.Count)));
        Assert.Equal(3, s.Total);
    }

    [Fact]
    public void Outcomes_include_the_cases_not_yet_decided()
    {
        var s = Compute(
            Case(CaseStatus.Archived, outcome: Outcome.Exempted),
            Case(CaseStatus.Decided, outcome: Outcome.Exempted),
            Case(CaseStatus.Acknowledged, outcome: Outcome.Mitigated),
            Case(CaseStatus.Withdrawn),
            Case(CaseStatus.Reported));

        Assert.Equal(
            [("予以容错免责", 2), ("从轻或减轻处理", 1), ("不予容错免责", 0), ("未认定", 2)],
            s.ByOutcome.Select(b => (b.Label, b.Count)));
    }

    [Fact]
    public void Statuses_are_listed_in_procedure_order_with_zeros_and_fields_by_count()
    {
        var s = Compute(
            Case(CaseStatus.Registered, field: "广告"),
            Case(CaseStatus.Registered, field: "食品安全"),
            Case(CaseStatus.Archived, field: "食品安全"),
            Case(CaseStatus.Verifying, field: "特种设备"));

        Assert.Equal(Enum.GetValues<CaseStatus>().Length, s.ByStatus.Count);
        Assert.Equal(("待申请", 2), (s.ByStatus[0].Label, s.ByStatus[0].Count));
        Assert.Equal(1, Count(s.ByStatus, nameof(CaseStatus.Archived)));
        Assert.Equal(0, Count(s.ByStatus, nameof(CaseStatus.Withdrawn)));
        // Ties keep the order of the business field list.
        Assert.Equal([("食品安全", 2), ("特种设备", 1), ("广告", 1)], s.ByField.Select(b => (b.Label, b.Count)));
    }

    [Fact]
    public void No_cases_give_empty_series_and_no_averages()
    {
        var s = Compute();

        Assert.Equal(0, s.Total);
        Assert.Empty(s.ByField);
        Assert.Empty(s.ByUnit);
        Assert.All(s.Stages, x => Assert.Null(x.AverageWorkingDays));
        Assert.All(s.ByOutcome, x => Assert.Equal(0, x.Count));
    }
}
