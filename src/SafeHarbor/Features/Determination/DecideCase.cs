using SafeHarbor.Cases;
using SafeHarbor.Features.Eligibility;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Determination;

/// <summary>Records the meeting's decision on a case: only with the quorum present and more than half of the members in favour.</summary>
public static class DecideCase
{
    public sealed record DecisionRequest(Outcome Outcome, string? Reasons, string? Mitigation, string? DepartureReason = null);

    public static Task<CaseSnapshot> HandleAsync(Guid meetingId, Guid caseId, int? version, DecisionRequest r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.OnCaseAsync(actor, caseId, version, CaseAction.Decide, async (ctx, c, policy) =>
        {
            var meeting = await MeetingRules.LoadOpenMeetingAsync(ctx, meetingId, ct);
            MeetingRules.RequireOnAgenda(meeting, c);
            StepDates.EnsureMeetingHeld(meeting.HeldOn, ctx.Today, "形成认定意见");
            var quorum = DecisionTally.Quorum(policy.Decision, meeting.Entitled, meeting.Present);
            if (!meeting.AttendanceRecorded || !quorum.Reached)
            {
                throw DomainException.Conflict("no-quorum", meeting.AttendanceRecorded ? quorum.Message : "尚未登记出席情况，不能形成决定。");
            }
            if (!Enum.IsDefined(r.Outcome) || !policy.AllowsOutcome(r.Outcome))
            {
                throw DomainException.Invalid("invalid-outcome", "认定结果不在本办法规定的结果之内。");
            }
            var votesFor = meeting.Votes.Count(x => x.CaseId == c.Id && x.Choice == r.Outcome.ToVote());
            var passing = DecisionTally.Passing(policy.Decision, r.Outcome, policy.OutcomeName(r.Outcome), votesFor, meeting.Entitled, meeting.Present);
            if (!passing.Passed)
            {
                throw DomainException.Conflict("no-majority", passing.Message);
            }
            var advice = await CaseAdvice.ForAsync(ctx.Db, c, policy, AdviceStage.Verified, ct);
            c.Decide(new DecisionInput(r.Outcome, r.Reasons, r.Mitigation, r.DepartureReason), advice, actor, policy, ctx.Now, meeting.HeldOn, meeting.Title);
        }, ct);
}
