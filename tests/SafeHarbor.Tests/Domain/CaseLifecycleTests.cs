using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.PolicyRules;
using SafeHarbor.Tests.Workflow;

namespace SafeHarbor.Tests.Domain;

/// <summary>The rules the case enforces inside its steps: verification, determination, publication, filing, withdrawal.</summary>
[Article("5(2)", "5(3)", "5(5)", "5(6)")]
public sealed class CaseLifecycleTests
{
    private static CaseJourney VerifyingWithoutFindings()
    {
        var journey = CaseJourney.At(CaseStatus.Submitted);
        journey.Case.StartVerification(journey.Investigator, journey.Policy, CaseJourney.Now);
        journey.Case.ClearPendingEvents();
        return journey;
    }

    public static TheoryData<string> RequiredItems() =>
        new(new CaseJourney().RequiredFindings.Select(i => i.Code));

    [Theory]
    [MemberData(nameof(RequiredItems))]
    public void Report_is_refused_while_a_base_condition_exclusion_or_claimed_condition_has_no_finding(string missingCode)
    {
        var journey = VerifyingWithoutFindings();
        foreach (var item in journey.RequiredFindings.Where(i => i.Code != missingCode))
        {
            journey.Case.RecordFinding(item.Code, Verdict.Met, "经核实符合。", journey.Investigator, journey.Policy, CaseJourney.Now);
        }
        var missing = journey.Policy.FindItem(missingCode)!;

        var ex = Assert.Throws<DomainException>(() =>
            journey.Case.SubmitReport("调查报告", Outcome.Exempted, journey.VerifiedAdvice(), journey.Investigator, journey.Policy, CaseJourney.Now));

        Assert.Equal(ErrorKind.Invalid, ex.Kind);
        var message = Assert.Single(ex.Errors!["findings"]);
        Assert.Contains(missing.Title, message);
        Assert.Equal(CaseStatus.Verifying, journey.Case.Status);
        Assert.Null(journey.Case.Report);
    }

    [Fact]
    public void Report_needs_no_finding_on_a_listed_condition_that_was_not_claimed()
    {
        var journey = VerifyingWithoutFindings();
        foreach (var item in journey.RequiredFindings)
        {
            journey.Case.RecordFinding(item.Code, Verdict.Met, "经核实符合。", journey.Investigator, journey.Policy, CaseJourney.Now);
        }

        journey.Case.SubmitReport("调查报告", Outcome.Exempted, journey.VerifiedAdvice(), journey.Investigator, journey.Policy, CaseJourney.Now);

        Assert.Equal(CaseStatus.Reported, journey.Case.Status);
        Assert.Equal(Outcome.Exempted, journey.Case.Report!.Recommendation);
        Assert.DoesNotContain(journey.Case.Findings, f => f.ItemCode == "c2");
    }

    [Fact]
    public void Report_lists_every_item_still_without_a_finding()
    {
        var journey = VerifyingWithoutFindings();

        var ex = Assert.Throws<DomainException>(() =>
            journey.Case.SubmitReport("调查报告", Outcome.Exempted, journey.VerifiedAdvice(), journey.Investigator, journey.Policy, CaseJourney.Now));

        var message = Assert.Single(ex.Errors!["findings"]);
        Assert.All(journey.RequiredFindings, i => Assert.Contains(i.Title, message));
        Assert.DoesNotContain(journey.Policy.FindItem("c2")!.Title, message);
    }

    [Fact]
    public void Recording_a_finding_again_replaces_the_earlier_verdict_and_keeps_it_in_the_event()
    {
        var journey = VerifyingWithoutFindings();
        journey.Case.RecordFinding("no-major-accident", Verdict.NeedsJudgement, "待查。", journey.Investigator, journey.Policy, CaseJourney.Now);

        journey.Case.RecordFinding("no-major-accident", Verdict.Met, "经查未造成事故。", journey.Investigator, journey.Policy, CaseJourney.Now);

        var finding = Assert.Single(journey.Case.Findings);
        Assert.Equal(Verdict.Met, finding.Verdict);
        Assert.Equal("经查未造成事故。", finding.Note);
        Assert.Equal(Verdict.NeedsJudgement.Chinese(), journey.Case.PendingEvents[^1].Changes["previous"]);
    }

    [Fact]
    public void Finding_on_an_item_the_policy_does_not_have_is_invalid()
    {
        var journey = VerifyingWithoutFindings();

        var ex = Assert.Throws<DomainException>(() =>
            journey.Case.RecordFinding("c42", Verdict.Met, "说明", journey.Investigator, journey.Policy, CaseJourney.Now));

        Assert.Contains("itemCode", ex.Errors!.Keys);
        Assert.Empty(journey.Case.Findings);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void Mitigated_decision_needs_the_mitigation_written_out(string? mitigation)
    {
        var journey = CaseJourney.At(CaseStatus.Scheduled);

        var ex = Assert.Throws<DomainException>(() => journey.Case.Decide(new DecisionInput(Outcome.Mitigated, "理由", mitigation, CaseJourney.Departure),
            journey.VerifiedAdvice(), journey.Office, journey.Policy, CaseJourney.Now, CaseJourney.AppliedOn, "第一次党组会议"));

        Assert.Equal(ErrorKind.Invalid, ex.Kind);
        Assert.Contains("mitigation", ex.Errors!.Keys);
        Assert.Equal(CaseStatus.Scheduled, journey.Case.Status);
        Assert.Null(journey.Case.Decision);
    }

    [Fact]
    public void Mitigated_decision_with_its_mitigation_is_recorded_with_the_advice_it_departs_from()
    {
        var journey = CaseJourney.At(CaseStatus.Scheduled);

        journey.Case.Decide(new DecisionInput(Outcome.Mitigated, "情节较轻", "  减轻处理  ", CaseJourney.Departure), journey.VerifiedAdvice(),
            journey.Office, journey.Policy, CaseJourney.Now, CaseJourney.AppliedOn, "第一次党组会议");

        Assert.Equal(CaseStatus.Decided, journey.Case.Status);
        Assert.Equal(Outcome.Mitigated, journey.Case.Decision!.Outcome);
        Assert.Equal("减轻处理", journey.Case.Decision.Mitigation);
        Assert.Equal(Recommendation.Exempt, journey.Case.Decision.AdviceAtDecision);
        Assert.Equal(journey.Case.MeetingId, journey.Case.Decision.MeetingId);
    }

    [Fact]
    public void Decision_needs_its_reasons()
    {
        var journey = CaseJourney.At(CaseStatus.Scheduled);

        var ex = Assert.Throws<DomainException>(() => journey.Case.Decide(new DecisionInput(Outcome.Exempted, "", null),
            journey.VerifiedAdvice(), journey.Office, journey.Policy, CaseJourney.Now, CaseJourney.AppliedOn, "第一次党组会议"));

        Assert.Contains("reasons", ex.Errors!.Keys);
    }

    [Fact]
    public void Postponing_takes_the_case_off_the_agenda_and_back_to_reported()
    {
        var journey = CaseJourney.At(CaseStatus.Scheduled);

        journey.Case.Postpone("需补充调查", journey.Office, journey.Policy, CaseJourney.Now);

        Assert.Equal(CaseStatus.Reported, journey.Case.Status);
        Assert.Null(journey.Case.MeetingId);
    }

    [Theory]
    [InlineData(Outcome.NotExempted)]
    [InlineData(Outcome.Mitigated)]
    public void Publication_is_refused_for_a_case_not_exempted(Outcome outcome)
    {
        var journey = CaseJourney.At(CaseStatus.Acknowledged, outcome);
        var version = journey.Case.Version;

        var ex = Assert.Throws<DomainException>(() =>
            journey.Case.Publish(journey.Office, journey.Policy, CaseJourney.Now, CaseJourney.NoChanges));

        Assert.Equal("publish-exempted-only", ex.Code);
        Assert.Contains("第五条第（五）项", ex.Message);
        Assert.Equal(CaseStatus.Acknowledged, journey.Case.Status);
        Assert.Equal(version, journey.Case.Version);
    }

    [Fact]
    public void Publication_of_an_exempted_case_is_allowed()
    {
        var journey = CaseJourney.At(CaseStatus.Acknowledged, Outcome.Exempted);

        journey.Case.Publish(journey.Office, journey.Policy, CaseJourney.Now, CaseJourney.NoChanges);

        Assert.Equal(CaseStatus.Published, journey.Case.Status);
    }

    [Fact]
    public void Archiving_records_the_archive_number_and_date()
    {
        var journey = CaseJourney.At(CaseStatus.Published);
        var at = CaseJourney.Now.AddDays(3);

        journey.Case.Archive("XSJ-2026-BA-0042", journey.Archivist, journey.Policy, at, CaseJourney.NoChanges);

        Assert.Equal(CaseStatus.Archived, journey.Case.Status);
        Assert.Equal("XSJ-2026-BA-0042", journey.Case.ArchiveNumber);
        Assert.Equal(at, journey.Case.ArchivedAt);
    }

    public static TheoryData<CaseAction> ActionsOnAnExistingCase() =>
        new(CaseJourney.CallableActions);

    [Theory]
    [MemberData(nameof(ActionsOnAnExistingCase))]
    public void Archived_case_is_read_only_for_every_action(CaseAction action)
    {
        var journey = CaseJourney.At(CaseStatus.Archived);
        var someoneEntitled = journey.HolderOf(CaseWorkflow.Steps.First(s => s.Action == action).Duties[0]);

        var ex = Assert.Throws<DomainException>(() => journey.Perform(action, someoneEntitled));

        Assert.Equal("case-archived", ex.Code);
        Assert.Equal(CaseStatus.Archived, journey.Case.Status);
        Assert.Equal("XSJ-2026-BA-0007", journey.Case.ArchiveNumber);
    }

    public static TheoryData<CaseStatus, CaseAction> ClosedWithoutDecisionAndAction()
    {
        var data = new TheoryData<CaseStatus, CaseAction>();
        foreach (var closed in new[] { CaseStatus.Refused, CaseStatus.Withdrawn })
        {
            foreach (var action in CaseJourney.CallableActions)
            {
                data.Add(closed, action);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ClosedWithoutDecisionAndAction))]
    public void Archived_case_closed_without_a_decision_is_read_only_for_every_action(CaseStatus closedAs, CaseAction action)
    {
        var journey = CaseJourney.ArchivedFrom(closedAs);
        var someoneEntitled = journey.HolderOf(CaseWorkflow.Steps.First(s => s.Action == action).Duties[0]);

        var ex = Assert.Throws<DomainException>(() => journey.Perform(action, someoneEntitled));

        Assert.Equal("case-archived", ex.Code);
        Assert.Equal(CaseStatus.Archived, journey.Case.Status);
        Assert.Empty(journey.Case.PendingEvents);
    }

    [Fact]
    public void Archived_case_refuses_a_generic_record_too()
    {
        var journey = CaseJourney.At(CaseStatus.Archived);

        var ex = Assert.Throws<DomainException>(() => journey.Case.EnsureAllowed(CaseAction.UploadEvidence, journey.Applicant, journey.Policy));

        Assert.Equal("case-archived", ex.Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Withdrawal_needs_a_reason(string? reason)
    {
        var journey = CaseJourney.At(CaseStatus.Submitted);

        var ex = Assert.Throws<DomainException>(() => journey.Case.Withdraw(reason, journey.Applicant, journey.Policy, CaseJourney.Now));

        Assert.Contains("reason", ex.Errors!.Keys);
        Assert.Equal(CaseStatus.Submitted, journey.Case.Status);
        Assert.Null(journey.Case.ClosingReason);
    }

    [Fact]
    public void Withdrawal_keeps_its_reason_as_the_closing_reason()
    {
        var journey = CaseJourney.At(CaseStatus.Reported);

        journey.Case.Withdraw(" 已自行整改 ", journey.Applicant, journey.Policy, CaseJourney.Now);

        Assert.Equal(CaseStatus.Withdrawn, journey.Case.Status);
        Assert.Equal("申请方撤回申请：已自行整改", journey.Case.ClosingReason);
        Assert.Equal(CaseStatus.Reported.Chinese(), Assert.Single(journey.Case.PendingEvents).Changes["withdrawnAt"]);
    }

    [Fact]
    public void Supplement_due_date_must_be_after_today()
    {
        var journey = CaseJourney.At(CaseStatus.Verifying);

        var ex = Assert.Throws<DomainException>(() => journey.Case.RequestSupplement(new ComputedDate(CaseJourney.AppliedOn), "补充材料",
            journey.Investigator, journey.Policy, CaseJourney.Now, CaseJourney.AppliedOn));

        Assert.Contains("dueOn", ex.Errors!.Keys);
        Assert.Equal(CaseStatus.Verifying, journey.Case.Status);
    }

    [Fact]
    public void Supplement_request_sets_the_due_date_and_the_supplement_clears_it()
    {
        var journey = CaseJourney.At(CaseStatus.Verifying);
        var due = CaseJourney.AppliedOn.AddDays(5);

        journey.Case.RequestSupplement(new ComputedDate(due), "补充材料", journey.Investigator, journey.Policy, CaseJourney.Now, CaseJourney.AppliedOn);
        Assert.Equal(due, journey.Case.SupplementDueOn);
        Assert.Equal(TimeLimit.SupplementDue, CaseWorkflow.Find(CaseStatus.Verifying, CaseAction.RequestSupplement)!.Starts);

        journey.Case.SubmitSupplement("已补充", journey.Applicant, journey.Policy, CaseJourney.Now);
        Assert.Null(journey.Case.SupplementDueOn);
        Assert.Equal(CaseStatus.Verifying, journey.Case.Status);
    }

    [Fact]
    public void Version_increments_by_one_on_every_change()
    {
        var journey = CaseJourney.Registered();
        var c = journey.Case;
        var p = journey.Policy;
        var now = CaseJourney.Now;
        var versions = new List<int> { c.Version };
        void Then(Action change)
        {
            change();
            versions.Add(c.Version);
        }

        Then(() => c.Record(CaseAction.UploadEvidence, journey.Applicant, p, now, CaseJourney.NoChanges));
        Then(() => c.Apply(CaseJourney.ValidApplication(), journey.Applicant, p, now, CaseJourney.AppliedOn, journey.UnitNames, null));
        Then(() => c.StartVerification(journey.Investigator, p, now));
        foreach (var item in journey.RequiredFindings)
        {
            Then(() => c.RecordFinding(item.Code, Verdict.Met, "符合", journey.Investigator, p, now));
        }
        Then(() => c.RequestSupplement(new ComputedDate(CaseJourney.AppliedOn.AddDays(3)), "材料", journey.Investigator, p, now, CaseJourney.AppliedOn));
        Then(() => c.SubmitSupplement("已补充", journey.Applicant, p, now));
        Then(() => c.SubmitReport("报告", Outcome.Exempted, journey.VerifiedAdvice(), journey.Investigator, p, now));
        Then(() => c.Schedule(Guid.NewGuid(), "党组会", CaseJourney.AppliedOn, journey.Office, p, now));
        Then(() => c.Record(CaseAction.Vote, journey.Member, p, now, CaseJourney.NoChanges));
        Then(() => c.Decide(new DecisionInput(Outcome.Exempted, "理由", null), journey.VerifiedAdvice(), journey.Office, p, now, CaseJourney.AppliedOn, "第一次党组会议"));
        Then(() => c.IssueFeedback(journey.Office, p, now, CaseJourney.NoChanges));
        Then(() => c.RecordDelivery(journey.Office, p, now, CaseJourney.NoChanges));
        Then(() => c.Acknowledge(journey.Applicant, p, now, CaseJourney.NoChanges));
        Then(() => c.Publish(journey.Office, p, now, CaseJourney.NoChanges));
        Then(() => c.Archive("BA-1", journey.Archivist, p, now, CaseJourney.NoChanges));

        Assert.Equal(Enumerable.Range(1, versions.Count), versions);
        Assert.Equal(versions.Count, c.PendingEvents.Count);
    }

    [Fact]
    public void Refused_step_leaves_the_version_unchanged()
    {
        var journey = CaseJourney.At(CaseStatus.Submitted);
        var version = journey.Case.Version;

        Assert.Throws<DomainException>(() => journey.Case.Schedule(Guid.NewGuid(), "会", CaseJourney.AppliedOn, journey.Office, journey.Policy, CaseJourney.Now));

        Assert.Equal(version, journey.Case.Version);
    }

    [Fact]
    public void Record_refuses_an_action_that_moves_the_case()
    {
        var journey = CaseJourney.At(CaseStatus.Submitted);

        Assert.Throws<InvalidOperationException>(() =>
            journey.Case.Record(CaseAction.StartVerification, journey.Investigator, journey.Policy, CaseJourney.Now, CaseJourney.NoChanges));
        Assert.Equal(CaseStatus.Submitted, journey.Case.Status);
    }
}
