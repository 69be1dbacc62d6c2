using SafeHarbor.Features.Assessment;
using SafeHarbor.Features.Correction;
using SafeHarbor.Features.Dashboard;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Tests.Dashboard;

/// <summary>The Art. 8–13 figures of 统计分析, computed from plain records.</summary>
public sealed class AfterDecisionStatisticsTests
{
    private static readonly Guid BranchA = Guid.NewGuid();
    private static readonly Guid BranchB = Guid.NewGuid();
    private static readonly Guid County = Guid.NewGuid();
    private static readonly IReadOnlyList<UnitName> Units = [new(BranchA, "城东分局"), new(BranchB, "城西分局"), new(County, "东山县局")];

    [Fact]
    public void Every_correction_stage_is_listed_in_order_even_when_no_matter_is_in_it()
    {
        var bars = AfterDecisionStatistics.CorrectionStages([CorrectionStage.Rectifying, CorrectionStage.Rectifying, CorrectionStage.Closed]);

        Assert.Equal(
            [("待谈话或发函提醒", 0), ("待分析原因", 0), ("待制定整改措施", 0), ("整改中", 2), ("已验收销号", 1)],
            bars.Select(b => (b.Label, b.Count)));
    }

    [Fact]
    public void Overdue_measures_count_per_owner_unit_with_each_plan_once_most_first_then_in_unit_order()
    {
        var planA = Guid.NewGuid();
        var planB = Guid.NewGuid();
        var planC = Guid.NewGuid();
        OverdueFact[] overdue =
        [
            new(planA, County, "东山县局"),
            new(planA, BranchB, "城西分局"),
            new(planB, BranchB, "城西分局"),
            new(planC, BranchB, "城西分局"),
            new(planC, BranchB, "城西分局"),
            new(planA, BranchA, "城东分局"),
        ];

        var rows = AfterDecisionStatistics.OverdueByUnit(overdue, Units);

        // 城西分局: 4 measures in 3 plans; 城东分局 and 东山县局 tie at one and keep the units' order.
        Assert.Equal([("城西分局", 4, 3), ("城东分局", 1, 1), ("东山县局", 1, 1)], rows.Select(r => (r.Label, r.Measures, r.Plans)));
    }

    [Fact]
    public void Result_records_are_counted_per_use_in_the_articles_order_and_a_dropped_use_still_counts_under_its_code()
    {
        PolicyItem[] uses =
        [
            new("integrity-assessment", "第十一条第（一）项", "党风廉政建设责任制考核免于扣分", ""),
            new("lighter-discipline", "第十一条第（五）项", "党纪政务处分从轻或减轻", ""),
        ];

        var bars = AfterDecisionStatistics.RecordsByUse(["lighter-discipline", "old-use", "integrity-assessment", "lighter-discipline"], uses);

        Assert.Equal(
            [("integrity-assessment", 1), ("lighter-discipline", 2), ("old-use", 1)],
            bars.Select(b => (b.Key, b.Count)));
        Assert.Equal("第十一条第（五）项 党纪政务处分从轻或减轻", bars[1].Label);
    }

    [Fact]
    public void Grades_list_every_grade_and_those_not_yet_graded_last()
    {
        var grades = AfterDecisionStatistics.Grades("2026年第三季度", closed: false, [Grade.Excellent, Grade.Competent, Grade.Competent, null]);

        Assert.Equal(4, grades.Assessed);
        Assert.Equal([("优秀", 1), ("称职", 2), ("基本称职", 0), ("不称职", 0), ("未评定", 1)], grades.Grades.Select(b => (b.Label, b.Count)));
        Assert.Null(AfterDecisionStatistics.Grades(null, false, []).PeriodName);
    }
}
