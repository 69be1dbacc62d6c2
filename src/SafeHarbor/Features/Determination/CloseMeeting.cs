using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Determination;

/// <summary>Closes a meeting once no case on its agenda is left undecided.</summary>
public static class CloseMeeting
{
    public static Task<bool> HandleAsync(Guid meetingId, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            var policy = ctx.Policies.InForceOn(ctx.Today);
            MeetingRules.RequireSecretariat(actor, policy);
            var meeting = await MeetingRules.LoadOpenMeetingAsync(ctx, meetingId, ct);
            var caseIds = meeting.Agenda.Select(a => a.CaseId).ToList();
            var pending = await ctx.Db.Cases.AsNoTracking()
                .Where(c => caseIds.Contains(c.Id) && c.Status == CaseStatus.Scheduled && c.MeetingId == meeting.Id)
                .Select(c => c.Number).ToListAsync(ct);
            meeting.Close(pending);
            ctx.Audit("CloseMeeting", nameof(Meeting), meeting.Id.ToString(), null, policy.BodyFor(Duty.Secretariat), new { meeting.Title });
            return true;
        }, ct);
}
