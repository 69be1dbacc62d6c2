using SafeHarbor.Cases;
using SafeHarbor.PolicyRules;
using SafeHarbor.Tests.Workflow;

namespace SafeHarbor.Tests.Domain;

/// <summary>
/// Verification without defaults: the findings of the whole form are checked together, an item left
/// blank stays 未核实, an unchanged finding is not recorded again, and the report waits for every
/// required item.
/// </summary>
[Article("5(2)")]
public sealed class FindingsFormTests
{
    private static CaseJourney Started()
    {
        var journey = CaseJourney.At(CaseStatus.Submitted);
        journey.Case.StartVerification(journey.Investigator, journey.Policy, CaseJourney.Now);
        journey.Case.ClearPendingEvents();
        return journey;
    }

    [Fact]
    public void One_faulty_item_refuses_the_whole_form_and_records_nothing()
    {
        var journey = Started();
        var entries = new List<FindingEntry>
        {
            new("within-duties", Verdict.Met, "经调阅案卷，依法作出。"),
            new("bold-but-mistaken", Verdict.Met, "  "),
            new("no-major-accident", null, "经核查未发生事故。"),
        };

        var ex = Assert.Throws<DomainException>(() => journey.Case.RecordFindings(entries, journey.Investigator, journey.Policy, CaseJourney.Now));

        Assert.Equal("validation-failed", ex.Code);
        Assert.Contains("核实情况说明", Assert.Single(ex.Errors!["bold-but-mistaken"]));
        Assert.Contains("请选择核实结论", Assert.Single(ex.Errors!["no-major-accident"]));
        Assert.False(ex.Errors!.ContainsKey("within-duties"));
        Assert.Empty(journey.Case.Findings);
        Assert.Empty(journey.Case.PendingEvents);
    }

    [Fact]
    public void Blank_items_stay_unverified_and_unchanged_ones_are_not_recorded_again()
    {
        var journey = Started();
        var first = new List<FindingEntry>
        {
            new("within-duties", Verdict.Met, "经调阅案卷，依法作出。"),
            new("bold-but-mistaken", null, ""),
            new("c4", null, null),
        };
        Assert.Equal(1, journey.Case.RecordFindings(first, journey.Investigator, journey.Policy, CaseJourney.Now));
        Assert.Equal(["within-duties"], journey.Case.Findings.Select(f => f.ItemCode));

        var second = new List<FindingEntry>
        {
            new("within-duties", Verdict.Met, "经调阅案卷，依法作出。"),
            new("bold-but-mistaken", Verdict.NeedsJudgement, "现有材料不足以判断。"),
        };
        journey.Case.ClearPendingEvents();
        Assert.Equal(1, journey.Case.RecordFindings(second, journey.Investigator, journey.Policy, CaseJourney.Now));
        Assert.Single(journey.Case.PendingEvents);
    }

    [Fact]
    public void The_report_waits_while_a_required_item_is_unverified_and_names_it()
    {
        var journey = Started();
        var required = journey.Policy.BaseConditions.Concat(journey.Policy.Exclusions).Skip(1)
            .Select(i => new FindingEntry(i.Code, Verdict.Met, "经核实符合。")).ToList();
        journey.Case.RecordFindings(required, journey.Investigator, journey.Policy, CaseJourney.Now);

        var ex = Assert.Throws<DomainException>(() => journey.Case.SubmitReport("报告", Outcome.Mitigated, journey.VerifiedAdvice(),
            journey.Investigator, journey.Policy, CaseJourney.Now));

        Assert.Contains("尚未核实", ex.Message);
        Assert.Contains(journey.Policy.BaseConditions[0].Title, ex.Message);
        Assert.Equal(CaseStatus.Verifying, journey.Case.Status);
    }
}
