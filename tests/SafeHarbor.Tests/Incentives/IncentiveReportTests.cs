using SafeHarbor.Features.Incentives;
using SafeHarbor.Organisation;
using static SafeHarbor.Features.Incentives.IncentiveReport;

namespace SafeHarbor.Tests.Incentives;

/// <summary>年度关爱激励情况, computed from plain records: what counts where, who is reached, what is left out.</summary>
[Article("13")]
public sealed class IncentiveReportTests
{
    private static readonly UnitFact Bureau = new(Guid.NewGuid(), "市局", UnitType.Bureau, 0);
    private static readonly UnitFact Personnel = new(Guid.NewGuid(), "人事科", UnitType.Section, 1);
    private static readonly UnitFact Inspection = new(Guid.NewGuid(), "执法稽查科", UnitType.Section, 2);
    private static readonly UnitFact BranchA = new(Guid.NewGuid(), "城东分局", UnitType.Branch, 3);
    private static readonly UnitFact BranchB = new(Guid.NewGuid(), "城西分局", UnitType.Branch, 4);
    private static readonly UnitFact Detachment = new(Guid.NewGuid(), "综合支队", UnitType.Detachment, 5);
    private static readonly UnitFact Town = new(Guid.NewGuid(), "城关所", UnitType.CountyBureau, 6);
    private static readonly UnitFact Lab = new(Guid.NewGuid(), "检验中心", UnitType.Affiliated, 7);
    private static readonly UnitFact[] Units = [Lab, BranchB, Town, Bureau, BranchA, Personnel, Detachment, Inspection];

    private static readonly PersonFact He = new(Guid.NewGuid(), BranchA.Id, "食品安全监管股股长");
    private static readonly PersonFact Lin = new(Guid.NewGuid(), BranchA.Id, "执法人员");
    private static readonly PersonFact Yang = new(Guid.NewGuid(), BranchB.Id, "价格监管执法人员");
    private static readonly PersonFact Huang = new(Guid.NewGuid(), Personnel.Id, "人事科科长");
    private static readonly PersonFact Ma = new(Guid.NewGuid(), Inspection.Id, "执法稽查科科员（执法岗）");
    private static readonly PersonFact Xu = new(Guid.NewGuid(), Detachment.Id, "特种设备执法大队队员");
    private static readonly PersonFact[] Persons = [He, Lin, Yang, Huang, Ma, Xu];

    private static DateOnly D(int month, int day, int year = 2026) => new(year, month, day);

    private static Row RowOf(Report r, UnitFact unit) => r.Rows.Single(x => x.UnitId == unit.Id);

    private static Report Compute(
        TalkFact[]? talks = null, CommendationFact[]? commendations = null, SupportFact[]? support = null,
        IReadOnlyCollection<UnitFact>? units = null, int year = 2026) =>
        IncentiveReport.Compute(year, units ?? Units, Persons, talks ?? [], commendations ?? [], support ?? []);

    [Fact]
    public void A_persons_record_counts_for_their_unit_and_a_units_record_for_the_unit_with_commendations_by_kind()
    {
        var r = Compute(
            talks: [new(He.Id, D(3, 1)), new(Lin.Id, D(4, 1)), new(Yang.Id, D(5, 1))],
            commendations:
            [
                new(CommendationKind.Regular, null, BranchA.Id, D(6, 1)),
                new(CommendationKind.Special, He.Id, null, D(6, 2)),
                new(CommendationKind.Regular, Yang.Id, null, D(6, 3)),
                new(CommendationKind.Special, null, Detachment.Id, D(6, 4)),
            ],
            support: [new(He.Id, null, D(7, 1)), new(null, Town.Id, D(7, 2)), new(null, BranchA.Id, D(7, 3))]);

        var a = RowOf(r, BranchA);
        Assert.Equal((2, 1, 1, 2), (a.Talks, a.RegularCommendations, a.SpecialAwards, a.SupportMeasures));
        Assert.Equal(2, a.Commendations);
        var b = RowOf(r, BranchB);
        Assert.Equal((1, 1, 0, 0), (b.Talks, b.RegularCommendations, b.SpecialAwards, b.SupportMeasures));
        var detachment = RowOf(r, Detachment);
        Assert.Equal((0, 0, 1, 0), (detachment.Talks, detachment.RegularCommendations, detachment.SpecialAwards, detachment.SupportMeasures));
        Assert.Equal(1, RowOf(r, Town).SupportMeasures);
        Assert.Equal(new Totals(3, 2, 2, 3, 3, 3), r.Total);
    }

    [Fact]
    public void People_reached_counts_each_person_once_and_collective_records_reach_no_one_by_name()
    {
        var r = Compute(
            talks: [new(He.Id, D(1, 5)), new(He.Id, D(8, 5))],
            commendations: [new(CommendationKind.Special, He.Id, null, D(6, 2)), new(CommendationKind.Regular, null, BranchA.Id, D(6, 1))],
            support: [new(He.Id, null, D(7, 1)), new(null, BranchA.Id, D(7, 3)), new(null, BranchB.Id, D(7, 3))]);

        Assert.Equal(1, RowOf(r, BranchA).PeopleReached);
        Assert.Equal(0, RowOf(r, BranchB).PeopleReached);
        Assert.Equal(1, RowOf(r, BranchB).SupportMeasures);
        Assert.Equal(1, r.Total.PeopleReached);
    }

    [Fact]
    public void Only_records_of_the_year_count_from_the_first_to_the_last_day()
    {
        var r = Compute(
            talks: [new(He.Id, D(12, 31, 2025)), new(He.Id, D(1, 1)), new(He.Id, D(12, 31)), new(He.Id, D(1, 1, 2027))],
            commendations: [new(CommendationKind.Regular, Lin.Id, null, D(12, 31, 2025))],
            support: [new(Lin.Id, null, D(1, 1, 2027))]);

        var a = RowOf(r, BranchA);
        Assert.Equal(2, a.Talks);
        Assert.Equal(0, a.Commendations);
        Assert.Equal(0, a.SupportMeasures);
        Assert.Equal(1, a.PeopleReached);

        var previous = Compute(talks: [new(He.Id, D(12, 31, 2025))], commendations: [new(CommendationKind.Regular, Lin.Id, null, D(12, 31, 2025))], year: 2025);
        Assert.Equal((1, 1, 2), (RowOf(previous, BranchA).Talks, RowOf(previous, BranchA).Commendations, RowOf(previous, BranchA).PeopleReached));
    }

    [Fact]
    public void Records_of_people_and_units_outside_the_units_given_are_left_out()
    {
        // A leader of 城东分局 sees the report of that unit alone.
        var r = Compute(
            talks: [new(He.Id, D(3, 1)), new(Yang.Id, D(3, 1)), new(Guid.NewGuid(), D(3, 1))],
            commendations: [new(CommendationKind.Regular, null, BranchB.Id, D(6, 1)), new(CommendationKind.Regular, null, BranchA.Id, D(6, 1))],
            support: [new(Yang.Id, null, D(7, 1))],
            units: [BranchA]);

        var row = Assert.Single(r.Rows);
        Assert.Equal(BranchA.Id, row.UnitId);
        Assert.Equal(new Totals(1, 1, 0, 0, 1, 1), r.Total);
    }

    [Fact]
    public void Every_unit_is_a_row_in_the_organisations_order_and_enforcement_units_are_marked_front_line()
    {
        var r = Compute();

        Assert.Equal(["市局", "人事科", "执法稽查科", "城东分局", "城西分局", "综合支队", "城关所", "检验中心"], r.Rows.Select(x => x.UnitName));
        Assert.Equal(["城东分局", "城西分局", "综合支队", "城关所"], r.Rows.Where(x => x.FrontLine).Select(x => x.UnitName));
        Assert.All(r.Rows, x => Assert.False(x.Any));
        Assert.Equal(new Totals(0, 0, 0, 0, 0, 0), r.Total);
        Assert.Equal("分局", RowOf(r, BranchA).UnitTypeName);
    }

    [Fact]
    public void Front_line_people_are_those_of_enforcement_units_and_those_on_enforcement_posts_elsewhere()
    {
        var r = Compute(talks: [new(He.Id, D(3, 1)), new(Huang.Id, D(3, 1)), new(Ma.Id, D(3, 1)), new(Xu.Id, D(3, 1))]);

        Assert.Equal((1, 1), (RowOf(r, BranchA).PeopleReached, RowOf(r, BranchA).FrontLinePeopleReached));
        Assert.Equal((1, 0), (RowOf(r, Personnel).PeopleReached, RowOf(r, Personnel).FrontLinePeopleReached));
        Assert.Equal((1, 1), (RowOf(r, Inspection).PeopleReached, RowOf(r, Inspection).FrontLinePeopleReached));
        Assert.False(RowOf(r, Inspection).FrontLine);
        Assert.Equal(new Totals(4, 0, 0, 0, 4, 3), r.Total);
        // The front-line units' own totals: 城东分局 and 综合支队, not the sections.
        Assert.Equal(new Totals(2, 0, 0, 0, 2, 2), r.FrontLineUnits);
    }

    [Theory]
    [InlineData(UnitType.Branch, "办公室文员", true)]
    [InlineData(UnitType.Detachment, "", true)]
    [InlineData(UnitType.CountyBureau, "所长", true)]
    [InlineData(UnitType.Section, "价格监督检查执法人员", true)]
    [InlineData(UnitType.Section, "科长", false)]
    [InlineData(UnitType.Bureau, "党组成员、副局长", false)]
    [InlineData(UnitType.Affiliated, "检验员", false)]
    public void Front_line_staff(UnitType type, string post, bool frontLine) =>
        Assert.Equal(frontLine, IncentiveAccess.IsFrontLine(type, post));

    [Fact]
    public void The_excel_rows_are_the_table_then_the_total_and_the_front_line_total()
    {
        var r = Compute(
            talks: [new(He.Id, D(3, 1)), new(Huang.Id, D(3, 2))],
            commendations: [new(CommendationKind.Special, Xu.Id, null, D(5, 1))],
            support: [new(null, Town.Id, D(7, 2))]);

        var rows = ExcelRows(r);

        Assert.Equal(Units.Length + 2, rows.Count);
        Assert.Equal(["单位", "单位类型", "一线执法单位", "谈心谈话（次）", "平时激励（项）", "专项表彰奖励（项）", "支持保障措施（项）", "覆盖人数（人）", "其中一线执法人员（人）"], rows[0].Keys);
        var branch = rows.Single(x => (string?)x["单位"] == "城东分局");
        Assert.Equal(("是", 1, 1), ((string?)branch["一线执法单位"], (int?)branch["谈心谈话（次）"], (int?)branch["覆盖人数（人）"]));
        Assert.Equal("合计", rows[^2]["单位"]);
        Assert.Equal((2, 1, 1, 3), ((int?)rows[^2]["谈心谈话（次）"], (int?)rows[^2]["专项表彰奖励（项）"], (int?)rows[^2]["支持保障措施（项）"], (int?)rows[^2]["覆盖人数（人）"]));
        Assert.Equal("其中一线执法单位", rows[^1]["单位"]);
        Assert.Equal((1, 1, 1, 2), ((int?)rows[^1]["谈心谈话（次）"], (int?)rows[^1]["专项表彰奖励（项）"], (int?)rows[^1]["支持保障措施（项）"], (int?)rows[^1]["覆盖人数（人）"]));
    }
}
