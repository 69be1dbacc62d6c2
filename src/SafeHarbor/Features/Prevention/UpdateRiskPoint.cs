using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Prevention;

/// <summary>Edits a risk point (局党组成员、局办公室).</summary>
public static class UpdateRiskPoint
{
    public static Task<RiskPoints.View> HandleAsync(Guid id, RecordRiskPoint.Request request, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            var policy = ctx.Policies.InForceOrLatest(ctx.Today);
            if (!PreventionAccess.MayRecord(actor, policy))
            {
                throw PreventionAccess.NotAllowedToRecord(policy);
            }
            var r = await ctx.Db.Set<RiskPoint>().SingleOrDefaultAsync(x => x.Id == id, ct)
                ?? throw DomainException.NotFound("risk-point-not-found", "找不到该风险点。");
            var units = await RiskPoints.ValidateAsync(request, ctx, ct);
            r.Title = request.Title!.Trim();
            r.Description = request.Description!.Trim();
            r.BusinessField = request.BusinessField!.Trim();
            r.ErrorKind = string.IsNullOrWhiteSpace(request.ErrorKind) ? null : request.ErrorKind.Trim();
            r.Measures = request.Measures!.Trim();
            r.IdentifiedOn = request.IdentifiedOn ?? r.IdentifiedOn;
            // Owned rows keyed by unit: keep the ones that stay, so none is tracked twice.
            r.Units.RemoveAll(u => units.All(x => x.Id != u.UnitId));
            foreach (var u in units.Where(u => r.Units.All(x => x.UnitId != u.Id)))
            {
                r.Units.Add(new RiskPointUnit { UnitId = u.Id, UnitName = u.Name });
            }
            ctx.Audit("EditRiskPoint", nameof(RiskPoint), r.Id.ToString(), null, PreventionAccess.ActingAs(actor, policy),
                new { r.Title, r.BusinessField, r.ErrorKind, units = units.Select(u => u.Name), r.Measures });
            return (await RiskPoints.ViewsAsync(ctx.Db, [r], ct))[0];
        }, ct);
}
