using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Determination;

/// <summary>
/// 举手表决: the secretary records, member by member, how each member present raised their hand. Members
/// not listed keep what they had; a member listed again is corrected (the earlier vote kept in the audit).
/// </summary>
public static class RecordShowOfHands
{
    public sealed record ShowOfHandsEntry(Guid PersonId, VoteChoice Choice);

    /// <summary>A 举手表决 as the secretary saw it: one entry per member present who raised a hand.</summary>
    public sealed record ShowOfHandsRequest(IReadOnlyList<ShowOfHandsEntry>? Votes);

    public static Task<CaseSnapshot> HandleAsync(Guid meetingId, Guid caseId, int? version, ShowOfHandsRequest r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.OnCaseAsync(actor, caseId, version, CaseAction.RecordShowOfHands, async (ctx, c, policy) =>
        {
            var meeting = await MeetingRules.LoadOpenMeetingAsync(ctx, meetingId, ct);
            MeetingRules.RequireOnAgenda(meeting, c);
            MeetingRules.EnsureVoting(meeting, policy, ctx.Today, "登记举手表决结果");
            var entries = r.Votes ?? [];
            var v = new Validation()
                .Require(entries.Count > 0, "votes", "请至少登记一名成员的表决意见。")
                .Require(entries.Select(e => e.PersonId).Distinct().Count() == entries.Count, "votes", "同一成员登记了两次。");
            foreach (var (e, i) in entries.Select((e, i) => (e, i)))
            {
                var member = meeting.Members.FirstOrDefault(m => m.PersonId == e.PersonId);
                v.Require(member is not null, $"votes[{i}].personId", "该人员不是本次会议的应到会成员。")
                    .Require(member is null || member.Present, $"votes[{i}].personId", $"{member?.Name}未出席本次会议，不能登记其表决。")
                    .Require(!meeting.Recusals.Any(x => x.CaseId == c.Id && x.PersonId == e.PersonId), $"votes[{i}].personId", $"{member?.Name}已对本事项回避，不能登记其表决（第六条）。")
                    .Require(MeetingRules.IsAllowedChoice(policy, e.Choice), $"votes[{i}].choice", MeetingRules.InvalidChoice);
            }
            v.ThrowIfInvalid();
            foreach (var e in entries)
            {
                if (meeting.Votes.Any(x => x.CaseId == c.Id && x.PersonId == e.PersonId && x.Choice == e.Choice))
                {
                    continue;
                }
                MeetingRules.RecordVote(meeting, c, meeting.Members.Single(m => m.PersonId == e.PersonId), e.Choice, "举手表决", "举手表决时更正",
                    actor, CaseAction.RecordShowOfHands, policy, ctx.Now);
            }
        }, ct);
}
