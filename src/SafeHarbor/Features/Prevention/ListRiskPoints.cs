using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Prevention;

/// <summary>Those who see the analysis see the register (it names no case of its own).</summary>
public static class ListRiskPoints
{
    public static async Task<IReadOnlyList<RiskPoints.View>> HandleAsync(Actor actor, SafeHarborDb db, CancellationToken ct)
    {
        if (!PreventionAccess.MayViewAnalysis(actor))
        {
            throw PreventionAccess.NotAllowedToView();
        }
        var all = await db.Set<RiskPoint>().AsNoTracking().ToListAsync(ct);
        return await RiskPoints.ViewsAsync(db, all.OrderByDescending(r => r.IdentifiedOn).ThenBy(r => r.Title, StringComparer.Ordinal).ToList(), ct);
    }
}
