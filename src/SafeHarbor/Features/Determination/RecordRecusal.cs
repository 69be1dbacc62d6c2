using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Determination;

/// <summary>Records that a member stands aside from one matter (Art. 6), before they have voted on it.</summary>
public static class RecordRecusal
{
    public sealed record RecusalRequest(Guid PersonId, string? Reason);

    public static Task<CaseSnapshot> HandleAsync(Guid meetingId, Guid caseId, int? version, RecusalRequest r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.OnCaseAsync(actor, caseId, version, CaseAction.RecordRecusal, async (ctx, c, policy) =>
        {
            var meeting = await MeetingRules.LoadOpenMeetingAsync(ctx, meetingId, ct);
            MeetingRules.RequireOnAgenda(meeting, c);
            var member = meeting.Members.FirstOrDefault(m => m.PersonId == r.PersonId);
            new Validation()
                .Require(member is not null, "personId", "回避人员不是本次会议的应到会成员。")
                .RequireText(r.Reason, "reason", "回避理由", 500)
                .Require(!meeting.Recusals.Any(x => x.CaseId == c.Id && x.PersonId == r.PersonId), "personId", "该成员已登记回避。")
                .Require(!meeting.Votes.Any(x => x.CaseId == c.Id && x.PersonId == r.PersonId), "personId", "该成员已对本事项表决，不能再登记回避。")
                .ThrowIfInvalid();
            c.Record(CaseAction.RecordRecusal, actor, policy, ctx.Now, new Dictionary<string, object?> { ["member"] = member!.Name, ["reason"] = r.Reason!.Trim() });
            meeting.Recusals.Add(new Recusal { CaseId = c.Id, PersonId = r.PersonId, Reason = r.Reason.Trim() });
        }, ct);
}
