using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Security;
using SafeHarbor.Infrastructure.Web;
using SafeHarbor.PolicyRules;
using SafeHarbor.Reminders;

namespace SafeHarbor.Features.Assessment;

/// <summary>
/// Art. 12 (考核): schemes, periods, scores, deductions, grades and the export, all for the personnel section (人事科);
/// a person reads their own results. Art. 11 protects exempted matters from deductions.
/// </summary>
[Article("12")]
public static class AssessmentApi
{
    public static IServiceCollection AddAssessment(this IServiceCollection services) =>
        services.AddScoped<IInboxContributor, AssessmentInbox>();

    public static IEndpointRouteBuilder MapAssessment(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/assessment").WithTags("考核（第十二条）").RequireAuthorization();

        group.MapGet("/schemes", async (Actor actor, SafeHarborDb db, PolicyCatalog policies, CancellationToken ct) =>
                await ListSchemes.HandleAsync(actor, db, policies, ct))
            .WithSummary("考核方案列表");
        group.MapPost("/schemes", async (CreateScheme.Request r, Actor actor, CommandRunner runner, HttpContext http, CancellationToken ct) =>
            {
                var view = await CreateScheme.HandleAsync(r, actor, runner, ct);
                http.Response.Headers.ETag = Quote(view.ETag);
                return Results.Created($"/api/assessment/schemes/{view.Id}", view);
            })
            .WithSummary("新建考核方案")
            .WithDescription("指标按单位类型和岗位区分：unitTypes 为适用的单位类型，postKeyword 为岗位关键词（岗位名称包含该词才适用，不填则适用全部岗位），leadersOnly 为仅限领导干部。多个方案同时适用时以更具体者（仅限领导干部、岗位关键词各计一次）为准，同样具体则拒绝考核。protectedByUses 为保护已免责事项不被扣分的结果运用代码，默认 integrity-assessment、annual-target-assessment、annual-appraisal。");
        group.MapGet("/schemes/{id:guid}", async (Guid id, Actor actor, SafeHarborDb db, PolicyCatalog policies, HttpContext http, CancellationToken ct) =>
            {
                var view = await GetScheme.HandleAsync(id, actor, db, policies, ct);
                http.Response.Headers.ETag = Quote(view.ETag);
                return view;
            })
            .WithSummary("考核方案详情");
        group.MapPut("/schemes/{id:guid}", async (Guid id, CreateScheme.Request r, Actor actor, CommandRunner runner, HttpContext http, CancellationToken ct) =>
            {
                var view = await UpdateScheme.HandleAsync(id, HttpVersioning.IfMatchTag(http.Request), r, actor, runner, ct);
                http.Response.Headers.ETag = Quote(view.ETag);
                return view;
            })
            .WithSummary("修改考核方案（If-Match 为读取时的 ETag）");
        group.MapPost("/schemes/{id:guid}/deactivate", async (Guid id, Actor actor, CommandRunner runner, CancellationToken ct) =>
                await SetSchemeActive.HandleAsync(id, false, actor, runner, ct))
            .WithSummary("停用考核方案");
        group.MapPost("/schemes/{id:guid}/activate", async (Guid id, Actor actor, CommandRunner runner, CancellationToken ct) =>
                await SetSchemeActive.HandleAsync(id, true, actor, runner, ct))
            .WithSummary("重新启用考核方案");

        group.MapGet("/people/{personId:guid}/scheme", async (Guid personId, Actor actor, SafeHarborDb db, PolicyCatalog policies, CancellationToken ct) =>
                await GetPersonScheme.HandleAsync(personId, actor, db, policies, ct))
            .WithSummary("某人适用的考核方案（无方案或多个方案同样适用时拒绝）");
        group.MapGet("/people/{personId:guid}/matters", async (Guid personId, Actor actor, SafeHarborDb db, CancellationToken ct) =>
                await ListMatters.HandleAsync(personId, actor, db, ct))
            .WithSummary("某人的问责事项及其容错免责保护情况（扣分时选择事项用）");
        group.MapGet("/people/{personId:guid}", async (Guid personId, Actor actor, SafeHarborDb db, CancellationToken ct) =>
                await ListPersonAssessments.HandleAsync(personId, actor, db, ct))
            .WithSummary("某人的考核结果（本人只能看到已关闭考核期的结果）");
        group.MapGet("/mine", async (Actor actor, SafeHarborDb db, CancellationToken ct) =>
                await ListMyAssessments.HandleAsync(actor, db, ct))
            .WithSummary("我的考核结果（已关闭的考核期）");

        group.MapGet("/periods", async (Actor actor, SafeHarborDb db, CancellationToken ct) =>
                await ListPeriods.HandleAsync(actor, db, ct))
            .WithSummary("考核期列表");
        group.MapPost("/periods", async (CreatePeriod.Request r, Actor actor, CommandRunner runner, SafeHarborDb db, CancellationToken ct) =>
            {
                var id = await CreatePeriod.HandleAsync(r, actor, runner, ct);
                return Results.Created($"/api/assessment/periods/{id}", await AssessmentQueries.PeriodAsync(db, id, ct));
            })
            .WithSummary("建立考核期（年度考核或平时考核季度）")
            .WithDescription("kind 为 Annual（年度考核）或 Quarterly（平时考核，须给 quarter 1–4）；name 不填时自动命名，如“2026年第三季度平时考核”。");
        group.MapGet("/periods/{id:guid}", async (Guid id, Actor actor, SafeHarborDb db, CancellationToken ct) =>
                await GetPeriod.HandleAsync(id, actor, db, ct))
            .WithSummary("考核期详情：考核人员、得分、扣分、等次及各单位优秀名额");
        group.MapPost("/periods/{id:guid}/grades", async (Guid id, Actor actor, CommandRunner runner, SafeHarborDb db, CancellationToken ct) =>
            {
                await FinaliseGrades.HandleAsync(id, actor, runner, ct);
                return await AssessmentQueries.PeriodAsync(db, id, ct);
            })
            .WithSummary("评定等次（按单位和优秀比例）")
            .WithDescription(Grading.RuleText);
        group.MapPost("/periods/{id:guid}/close", async (Guid id, Actor actor, CommandRunner runner, SafeHarborDb db, CancellationToken ct) =>
            {
                await ClosePeriod.HandleAsync(id, actor, runner, ct);
                return await AssessmentQueries.PeriodAsync(db, id, ct);
            })
            .WithSummary("关闭考核期（关闭后结果只读）");
        group.MapGet("/periods/{id:guid}/export", async (Guid id, Actor actor, SafeHarborDb db, SecurityEventLog events, CancellationToken ct) =>
            {
                AssessmentAccess.RequirePersonnel(actor);
                var workbook = await AssessmentExport.WriteAsync(db, id, ct);
                await events.RecordTakenAsync(actor, SecurityEventKinds.Export, "考核结果", null, workbook.FileName, ct);
                return Results.File(workbook.Content, AssessmentExport.ContentType, workbook.FileName);
            })
            .Produces(StatusCodes.Status200OK, contentType: AssessmentExport.ContentType)
            .WithSummary("导出考核期结果（Excel）");

        group.MapPost("/periods/{id:guid}/assessments", async (Guid id, CreateAssessment.Request r, Actor actor, CommandRunner runner, SafeHarborDb db, HttpContext http, CancellationToken ct) =>
            {
                var assessmentId = await CreateAssessment.HandleAsync(id, r, actor, runner, ct);
                var view = await AssessmentQueries.GetAsync(db, assessmentId, ct);
                http.Response.Headers.ETag = Quote(view.Version.ToString());
                return Results.Created($"/api/assessment/assessments/{assessmentId}", view);
            })
            .WithSummary("考核某人：按适用方案逐项评分")
            .WithDescription("scores 须覆盖方案的每项指标，每项 0 至满分；考核方案按本人单位类型、岗位和是否领导干部自动确定。");
        group.MapGet("/assessments/{id:guid}", async (Guid id, Actor actor, SafeHarborDb db, HttpContext http, CancellationToken ct) =>
            {
                var view = await GetAssessment.HandleAsync(id, actor, db, ct);
                http.Response.Headers.ETag = Quote(view.Version.ToString());
                return view;
            })
            .WithSummary("考核记录详情");
        group.MapPut("/assessments/{id:guid}", async (Guid id, UpdateAssessment.Request r, Actor actor, CommandRunner runner, SafeHarborDb db, HttpContext http, CancellationToken ct) =>
                await Saved(http, db, await UpdateAssessment.HandleAsync(id, HttpVersioning.ExpectedVersion(http.Request), r, actor, runner, ct), ct))
            .WithSummary("修改评分和评语（If-Match 为版本号）");
        group.MapPost("/assessments/{id:guid}/deductions", async (Guid id, AddDeduction.Request r, Actor actor, CommandRunner runner, SafeHarborDb db, HttpContext http, CancellationToken ct) =>
                await Saved(http, db, await AddDeduction.HandleAsync(id, HttpVersioning.ExpectedVersion(http.Request), r, actor, runner, ct), ct))
            .WithSummary("登记扣分（已予容错免责的事项不得扣分）")
            .WithDescription("caseId 为扣分所涉问责事项（须为本人是问责对象的事项）。该事项已认定容错免责、且本人的结果运用记录属于方案 protectedByUses 所列用途时，拒绝扣分（409 exempted-matter），并写明结果运用记录。");
        group.MapDelete("/assessments/{id:guid}/deductions/{deductionId:guid}", async (Guid id, Guid deductionId, Actor actor, CommandRunner runner, SafeHarborDb db, HttpContext http, CancellationToken ct) =>
                await Saved(http, db, await RemoveDeduction.HandleAsync(id, deductionId, HttpVersioning.ExpectedVersion(http.Request), actor, runner, ct), ct))
            .WithSummary("撤销扣分");
        return app;
    }

    private static async Task<AssessmentQueries.AssessmentView> Saved(HttpContext http, SafeHarborDb db, Guid id, CancellationToken ct)
    {
        var view = await AssessmentQueries.GetAsync(db, id, ct);
        http.Response.Headers.ETag = Quote(view.Version.ToString());
        return view;
    }

    private static string Quote(string tag) => $"\"{tag}\"";
}
