using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Assessment;

/// <summary>One assessment scheme with its ETag (personnel section only).</summary>
public static class GetScheme
{
    public static async Task<Schemes.SchemeView> HandleAsync(Guid id, Actor actor, SafeHarborDb db, PolicyCatalog policies, CancellationToken ct)
    {
        AssessmentAccess.RequirePersonnel(actor);
        var scheme = await db.Set<AssessmentScheme>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct)
            ?? throw DomainException.NotFound("scheme-not-found", "考核方案不存在。");
        return Schemes.View(scheme, policies, await db.Set<PersonAssessment>().CountAsync(a => a.SchemeId == id, ct));
    }
}
