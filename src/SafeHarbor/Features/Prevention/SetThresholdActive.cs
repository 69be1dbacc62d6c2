using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Prevention;

/// <summary>Deactivates (or reactivates) a threshold: it stays on record, and flags nothing while inactive.</summary>
public static class SetThresholdActive
{
    public static Task<Thresholds.View> HandleAsync(Guid id, bool active, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            Thresholds.RequirePolicyOwner(actor);
            var t = await Thresholds.FindAsync(ctx.Db, id, ct);
            if (t.Active == active)
            {
                throw DomainException.Conflict(active ? "threshold-active" : "threshold-inactive", active ? "该阈值已在使用中。" : "该阈值已停用。");
            }
            if (active)
            {
                await Thresholds.RefuseDuplicateAsync(ctx.Db, id, t.Dimension, t.Value, t.Count, t.Months, ct);
            }
            t.Active = active;
            t.SetBy = actor.UserId;
            t.SetOn = ctx.Today;
            ctx.Audit(active ? "ActivatePreventionThreshold" : "DeactivatePreventionThreshold", nameof(PreventionThreshold), t.Id.ToString(), null,
                Role.PolicyOwner.Chinese(), new { rule = PreventionAnalysis.Describe(t.Dimension, t.Value, t.Count, t.Months) });
            return (await Thresholds.ViewsAsync(ctx.Db, [t], ct))[0];
        }, ct);
}
