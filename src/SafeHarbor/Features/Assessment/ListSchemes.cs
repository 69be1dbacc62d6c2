using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Assessment;

/// <summary>Every assessment scheme, active ones first (personnel section only).</summary>
public static class ListSchemes
{
    public static async Task<IReadOnlyList<Schemes.SchemeView>> HandleAsync(Actor actor, SafeHarborDb db, PolicyCatalog policies, CancellationToken ct)
    {
        AssessmentAccess.RequirePersonnel(actor);
        var schemes = await db.Set<AssessmentScheme>().AsNoTracking().ToListAsync(ct);
        var counts = await Schemes.UseCountsAsync(db, ct);
        return schemes.OrderByDescending(s => s.Active).ThenBy(s => s.Name, StringComparer.Ordinal)
            .Select(s => Schemes.View(s, policies, counts.GetValueOrDefault(s.Id))).ToList();
    }
}
