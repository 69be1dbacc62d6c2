using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.CaseFiles;

/// <summary>
/// The case file (案卷): the read side that brings every stage of one case together, the case
/// list, the timeline and the eligibility advice. It reads every stage; no stage reads it.
/// </summary>
public static class CaseFilesApi
{
    public static IEndpointRouteBuilder MapCaseFiles(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases").WithTags("案卷").RequireAuthorization();
        group.MapGet("/", async ([AsParameters] ListCases.ListQuery q, Actor actor, SafeHarborDb db, WorkingDayCalendar calendar, TimeProvider time, CancellationToken ct) =>
            await ListCases.HandleAsync(q, actor, db, calendar, ChinaClock.Today(time), ct))
            .WithSummary("案件列表（按本人可见范围；可按状态、业务领域、单位、年度、结果、申请人筛选，分页、排序）");
        group.MapGet("/{caseId:guid}", async (Guid caseId, HttpContext http, Actor actor, SafeHarborDb db, PolicyCatalog policies, WorkingDayCalendar calendar, TimeProvider time, CancellationToken ct) =>
        {
            var detail = await GetCase.HandleAsync(caseId, actor, db, policies, calendar, ChinaClock.Today(time), ct);
            http.Response.Headers.ETag = $"\"{detail.Version}\"";
            return Results.Ok(detail);
        }).WithSummary("案件全部内容、可办理的操作").Produces<CaseDetail>();
        group.MapGet("/{caseId:guid}/timeline", async (Guid caseId, Actor actor, SafeHarborDb db, CancellationToken ct) =>
            await GetTimeline.HandleAsync(caseId, actor, db, ct)).WithSummary("办理过程（谁、以何身份、何时、做了什么）");
        group.MapGet("/{caseId:guid}/advice", async (Guid caseId, AdviceStage? stage, Actor actor, SafeHarborDb db, PolicyCatalog policies, CancellationToken ct) =>
            await GetAdvice.HandleAsync(caseId, stage, actor, db, policies, ct))
            .WithSummary("容错免责条件逐项分析建议（stage=Claimed 按申请主张，Verified 按核实结果）");
        return app;
    }
}
