using SafeHarbor.Cases;
using SafeHarbor.PolicyRules;
using SafeHarbor.Tests.Workflow;

namespace SafeHarbor.Tests.Domain;

/// <summary>
/// Art. 4 makes the exclusions preconditions: a verified exclusion (accident or bad influence, improper
/// benefit; Art. 10 abuse) binds the report and the party group. The way back is re-verification.
/// Departing from the report or a definite advice needs a written reason.
/// </summary>
[Article("4", "10")]
public sealed class HardExclusionTests
{
    public static TheoryData<string> Exclusions() => new(Shipped.Policy131.Exclusions.Select(i => i.Code));

    /// <summary>Verifying, every required item met except <paramref name="exclusion"/>, found to apply.</summary>
    private static CaseJourney VerifiedWithExclusion(string exclusion)
    {
        var journey = CaseJourney.At(CaseStatus.Verifying);
        journey.Case.RecordFinding(exclusion, Verdict.NotMet, "经核实，该情形存在。", journey.Investigator, journey.Policy, CaseJourney.Now);
        journey.Case.ClearPendingEvents();
        return journey;
    }

    [Theory]
    [MemberData(nameof(Exclusions))]
    public void A_report_may_not_recommend_exemption_over_a_verified_exclusion(string exclusion)
    {
        var journey = VerifiedWithExclusion(exclusion);

        var ex = Assert.Throws<DomainException>(() => journey.Case.SubmitReport("报告", Outcome.Exempted, journey.VerifiedAdvice(),
            journey.Investigator, journey.Policy, CaseJourney.Now));

        Assert.Equal(ErrorKind.Conflict, ex.Kind);
        Assert.Equal("exclusion-binds", ex.Code);
        Assert.Contains(journey.Policy.FindItem(exclusion)!.Title, ex.Message);
        Assert.Equal(CaseStatus.Verifying, journey.Case.Status);
        Assert.Null(journey.Case.Report);
    }

    [Theory]
    [InlineData(Outcome.Mitigated)]
    [InlineData(Outcome.NotExempted)]
    public void A_report_over_a_verified_exclusion_may_recommend_any_other_outcome(Outcome recommendation)
    {
        var journey = VerifiedWithExclusion("no-major-accident");

        journey.Case.SubmitReport("报告", recommendation, journey.VerifiedAdvice(), journey.Investigator, journey.Policy, CaseJourney.Now);

        Assert.Equal(CaseStatus.Reported, journey.Case.Status);
    }

    [Theory]
    [MemberData(nameof(Exclusions))]
    public void The_party_group_may_not_decide_exemption_over_a_verified_exclusion_whatever_it_writes(string exclusion)
    {
        var journey = VerifiedWithExclusion(exclusion);
        journey.Case.SubmitReport("报告", Outcome.NotExempted, journey.VerifiedAdvice(), journey.Investigator, journey.Policy, CaseJourney.Now);
        journey.Case.Schedule(Guid.NewGuid(), "党组会议", CaseJourney.AppliedOn, journey.Office, journey.Policy, CaseJourney.Now);

        var ex = Assert.Throws<DomainException>(() => journey.Case.Decide(
            new DecisionInput(Outcome.Exempted, "经集体研究，予以容错免责。", null, "情节特殊，集体研究认为可以免责。"),
            journey.VerifiedAdvice(), journey.Office, journey.Policy, CaseJourney.Now, CaseJourney.AppliedOn, "第一次党组会议"));

        Assert.Equal("exclusion-binds", ex.Code);
        Assert.Contains("重新核实", ex.Message);
        Assert.Equal(CaseStatus.Scheduled, journey.Case.Status);
        Assert.Null(journey.Case.Decision);
    }

    [Fact]
    public void A_substantiated_abuse_report_binds_like_a_finding()
    {
        var journey = CaseJourney.At(CaseStatus.Scheduled);
        var advice = EligibilityAdvisor.Advise(journey.Policy, new EligibilityInput(
            AdviceStage.Verified,
            journey.Case.Findings.ToDictionary(f => f.ItemCode, f => new Statement(f.Verdict, f.Note)),
            journey.Case.Description,
            [new AbuseFinding("吃拿卡要", "检查中收受经营者购物卡", CaseJourney.AppliedOn)],
            [], CaseJourney.AppliedOn, journey.Case.ApplicationDeadline));

        var ex = Assert.Throws<DomainException>(() => journey.Case.Decide(new DecisionInput(Outcome.Exempted, "理由", null, CaseJourney.Departure),
            advice, journey.Office, journey.Policy, CaseJourney.Now, CaseJourney.AppliedOn, "第一次党组会议"));

        Assert.Equal("exclusion-binds", ex.Code);
        Assert.Contains("第十条", ex.Message);
    }

    [Fact]
    public void Advice_on_claims_binds_nothing_only_verified_findings_do()
    {
        var journey = VerifiedWithExclusion("no-improper-benefit");
        var verified = journey.VerifiedAdvice();
        var claimed = verified with { Stage = AdviceStage.Claimed };

        Assert.Equal(["no-improper-benefit"], verified.BindingExclusions.Select(b => b.Code));
        Assert.Empty(claimed.BindingExclusions);
    }

    [Fact]
    public void Reopening_verification_withdraws_the_report_into_the_audit_and_lets_the_finding_be_corrected()
    {
        var journey = VerifiedWithExclusion("no-major-accident");
        journey.Case.SubmitReport("原报告：存在重大责任事故。", Outcome.NotExempted, journey.VerifiedAdvice(), journey.Investigator, journey.Policy, CaseJourney.Now);
        journey.Case.ClearPendingEvents();

        journey.Case.ReopenVerification("经复查，所称事故系他人责任，原核实结论有误。", journey.Investigator, journey.Policy, CaseJourney.Now);

        Assert.Equal(CaseStatus.Verifying, journey.Case.Status);
        Assert.Null(journey.Case.Report);
        var reopened = Assert.Single(journey.Case.PendingEvents);
        Assert.Equal(CaseAction.ReopenVerification, reopened.Action);
        Assert.Equal("原报告：存在重大责任事故。", reopened.Changes["withdrawnReport"]);
        Assert.Equal("不予容错免责", reopened.Changes["withdrawnRecommendation"]);

        journey.Case.RecordFinding("no-major-accident", Verdict.Met, "经复查未造成重大责任事故。", journey.Investigator, journey.Policy, CaseJourney.Now);
        journey.Case.SubmitReport("更正后的报告。", Outcome.Exempted, journey.VerifiedAdvice(), journey.Investigator, journey.Policy, CaseJourney.Now);
        Assert.Equal(CaseStatus.Reported, journey.Case.Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Reopening_verification_needs_a_reason(string? reason)
    {
        var journey = CaseJourney.At(CaseStatus.Reported);

        var ex = Assert.Throws<DomainException>(() => journey.Case.ReopenVerification(reason, journey.Investigator, journey.Policy, CaseJourney.Now));

        Assert.Contains("reason", ex.Errors!.Keys);
        Assert.Equal(CaseStatus.Reported, journey.Case.Status);
        Assert.NotNull(journey.Case.Report);
    }

    [Fact]
    public void Only_the_verifying_body_reopens_verification()
    {
        var journey = CaseJourney.At(CaseStatus.Reported);

        var ex = Assert.Throws<DomainException>(() => journey.Case.ReopenVerification("理由", journey.Office, journey.Policy, CaseJourney.Now));

        Assert.Equal(ErrorKind.Forbidden, ex.Kind);
    }

    [Theory]
    [InlineData(Outcome.Mitigated)]
    [InlineData(Outcome.NotExempted)]
    public void Departing_from_the_report_and_the_advice_needs_a_written_reason(Outcome outcome)
    {
        var journey = CaseJourney.At(CaseStatus.Scheduled);

        var ex = Assert.Throws<DomainException>(() => journey.Case.Decide(new DecisionInput(outcome, "理由", "减轻处理。"),
            journey.VerifiedAdvice(), journey.Office, journey.Policy, CaseJourney.Now, CaseJourney.AppliedOn, "第一次党组会议"));

        var message = Assert.Single(ex.Errors!["departureReason"]);
        Assert.Contains("调查报告的建议", message);
        Assert.Contains("系统核实建议", message);
    }

    [Fact]
    public void The_departure_reason_is_kept_with_the_decision_and_in_its_event()
    {
        var journey = CaseJourney.At(CaseStatus.Scheduled);

        journey.Case.Decide(new DecisionInput(Outcome.NotExempted, "理由", null, "  未采纳：当事人未如实说明情况。 "),
            journey.VerifiedAdvice(), journey.Office, journey.Policy, CaseJourney.Now, CaseJourney.AppliedOn, "第一次党组会议");

        Assert.Equal("未采纳：当事人未如实说明情况。", journey.Case.Decision!.DepartureReason);
        Assert.Equal("未采纳：当事人未如实说明情况。", journey.Case.PendingEvents.Single(e => e.Action == CaseAction.Decide).Changes["departureReason"]);
    }

    [Fact]
    public void A_decision_that_follows_the_report_and_the_advice_needs_no_departure_reason_and_keeps_none()
    {
        var journey = CaseJourney.At(CaseStatus.Scheduled);

        journey.Case.Decide(new DecisionInput(Outcome.Exempted, "理由", null, "多写的理由"), journey.VerifiedAdvice(),
            journey.Office, journey.Policy, CaseJourney.Now, CaseJourney.AppliedOn, "第一次党组会议");

        Assert.Null(journey.Case.Decision!.DepartureReason);
    }

    [Fact]
    public void Where_the_advice_leaves_it_to_judgement_only_the_report_counts()
    {
        var journey = CaseJourney.At(CaseStatus.Scheduled);

        Assert.Empty(journey.Case.DeparturesOf(Outcome.Exempted, Recommendation.NeedsJudgement));
        Assert.Equal(["调查报告的建议"], journey.Case.DeparturesOf(Outcome.Mitigated, Recommendation.NeedsJudgement));
    }
}
