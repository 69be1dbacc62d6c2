using SafeHarbor.Features.Prevention;

namespace SafeHarbor.Tests.Prevention;

/// <summary>Art. 9: the counts of the prevention analysis and the flags of the policy owner's thresholds, from plain case records.</summary>
[Article("9")]
public sealed class PreventionAnalysisTests
{
    private static readonly DateOnly Today = new(2026, 9, 21);
    private static readonly PreventionUnit BranchA = new(Guid.NewGuid(), "城东分局");
    private static readonly PreventionUnit BranchB = new(Guid.NewGuid(), "城西分局");
    private static readonly PreventionUnit Detachment = new(Guid.NewGuid(), "综合行政执法支队");
    private static int sequence;

    private static PreventionCase Case(
        DateOnly startedOn, string field = "食品安全", string? kind = "跟踪复查不到位", params PreventionUnit[] units) =>
        new(Guid.NewGuid(), $"RC-2026-{Interlocked.Increment(ref sequence):000}", $"事项{sequence}", field, kind, startedOn, units.Length == 0 ? [BranchA] : units);

    private static PreventionThreshold Threshold(PreventionDimension dimension, string? value, int count = 3, int months = 12, bool active = true) =>
        new() { Id = Guid.NewGuid(), Dimension = dimension, Value = value, Count = count, Months = months, Active = active };

    private static PreventionAnalysisResult Compute(IReadOnlyCollection<PreventionCase> cases, params PreventionThreshold[] thresholds) =>
        PreventionAnalysis.Compute(cases, thresholds, Today);

    private static int Count(IReadOnlyList<PreventionBar> bars, string label) => bars.Single(b => b.Label == label).Count;

    [Fact]
    public void A_kind_is_flagged_exactly_at_the_threshold_and_not_one_below()
    {
        var kind = Threshold(PreventionDimension.ErrorKind, "跟踪复查不到位", count: 3);
        var two = new[] { Case(new(2026, 3, 1)), Case(new(2026, 9, 1)), Case(new(2026, 9, 2), kind: "审核把关不严") };

        var below = Compute(two, kind);
        Assert.Empty(below.Flags);
        Assert.False(below.ByKind.Single(b => b.Key == "跟踪复查不到位").Flagged);

        var third = Case(new(2026, 9, 21));
        var at = Compute([.. two, third], kind);

        var flag = Assert.Single(at.Flags);
        Assert.Equal(PreventionDimension.ErrorKind, flag.Dimension);
        Assert.Equal("跟踪复查不到位", flag.Value);
        Assert.Equal(3, flag.Count);
        Assert.Equal(3, flag.Threshold);
        Assert.Equal([two[0].Number, two[1].Number, third.Number], flag.Cases.Select(c => c.Number));
        Assert.True(at.ByKind.Single(b => b.Key == "跟踪复查不到位").Flagged);
        Assert.False(at.ByKind.Single(b => b.Key == "审核把关不严").Flagged);
    }

    [Fact]
    public void Twelve_months_ending_today_start_the_day_after_the_same_date_a_year_earlier()
    {
        Assert.Equal((new DateOnly(2025, 9, 22), Today), PreventionAnalysis.Window(Today, 12));
        var kind = Threshold(PreventionDimension.ErrorKind, "跟踪复查不到位", count: 2);
        var recent = Case(new(2026, 6, 1));

        var justOutside = Compute([Case(new(2025, 9, 21)), recent], kind);
        Assert.Empty(justOutside.Flags);

        var firstDayInside = Compute([Case(new(2025, 9, 22)), recent], kind);
        var flag = Assert.Single(firstDayInside.Flags);
        Assert.Equal(new DateOnly(2025, 9, 22), flag.WindowFrom);
        Assert.Equal(Today, flag.WindowTo);
    }

    [Fact]
    public void The_window_ends_today_so_a_case_started_later_does_not_count()
    {
        var kind = Threshold(PreventionDimension.ErrorKind, "跟踪复查不到位", count: 2);

        Assert.Empty(Compute([Case(new(2026, 9, 1)), Case(new(2026, 9, 22))], kind).Flags);
        Assert.Single(Compute([Case(new(2026, 9, 1)), Case(Today)], kind).Flags);
    }

    [Fact]
    public void A_window_from_a_month_end_starts_on_the_first_of_the_month()
    {
        // 31 March less one month is 28 February (no 31 February): the window is all of March.
        Assert.Equal((new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31)), PreventionAnalysis.Window(new DateOnly(2026, 3, 31), 1));
        // 28 February 2026 less two years is 28 February 2024, a leap year: the window starts on the 29th.
        Assert.Equal((new DateOnly(2024, 2, 29), new DateOnly(2026, 2, 28)), PreventionAnalysis.Window(new DateOnly(2026, 2, 28), 24));
    }

    [Fact]
    public void Each_threshold_counts_within_its_own_months()
    {
        var cases = new[] { Case(new(2026, 1, 10)), Case(new(2026, 8, 10)), Case(new(2026, 9, 10)) };

        var flags = Compute(cases, Threshold(PreventionDimension.ErrorKind, null, count: 3, months: 6), Threshold(PreventionDimension.ErrorKind, null, count: 3, months: 12)).Flags;

        var flag = Assert.Single(flags);
        Assert.Equal(12, flag.Months);
    }

    [Fact]
    public void Without_a_value_every_value_of_the_dimension_that_reaches_the_threshold_is_flagged()
    {
        var cases = new[]
        {
            Case(new(2026, 1, 5), field: "食品安全"), Case(new(2026, 2, 5), field: "食品安全"),
            Case(new(2026, 3, 5), field: "特种设备"), Case(new(2026, 4, 5), field: "特种设备"),
            Case(new(2026, 5, 5), field: "广告"),
        };

        var any = Compute(cases, Threshold(PreventionDimension.BusinessField, null, count: 2));
        Assert.Equal(["特种设备", "食品安全"], any.Flags.Select(f => f.Value).Order(StringComparer.Ordinal));
        Assert.Equal(["特种设备", "食品安全"], any.ByField.Where(b => b.Flagged).Select(b => b.Key).Order(StringComparer.Ordinal));
        Assert.False(any.ByField.Single(b => b.Key == "广告").Flagged);

        var one = Compute(cases, Threshold(PreventionDimension.BusinessField, "特种设备", count: 2));
        Assert.Equal("特种设备", Assert.Single(one.Flags).Value);
    }

    [Fact]
    public void An_inactive_threshold_flags_nothing()
    {
        var cases = new[] { Case(new(2026, 9, 1)), Case(new(2026, 9, 2)), Case(new(2026, 9, 3)) };

        Assert.Empty(Compute(cases, Threshold(PreventionDimension.ErrorKind, "跟踪复查不到位", active: false)).Flags);
    }

    [Fact]
    public void A_unit_counts_a_case_once_however_many_of_its_people_are_subjects_and_is_flagged_by_name()
    {
        var cases = new[]
        {
            Case(new(2026, 7, 1), units: [BranchA, BranchA]),   // two people of 城东分局
            Case(new(2026, 8, 1), units: [BranchA, BranchB]),   // a person of each branch
            Case(new(2026, 9, 1), units: [BranchB]),
        };

        var result = Compute(cases, Threshold(PreventionDimension.Unit, "城东分局", count: 2));

        Assert.Equal(2, Count(result.ByUnit, "城东分局"));
        Assert.Equal(2, Count(result.ByUnit, "城西分局"));
        var flag = Assert.Single(result.Flags);
        Assert.Equal("城东分局", flag.Value);
        Assert.Equal(2, flag.Count);
        Assert.True(result.ByUnit.Single(b => b.Label == "城东分局").Flagged);
        Assert.False(result.ByUnit.Single(b => b.Label == "城西分局").Flagged);
    }

    [Fact]
    public void Counts_by_field_unit_kind_and_month_cover_every_case_whatever_its_outcome()
    {
        var cases = new[]
        {
            Case(new(2026, 6, 3), "食品安全", "跟踪复查不到位", BranchA),
            Case(new(2026, 6, 20), "食品安全", "审核把关不严", BranchA, Detachment),
            Case(new(2026, 8, 1), "特种设备", "跟踪复查不到位", Detachment),
            Case(new(2026, 8, 2), "特种设备", null, Detachment),
        };

        var r = Compute(cases);

        Assert.Equal(4, r.Total);
        Assert.Equal([("食品安全", 2), ("特种设备", 2)], r.ByField.Select(b => (b.Label, b.Count)));
        Assert.Equal([("综合行政执法支队", 3), ("城东分局", 2)], r.ByUnit.Select(b => (b.Label, b.Count)));
        // The unclassified come last: they are not a kind of error.
        Assert.Equal([("跟踪复查不到位", 2), ("审核把关不严", 1), (PreventionAnalysis.Unclassified, 1)], r.ByKind.Select(b => (b.Label, b.Count)));
        // Every month from the first case to today, empty months included.
        Assert.Equal(["2026年6月", "2026年7月", "2026年8月", "2026年9月"], r.ByPeriod.Select(b => b.Label));
        Assert.Equal([2, 0, 2, 0], r.ByPeriod.Select(b => b.Count));
        Assert.Empty(r.Flags);
    }

    [Fact]
    public void Quarters_group_the_months_and_the_filter_gives_the_range()
    {
        var cases = new[] { Case(new(2025, 12, 31)), Case(new(2026, 1, 1)), Case(new(2026, 3, 31)), Case(new(2026, 4, 1)), Case(new(2026, 9, 30)) };

        var r = PreventionAnalysis.Compute(cases, [], Today, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), PeriodGrouping.Quarter);

        Assert.Equal(4, r.Total);
        Assert.Equal(["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"], r.ByPeriod.Select(b => b.Key));
        Assert.Equal(["2026年第一季度", "2026年第二季度", "2026年第三季度", "2026年第四季度"], r.ByPeriod.Select(b => b.Label));
        Assert.Equal([2, 1, 1, 0], r.ByPeriod.Select(b => b.Count));
    }

    [Fact]
    public void The_period_filter_narrows_the_counts_but_not_the_flags_which_look_back_from_today()
    {
        var cases = new[] { Case(new(2026, 1, 10)), Case(new(2026, 5, 10)), Case(new(2026, 9, 10)) };

        var r = PreventionAnalysis.Compute(cases, [Threshold(PreventionDimension.ErrorKind, "跟踪复查不到位")], Today, new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 30));

        Assert.Equal(1, r.Total);
        Assert.Equal(1, Count(r.ByKind, "跟踪复查不到位"));
        Assert.Equal(3, Assert.Single(r.Flags).Count);
        Assert.True(r.ByKind.Single().Flagged);
    }

    [Fact]
    public void Unclassified_cases_never_make_a_kind_of_error_flag()
    {
        var cases = new[] { Case(new(2026, 9, 1), kind: null), Case(new(2026, 9, 2), kind: null), Case(new(2026, 9, 3), kind: null) };

        Assert.Empty(Compute(cases, Threshold(PreventionDimension.ErrorKind, null, count: 2), Threshold(PreventionDimension.FieldAndKind, null, count: 2)).Flags);
    }

    [Fact]
    public void One_kind_in_one_field_is_flagged_only_by_cases_of_that_kind_in_that_field()
    {
        var combined = Threshold(PreventionDimension.FieldAndKind, PreventionAnalysis.CombinedValue("食品安全", "跟踪复查不到位"), count: 3);
        var cases = new List<PreventionCase>
        {
            Case(new(2026, 2, 1), "食品安全", "跟踪复查不到位"),
            Case(new(2026, 5, 1), "食品安全", "跟踪复查不到位"),
            Case(new(2026, 6, 1), "特种设备", "跟踪复查不到位"),   // same kind, another field
            Case(new(2026, 7, 1), "食品安全", "审核把关不严"),     // same field, another kind
        };

        Assert.Empty(Compute(cases, combined).Flags);
        // The same cases reach three of one kind, and three in one field, each on its own.
        Assert.Single(Compute(cases, Threshold(PreventionDimension.ErrorKind, "跟踪复查不到位")).Flags);
        Assert.Single(Compute(cases, Threshold(PreventionDimension.BusinessField, "食品安全")).Flags);

        cases.Add(Case(new(2026, 9, 1), "食品安全", "跟踪复查不到位"));
        var flag = Assert.Single(Compute(cases, combined).Flags);
        Assert.Equal("食品安全/跟踪复查不到位", flag.Value);
        Assert.Equal("食品安全领域 · 跟踪复查不到位", flag.Label);
        Assert.Equal(3, flag.Count);
        Assert.All(flag.Cases, c => Assert.Equal(("食品安全", "跟踪复查不到位"), (c.BusinessField, c.ErrorKind)));

        var any = Compute(cases, Threshold(PreventionDimension.FieldAndKind, null, count: 3));
        Assert.Equal("食品安全/跟踪复查不到位", Assert.Single(any.Flags).Value);
    }

    [Fact]
    public void A_threshold_reads_as_a_sentence()
    {
        Assert.Equal("失误类型“跟踪复查不到位”在12个月内达到3件", PreventionAnalysis.Describe(PreventionDimension.ErrorKind, "跟踪复查不到位", 3, 12));
        Assert.Equal("任一业务领域在6个月内达到4件", PreventionAnalysis.Describe(PreventionDimension.BusinessField, null, 4, 6));
        Assert.Equal("同一业务领域的同一失误类型在12个月内达到2件", PreventionAnalysis.Describe(PreventionDimension.FieldAndKind, null, 2, 12));
        Assert.Equal("“食品安全领域 · 跟踪复查不到位”在12个月内达到3件", PreventionAnalysis.Describe(PreventionDimension.FieldAndKind, "食品安全/跟踪复查不到位", 3, 12));
    }

    [Fact]
    public void With_no_cases_there_are_no_periods_to_show()
    {
        var r = Compute([]);

        Assert.Equal(0, r.Total);
        Assert.Empty(r.ByPeriod);
        Assert.Empty(r.ByField);
    }
}
