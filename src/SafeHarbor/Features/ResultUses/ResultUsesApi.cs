using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Organisation;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.ResultUses;

/// <summary>
/// Art. 11: a determination to exempt (or to mitigate) creates one record per subject and per use,
/// and other systems ask "is this person or unit covered for this matter and this purpose?".
/// </summary>
[Article("11(1)", "11(2)", "11(3)", "11(4)", "11(5)")]
public static class ResultUsesApi
{
    public static IServiceCollection AddResultUses(this IServiceCollection services) =>
        services.AddScoped<ICaseStepHandler, ResultRecordsOnDecision>();

    public static IEndpointRouteBuilder MapResultUses(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/result-uses").WithTags("结果运用（第十一条）").RequireAuthorization()
            .AddEndpointFilter(async (context, next) =>
                ResultUseAccess.MayQuery(context.HttpContext.RequestServices.GetRequiredService<Actor>())
                    ? await next(context)
                    : throw ResultUseAccess.Refused());
        group.MapGet("/coverage", (Guid? personId, Guid? unitId, Guid? caseId, string? use, SafeHarborDb db, PolicyCatalog policies, CancellationToken ct) =>
                GetCoverage.HandleAsync(personId, unitId, caseId, use, db, policies, ct))
            .WithSummary("某人（或单位）就某一事项、某一用途是否已获容错免责保护")
            .WithDescription("use 为办法 resultUses 的代码，例如 integrity-assessment（党风廉政建设责任制考核）、annual-target-assessment（年度综合目标考核）、cadre-review（干部调整、提拔、职称评定廉政审查）、annual-appraisal（年度考核、评先表优）、lighter-discipline（从轻或减轻处理）；不给 caseId 时查该人全部事项。");
        group.MapGet("/records", (Guid? personId, Guid? unitId, SafeHarborDb db, PolicyCatalog policies, CancellationToken ct) =>
                ListRecords.HandleAsync(personId, unitId, db, policies, ct))
            .WithSummary("结果运用记录");
        group.MapGet("/cadre-review/{personId:guid}", (Guid personId, SafeHarborDb db, PolicyCatalog policies, CancellationToken ct) =>
                GetCadreReview.HandleAsync(personId, db, policies, ct))
            .WithSummary("干部廉政审查：列出某人全部问责事项及其容错免责情况");
        return app;
    }

}
