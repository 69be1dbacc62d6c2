using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Determination;

/// <summary>暂缓研究: the case leaves the agenda; its votes go, its recusals stay on record and follow it.</summary>
public static class PostponeCase
{
    public sealed record PostponeRequest(string? Reason);

    public static Task<CaseSnapshot> HandleAsync(Guid meetingId, Guid caseId, int? version, PostponeRequest r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.OnCaseAsync(actor, caseId, version, CaseAction.Postpone, async (ctx, c, policy) =>
        {
            var meeting = await MeetingRules.LoadOpenMeetingAsync(ctx, meetingId, ct);
            MeetingRules.RequireOnAgenda(meeting, c);
            c.Postpone(r.Reason, actor, policy, ctx.Now);
            // Off the agenda: if it comes back, it is voted afresh; the recusals stay on record and follow the case.
            meeting.Votes.RemoveAll(x => x.CaseId == c.Id);
            meeting.Agenda.RemoveAll(x => x.CaseId == c.Id);
        }, ct);
}
