using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.ProvisionalDeadlines;

/// <summary>The signed-in person's deadline notices not yet dismissed, newest first.</summary>
public static class ListMyDeadlineNotices
{
    public static async Task<IReadOnlyList<DeadlineNotices.NoticeView>> HandleAsync(Actor actor, SafeHarborDb db, CancellationToken ct) =>
        actor.PersonId is not { } me
            ? []
            : (await db.Set<DeadlineNotice>().AsNoTracking()
                .Where(n => n.PersonId == me && n.DismissedAt == null)
                .ToListAsync(ct))
                .OrderByDescending(n => n.CreatedAt)
                .Select(n => new DeadlineNotices.NoticeView(n.Id, n.CaseId, n.Text, n.Link, n.CreatedAt))
                .ToList();
}
