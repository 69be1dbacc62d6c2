using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Assessment;

/// <summary>Deactivates or reactivates a scheme. An inactive scheme applies to nobody new; assessments already made under it keep it.</summary>
public static class SetSchemeActive
{
    public static Task<Schemes.SchemeView> HandleAsync(Guid id, bool active, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            AssessmentAccess.RequirePersonnel(actor);
            var scheme = await Schemes.LoadAsync(ctx.Db, id, ct);
            if (scheme.Active == active)
            {
                throw DomainException.Conflict(active ? "scheme-active" : "scheme-inactive", $"方案“{scheme.Name}”已经{(active ? "启用" : "停用")}。");
            }
            scheme.Active = active;
            ctx.Audit(active ? "ActivateAssessmentScheme" : "DeactivateAssessmentScheme", nameof(AssessmentScheme), scheme.Name, null, AssessmentAccess.ActingAs,
                new { scheme.Name, active });
            var used = await ctx.Db.Set<PersonAssessment>().CountAsync(a => a.SchemeId == id, ct);
            return Schemes.View(scheme, ctx.Policies, used);
        }, ct);
}
