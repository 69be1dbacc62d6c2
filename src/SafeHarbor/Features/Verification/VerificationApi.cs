using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Web;

namespace SafeHarbor.Features.Verification;

/// <summary>Art. 5(2): verification by 局机关纪委, guidance from 驻局纪检监察组, supplementary material, the written report.</summary>
[Article("5(2)")]
public static class VerificationApi
{
    public static IEndpointRouteBuilder MapVerification(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases/{caseId:guid}").WithTags("调查核实").RequireAuthorization();
        group.MapPost("/verification/start", (Guid caseId, HttpContext http, Actor actor, CommandRunner runner, CancellationToken ct) =>
            Run(http, StartVerification.HandleAsync(caseId, HttpVersioning.ExpectedVersion(http.Request), actor, runner, ct)))
            .WithSummary("开始调查核实");
        group.MapPut("/error-kind", (Guid caseId, ClassifyError.ErrorKindInput request, HttpContext http, Actor actor, CommandRunner runner, CancellationToken ct) =>
            Run(http, ClassifyError.HandleAsync(caseId, HttpVersioning.ExpectedVersion(http.Request), request, actor, runner, ct)))
            .WithSummary("确定失误类型和工作事项（第七条比对“同一工作、同一问题”，第九条防错分析）");
        group.MapPut("/findings/repeat", (Guid caseId, RecordRepeatFinding.RepeatFindingRequest request, HttpContext http, Actor actor, CommandRunner runner, CancellationToken ct) =>
            Run(http, RecordRepeatFinding.HandleAsync(caseId, HttpVersioning.ExpectedVersion(http.Request), request, actor, runner, ct)))
            .WithSummary("记录第七条重复失误的核实意见（不符合即属重复失误，须写明前案编号；前案须为同一问责对象已予容错免责的案件）");
        group.MapPut("/findings/{itemCode}", (Guid caseId, string itemCode, RecordFinding.FindingRequest request, HttpContext http, Actor actor, CommandRunner runner, CancellationToken ct) =>
            Run(http, RecordFinding.HandleAsync(caseId, HttpVersioning.ExpectedVersion(http.Request), itemCode, request, actor, runner, ct)))
            .WithSummary("记录对某项条件或排除情形的核实意见（符合 / 不符合 / 需研判）");
        group.MapPut("/findings", (Guid caseId, RecordFindings.FindingsRequest request, HttpContext http, Actor actor, CommandRunner runner, CancellationToken ct) =>
            Run(http, RecordFindings.HandleAsync(caseId, HttpVersioning.ExpectedVersion(http.Request), request, actor, runner, ct)))
            .WithSummary("一次记录多项核实意见（逐项校验，有误则一项也不记录；未选结论且未填说明的项保持未核实）");
        group.MapPost("/guidance-requests", (Guid caseId, RequestGuidance.GuidanceRequestInput request, HttpContext http, Actor actor, CommandRunner runner, CancellationToken ct) =>
            Run(http, RequestGuidance.HandleAsync(caseId, HttpVersioning.ExpectedVersion(http.Request), request, actor, runner, ct)))
            .WithSummary("申请驻局纪检监察组指导");
        group.MapPost("/guidance-requests/{requestId:guid}/reply", (Guid caseId, Guid requestId, ReplyGuidance.GuidanceReplyInput request, HttpContext http, Actor actor, CommandRunner runner, CancellationToken ct) =>
            Run(http, ReplyGuidance.HandleAsync(caseId, HttpVersioning.ExpectedVersion(http.Request), requestId, request, actor, runner, ct)))
            .WithSummary("驻局纪检监察组反馈指导意见");
        group.MapPost("/supplement-requests", (Guid caseId, RequestSupplement.SupplementRequestInput request, HttpContext http, Actor actor, CommandRunner runner, WorkingDayCalendar calendar, CancellationToken ct) =>
            Run(http, RequestSupplement.HandleAsync(caseId, HttpVersioning.ExpectedVersion(http.Request), request, actor, runner, calendar, ct)))
            .WithSummary("通知申请方补充材料（期限按工作日计）");
        group.MapPost("/supplements", (Guid caseId, SubmitSupplement.SupplementInput request, HttpContext http, Actor actor, CommandRunner runner, CancellationToken ct) =>
            Run(http, SubmitSupplement.HandleAsync(caseId, HttpVersioning.ExpectedVersion(http.Request), request, actor, runner, ct)))
            .WithSummary("申请方提交补充材料");
        group.MapPost("/verification/report", (Guid caseId, SubmitReport.ReportInput request, HttpContext http, Actor actor, CommandRunner runner, CancellationToken ct) =>
            Run(http, SubmitReport.HandleAsync(caseId, HttpVersioning.ExpectedVersion(http.Request), request, actor, runner, ct)))
            .WithSummary("提交书面调查报告和建议")
            .WithDescription("经核实存在排除情形（第四条、第十条）时，不能建议予以容错免责（409 exclusion-binds）。");
        group.MapPost("/verification/reopen", (Guid caseId, ReopenVerification.ReopenInput request, HttpContext http, Actor actor, CommandRunner runner, CancellationToken ct) =>
            Run(http, ReopenVerification.HandleAsync(caseId, HttpVersioning.ExpectedVersion(http.Request), request, actor, runner, ct)))
            .WithSummary("重新核实：说明理由，原报告作废（记入审计），可更正核实意见");
        return app;
    }

    private static async Task<IResult> Run(HttpContext http, Task<CaseSnapshot> command) =>
        HttpVersioning.WithVersion(await command, http);
}
