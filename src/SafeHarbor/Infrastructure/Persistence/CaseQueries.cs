using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;

namespace SafeHarbor.Infrastructure.Persistence;

public static class CaseQueries
{
    /// <summary>A case as the actor may read it (untracked); one the actor may not see is "not found", never "forbidden", so its existence is not told.</summary>
    public static async Task<Case> LoadVisibleCaseAsync(this SafeHarborDb db, Guid caseId, Actor actor, CancellationToken ct) =>
        await db.Cases.AsNoTracking().Where(CaseAccess.VisibleTo(actor)).SingleOrDefaultAsync(c => c.Id == caseId, ct)
        ?? throw DomainException.NotFound("case-not-found", "找不到该案件，或您无权查看。");
}
