using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Determination;

/// <summary>Puts a reported case on a meeting's agenda; the members who must stand aside from it (Art. 6) are recused at once.</summary>
public static class ScheduleCase
{
    public sealed record ScheduleRequest(Guid CaseId);

    public static Task<CaseSnapshot> HandleAsync(Guid meetingId, Guid caseId, int? version, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.OnCaseAsync(actor, caseId, version, CaseAction.Schedule, async (ctx, c, policy) =>
        {
            var meeting = await MeetingRules.LoadOpenMeetingAsync(ctx, meetingId, ct);
            c.Schedule(meeting.Id, meeting.Title, meeting.HeldOn, actor, policy, ctx.Now);
            meeting.Agenda.Add(new AgendaItem { CaseId = c.Id, Order = meeting.Agenda.Select(a => a.Order).DefaultIfEmpty().Max() + 1 });
            // Art. 6: a member who is a subject of the matter or its applicant stands aside from it; so does a member who
            // stood aside from it at an earlier meeting (the case was postponed and comes back): a recusal follows the case.
            var earlier = await ctx.Db.Set<Meeting>().AsNoTracking()
                .Where(m => m.Id != meeting.Id && m.Recusals.Any(x => x.CaseId == c.Id)).ToListAsync(ct);
            foreach (var m in meeting.Members)
            {
                if (meeting.Recusals.Any(x => x.CaseId == c.Id && x.PersonId == m.PersonId))
                {
                    continue;
                }
                if (c.SubjectPersonIds.Contains(m.PersonId) || c.Application?.ApplicantPersonId == m.PersonId)
                {
                    meeting.Recusals.Add(new Recusal { CaseId = c.Id, PersonId = m.PersonId, Reason = "系本事项问责对象或申请人，依照第六条回避" });
                }
                else if (earlier.SelectMany(e => e.Recusals.Where(x => x.CaseId == c.Id && x.PersonId == m.PersonId).Select(x => (e.Title, x.Reason))).FirstOrDefault() is { Reason: not null } carried)
                {
                    meeting.Recusals.Add(new Recusal { CaseId = c.Id, PersonId = m.PersonId, Reason = $"{carried.Reason}（{carried.Title}登记，继续回避）" });
                    c.Record(CaseAction.RecordRecusal, actor, policy, ctx.Now, new Dictionary<string, object?>
                    {
                        ["member"] = m.Name, ["reason"] = carried.Reason, ["carriedFrom"] = carried.Title,
                    });
                }
            }
        }, ct);
}
