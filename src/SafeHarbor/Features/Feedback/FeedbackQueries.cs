using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Feedback;

public static class FeedbackQueries
{
    /// <summary>The written feedback of a case, when the actor may see it.</summary>
    public static async Task<FeedbackNotice?> NoticeAsync(SafeHarborDb db, Case c, Actor actor, CancellationToken ct) =>
        actor.Shows(c, CaseSection.Feedback) ? await db.Set<FeedbackNotice>().AsNoTracking().SingleOrDefaultAsync(f => f.CaseId == c.Id, ct) : null;
}
