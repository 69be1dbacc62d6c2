using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Prevention;

/// <summary>Sets a new threshold (执法稽查科): months and count per dimension and value, no duplicate.</summary>
public static class SetThreshold
{
    public sealed record Request(PreventionDimension? Dimension, string? Value, int? Count, int? Months);

    public static Task<Thresholds.View> HandleAsync(Request r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            Thresholds.RequirePolicyOwner(actor);
            var (dimension, value) = await Thresholds.ValidateAsync(r, ctx.Db, ct);
            await Thresholds.RefuseDuplicateAsync(ctx.Db, null, dimension, value, r.Count!.Value, r.Months!.Value, ct);
            var t = new PreventionThreshold
            {
                Id = Guid.NewGuid(),
                Dimension = dimension,
                Value = value,
                Count = r.Count!.Value,
                Months = r.Months!.Value,
                Active = true,
                SetBy = actor.UserId,
                SetOn = ctx.Today,
            };
            ctx.Db.Add(t);
            ctx.Audit("SetPreventionThreshold", nameof(PreventionThreshold), t.Id.ToString(), null, Role.PolicyOwner.Chinese(),
                new { dimension = dimension.Chinese(), value, t.Count, t.Months, rule = PreventionAnalysis.Describe(dimension, value, t.Count, t.Months) });
            return (await Thresholds.ViewsAsync(ctx.Db, [t], ct))[0];
        }, ct);
}
