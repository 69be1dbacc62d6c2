using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Prevention;

/// <summary>Edits a threshold (执法稽查科).</summary>
public static class UpdateThreshold
{
    public static Task<Thresholds.View> HandleAsync(Guid id, SetThreshold.Request r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            Thresholds.RequirePolicyOwner(actor);
            var t = await Thresholds.FindAsync(ctx.Db, id, ct);
            var (dimension, value) = await Thresholds.ValidateAsync(r, ctx.Db, ct);
            await Thresholds.RefuseDuplicateAsync(ctx.Db, id, dimension, value, r.Count!.Value, r.Months!.Value, ct);
            var before = PreventionAnalysis.Describe(t.Dimension, t.Value, t.Count, t.Months);
            t.Dimension = dimension;
            t.Value = value;
            t.Count = r.Count!.Value;
            t.Months = r.Months!.Value;
            t.SetBy = actor.UserId;
            t.SetOn = ctx.Today;
            ctx.Audit("EditPreventionThreshold", nameof(PreventionThreshold), t.Id.ToString(), null, Role.PolicyOwner.Chinese(),
                new { before, after = PreventionAnalysis.Describe(dimension, value, t.Count, t.Months) });
            return (await Thresholds.ViewsAsync(ctx.Db, [t], ct))[0];
        }, ct);
}
