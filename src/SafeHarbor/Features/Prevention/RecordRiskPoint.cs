using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Prevention;

/// <summary>Records a risk point (局党组成员、局办公室).</summary>
public static class RecordRiskPoint
{
    public sealed record Request(
        string? Title, string? Description, string? BusinessField, string? ErrorKind, IReadOnlyList<Guid>? UnitIds, string? Measures, DateOnly? IdentifiedOn);

    public static Task<RiskPoints.View> HandleAsync(Request request, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            var policy = ctx.Policies.InForceOrLatest(ctx.Today);
            if (!PreventionAccess.MayRecord(actor, policy))
            {
                throw PreventionAccess.NotAllowedToRecord(policy);
            }
            var units = await RiskPoints.ValidateAsync(request, ctx, ct);
            var r = new RiskPoint
            {
                Id = Guid.NewGuid(),
                Title = request.Title!.Trim(),
                Description = request.Description!.Trim(),
                BusinessField = request.BusinessField!.Trim(),
                ErrorKind = string.IsNullOrWhiteSpace(request.ErrorKind) ? null : request.ErrorKind.Trim(),
                Measures = request.Measures!.Trim(),
                IdentifiedOn = request.IdentifiedOn ?? ctx.Today,
                RecordedBy = actor.UserId,
                Units = units.Select(u => new RiskPointUnit { UnitId = u.Id, UnitName = u.Name }).ToList(),
            };
            ctx.Db.Add(r);
            ctx.Audit("RecordRiskPoint", nameof(RiskPoint), r.Id.ToString(), null, PreventionAccess.ActingAs(actor, policy),
                new { r.Title, r.BusinessField, r.ErrorKind, units = units.Select(u => u.Name), r.Measures });
            return (await RiskPoints.ViewsAsync(ctx.Db, [r], ct))[0];
        }, ct);
}
