using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Prevention;

/// <summary>One risk point.</summary>
public static class GetRiskPoint
{
    public static async Task<RiskPoints.View> HandleAsync(Guid id, Actor actor, SafeHarborDb db, CancellationToken ct)
    {
        if (!PreventionAccess.MayViewAnalysis(actor))
        {
            throw PreventionAccess.NotAllowedToView();
        }
        var r = await db.Set<RiskPoint>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw DomainException.NotFound("risk-point-not-found", "找不到该风险点。");
        return (await RiskPoints.ViewsAsync(db, [r], ct))[0];
    }
}
