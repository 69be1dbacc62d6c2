using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Assessment;

/// <summary>Edits a scheme. Once people are assessed under it, its indicators (codes and maximum scores) stay as they were.</summary>
public static class UpdateScheme
{
    public static Task<Schemes.SchemeView> HandleAsync(Guid id, string? expectedETag, CreateScheme.Request r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            AssessmentAccess.RequirePersonnel(actor);
            var scheme = await Schemes.LoadAsync(ctx.Db, id, ct);
            var used = await ctx.Db.Set<PersonAssessment>().CountAsync(a => a.SchemeId == id, ct);
            Schemes.RequireETag(scheme, ctx.Policies, used, expectedETag);
            Schemes.Validate(r, ctx.Policies).ThrowIfInvalid();
            await Schemes.RequireUniqueNameAsync(ctx.Db, r.Name!.Trim(), id, ct);
            if (used > 0 && !Schemes.SameIndicatorSet(scheme, r))
            {
                throw DomainException.Conflict("scheme-in-use",
                    $"已有 {used} 人次按方案“{scheme.Name}”考核，其指标代码和满分不能再修改（名称、说明、适用范围、分数线、优秀比例仍可修改）。如需新的指标，请停用本方案并新建方案。");
            }
            var before = Schemes.Describe(scheme);
            scheme.Name = r.Name!.Trim();
            Schemes.Apply(scheme, r);
            ctx.Audit("UpdateAssessmentScheme", nameof(AssessmentScheme), scheme.Name, null, AssessmentAccess.ActingAs, new { before, after = Schemes.Describe(scheme) });
            return Schemes.View(scheme, ctx.Policies, used);
        }, ct);
}
