using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Prevention;

/// <summary>The analysis' thresholds, active ones first.</summary>
public static class ListThresholds
{
    public static async Task<IReadOnlyList<Thresholds.View>> HandleAsync(Actor actor, SafeHarborDb db, CancellationToken ct)
    {
        if (!PreventionAccess.MayViewAnalysis(actor))
        {
            throw PreventionAccess.NotAllowedToView();
        }
        var all = await db.Set<PreventionThreshold>().AsNoTracking().ToListAsync(ct);
        return await Thresholds.ViewsAsync(db, all.OrderByDescending(t => t.Active).ThenBy(t => t.Dimension).ThenBy(t => t.Value, StringComparer.Ordinal)
            .ThenBy(t => t.Months).ThenBy(t => t.Count).ToList(), ct);
    }
}
