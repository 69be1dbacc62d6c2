using SafeHarbor.Cases;
using SafeHarbor.Features.AbuseReports;

namespace SafeHarbor.Tests.Domain;

/// <summary>Art. 10: a report is investigated and concluded once, 查实 or 查否, along <see cref="AbuseReportTransitions"/>.</summary>
public sealed class AbuseReportTransitionTests
{
    private static readonly DateOnly Today = new(2026, 9, 21);
    private static readonly Guid Investigator = Guid.NewGuid();

    public static TheoryData<AbuseReportStatus, AbuseReportAction> EveryPair()
    {
        var data = new TheoryData<AbuseReportStatus, AbuseReportAction>();
        foreach (var status in Enum.GetValues<AbuseReportStatus>())
        {
            foreach (var action in Enum.GetValues<AbuseReportAction>())
            {
                data.Add(status, action);
            }
        }
        return data;
    }

    private static AbuseReport NewReport() =>
        new() { Id = Guid.NewGuid(), CaseId = Guid.NewGuid(), Kind = AbuseKind.Extortion, Description = "反映检查中索要财物。", ReceivedOn = Today.AddDays(-10) };

    private static AbuseReport ReportIn(AbuseReportStatus status)
    {
        var report = NewReport();
        if (status != AbuseReportStatus.Open)
        {
            report.Conclude(status == AbuseReportStatus.Substantiated, "首次核查结论。", Investigator, Today.AddDays(-1));
        }
        Assert.Equal(status, report.Status);
        return report;
    }

    private static void Take(AbuseReport report, AbuseReportAction action) =>
        report.Conclude(action == AbuseReportAction.Substantiate, "经核查。", Investigator, Today);

    [Fact]
    public void An_open_report_is_either_substantiated_or_dismissed_and_nothing_else_moves()
    {
        AbuseReportTransition[] expected =
        [
            new(AbuseReportStatus.Open, AbuseReportAction.Substantiate, AbuseReportStatus.Substantiated),
            new(AbuseReportStatus.Open, AbuseReportAction.Dismiss, AbuseReportStatus.Unsubstantiated),
        ];

        Assert.Equal(expected, AbuseReportTransitions.All);
    }

    [Theory, MemberData(nameof(EveryPair))]
    public void Every_status_and_action_pair_does_what_the_table_says(AbuseReportStatus status, AbuseReportAction action)
    {
        var report = ReportIn(status);

        if (AbuseReportTransitions.Find(status, action) is { } step)
        {
            Take(report, action);
            Assert.Equal((step.To, "经核查。", Today, Investigator), (report.Status, report.Conclusion, report.ConcludedOn, report.ConcludedBy));
        }
        else
        {
            var refused = Assert.Throws<DomainException>(() => Take(report, action));
            Assert.Equal(("report-concluded", ErrorKind.Conflict), (refused.Code, refused.Kind));
            Assert.Equal((status, "首次核查结论。", Today.AddDays(-1)), (report.Status, report.Conclusion, report.ConcludedOn));
        }
    }

    [Fact]
    public void A_report_is_open_when_it_is_recorded()
    {
        var report = NewReport();

        Assert.Equal((AbuseReportStatus.Open, null, null), (report.Status, report.Conclusion, report.ConcludedOn));
    }

    [Fact]
    public void A_concluded_report_cannot_be_concluded_again_and_the_refusal_says_when_and_what()
    {
        var report = ReportIn(AbuseReportStatus.Unsubstantiated);

        var refused = Assert.Throws<DomainException>(() => Take(report, AbuseReportAction.Substantiate));

        Assert.Equal("该举报已于 2026-09-20 作出结论（查否）。", refused.Message);
        Assert.Equal(AbuseReportStatus.Unsubstantiated, report.Status);
    }

    [Fact]
    public void A_report_changes_status_and_conclusion_only_through_its_methods()
    {
        foreach (var name in new[] { nameof(AbuseReport.Status), nameof(AbuseReport.Conclusion), nameof(AbuseReport.ConcludedOn), nameof(AbuseReport.ConcludedBy) })
        {
            Assert.False(typeof(AbuseReport).GetProperty(name)!.SetMethod!.IsPublic, name);
        }
    }
}
