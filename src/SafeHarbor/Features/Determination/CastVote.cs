using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Determination;

/// <summary>A member votes in person: one vote per member per matter, corrected only with a reason until the decision.</summary>
public static class CastVote
{
    /// <param name="CorrectionReason">Needed to correct a vote already cast (until the decision is recorded); audited with the vote it replaces.</param>
    public sealed record VoteRequest(VoteChoice Choice, string? CorrectionReason = null);

    public static Task<CaseSnapshot> HandleAsync(Guid meetingId, Guid caseId, VoteRequest r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.OnCaseAsync(actor, caseId, null, CaseAction.Vote, async (ctx, c, policy) =>
        {
            var meeting = await MeetingRules.LoadOpenMeetingAsync(ctx, meetingId, ct);
            MeetingRules.RequireOnAgenda(meeting, c);
            var member = meeting.Members.FirstOrDefault(m => m.PersonId == actor.PersonId)
                ?? throw DomainException.Forbidden("not-a-member", "您不是本次会议的应到会成员，不能表决。");
            MeetingRules.EnsureVoting(meeting, policy, ctx.Today, "表决");
            if (!member.Present)
            {
                throw DomainException.Forbidden("not-present", "您未出席本次会议，不能表决。");
            }
            if (meeting.Recusals.Any(x => x.CaseId == c.Id && x.PersonId == member.PersonId))
            {
                throw DomainException.Forbidden("recused", "您已对本事项回避，不能表决（第六条）。");
            }
            MeetingRules.EnsureChoice(policy, r.Choice);
            var existing = meeting.Votes.FirstOrDefault(x => x.CaseId == c.Id && x.PersonId == member.PersonId);
            if (existing is not null && policy.Decision.OneVotePerMatter && string.IsNullOrWhiteSpace(r.CorrectionReason))
            {
                throw DomainException.Conflict("already-voted",
                    $"您已对本事项表决（{existing.Choice.Chinese()}），每名成员对每个事项只有一票。如需更正，请说明更正理由，原表决和理由记入审计。");
            }
            new Validation().MaxLength(r.CorrectionReason, "correctionReason", "更正理由", 500).ThrowIfInvalid();
            MeetingRules.RecordVote(meeting, c, member, r.Choice, "本人表决", r.CorrectionReason?.Trim(), actor, CaseAction.Vote, policy, ctx.Now);
        }, ct);
}
