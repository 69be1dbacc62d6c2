using Microsoft.EntityFrameworkCore;
using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Features.Determination;
using SafeHarbor.Features.Verification;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Inbox;

/// <summary>
/// What waits for a user (待办), what they have done (已办) and their own applications (我的申请).
/// A case waits for a user when the workflow table offers them a step on it now.
/// </summary>
public static class InboxQuery
{
    public sealed record Item(
        Guid CaseId, string Number, string Title, CaseStatus Status, string StatusName,
        IReadOnlyList<CaseAction> Actions, DeadlineStatus? Deadline, string? DeadlineLabel, Guid? MeetingId, DateTimeOffset? LastActionAt, string? LastAction);

    public sealed record View(IReadOnlyList<Item> Todo, IReadOnlyList<Item> Done, IReadOnlyList<Item> Mine);

    /// <summary>Steps that are part of doing another step, not work of their own.</summary>
    private static readonly HashSet<CaseAction> Incidental =
    [
        CaseAction.UploadEvidence, CaseAction.ClassifyError, CaseAction.RecordFinding, CaseAction.RequestGuidance, CaseAction.RequestSupplement,
        CaseAction.RecordRecusal, CaseAction.RecordShowOfHands, CaseAction.Postpone, CaseAction.Withdraw, CaseAction.ReopenVerification,
    ];

    public static async Task<View> ForAsync(Actor actor, SafeHarborDb db, PolicyCatalog policies, WorkingDayCalendar calendar, DateOnly today, CancellationToken ct)
    {
        var cases = await db.Cases.AsNoTracking().Where(CaseAccess.VisibleTo(actor)).OrderByDescending(c => c.Number).ToListAsync(ct);
        var openCaseIds = cases.Where(c => c.Status != CaseStatus.Archived).Select(c => c.Id).ToList();
        var openGuidance = (await db.Set<GuidanceRequest>().AsNoTracking()
            .Where(g => g.Reply == null && openCaseIds.Contains(g.CaseId)).Select(g => g.CaseId).ToListAsync(ct)).ToHashSet();
        var meetings = await db.Set<Meeting>().AsNoTracking().Where(m => m.Status == MeetingStatus.Open).ToListAsync(ct);

        var todo = new List<Item>();
        foreach (var c in cases.Where(c => c.Status != CaseStatus.Archived))
        {
            var policy = policies.Get(c.PolicyId);
            var actions = c.ActionsAllowedFor(actor, policy).Where(a => !Incidental.Contains(a)).ToList();
            if (actions.Contains(CaseAction.ReplyGuidance) && !openGuidance.Contains(c.Id))
            {
                actions.Remove(CaseAction.ReplyGuidance);
            }
            if (actions.Contains(CaseAction.Vote) && !WaitsForVote(c, actor, meetings))
            {
                actions.Remove(CaseAction.Vote);
            }
            if (actions.Count > 0)
            {
                todo.Add(ToItem(c, actions, today, calendar, null));
            }
        }

        var mine = cases.Where(c => c.IsSubject(actor) || c.IsApplicant(actor)).Select(c => ToItem(c, [], today, calendar, null)).ToList();

        var myEntries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.ActorUserId == actor.UserId && e.CaseId != null)
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.CaseId, e.Action, e.Details, e.OccurredAt })
            .Take(500)
            .ToListAsync(ct);
        var byId = cases.ToDictionary(c => c.Id);
        var done = myEntries
            .GroupBy(e => e.CaseId!.Value)
            .Where(g => byId.ContainsKey(g.Key))
            .Select(g =>
            {
                var last = g.First();
                var label = Audit.AuditEntry.Describe(last.Action, last.Details);
                return ToItem(byId[g.Key], [], today, calendar, null) with { LastActionAt = last.OccurredAt, LastAction = label, Deadline = null, DeadlineLabel = null };
            })
            .Take(50)
            .ToList();

        return new View(
            todo.OrderBy(i => i.Deadline?.IsOverdue == true ? 0 : 1).ThenBy(i => i.Deadline?.Deadline ?? DateOnly.MaxValue).ThenByDescending(i => i.Number).ToList(),
            done,
            mine);
    }

    private static bool WaitsForVote(Case c, Actor actor, IReadOnlyList<Meeting> meetings)
    {
        var meeting = meetings.FirstOrDefault(m => m.Id == c.MeetingId);
        var member = meeting?.Members.FirstOrDefault(m => m.PersonId == actor.PersonId);
        return meeting is not null && member is { Present: true }
            && !meeting.Votes.Any(v => v.CaseId == c.Id && v.PersonId == member.PersonId)
            && !meeting.Recusals.Any(r => r.CaseId == c.Id && r.PersonId == member.PersonId);
    }

    private static Item ToItem(Case c, IReadOnlyList<CaseAction> actions, DateOnly today, WorkingDayCalendar calendar, DateTimeOffset? at)
    {
        var (deadline, label) = c.Status switch
        {
            CaseStatus.Registered => (Deadlines.TryStatus(c.ApplicationDue, today, calendar), "申请期限"),
            CaseStatus.AwaitingSupplement when c.SupplementDue is { } due => (Deadlines.TryStatus(due, today, calendar), "补充材料期限"),
            _ => ((DeadlineStatus?)null, (string?)null),
        };
        return new Item(c.Id, c.Number, c.Title, c.Status, c.Status.Chinese(), actions, deadline, label, c.MeetingId, at, null);
    }
}
