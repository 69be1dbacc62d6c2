using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;
using SafeHarbor.Reminders;

namespace SafeHarbor.Features.Prevention;

/// <summary>Art. 9 over HTTP: the analysis, the thresholds, the risk-point register and the warnings.</summary>
[Article("9")]
public static class PreventionApi
{
    public static IServiceCollection AddPrevention(this IServiceCollection services) =>
        services.AddScoped<IInboxContributor, WarningTodos>();

    public static IEndpointRouteBuilder MapPrevention(this IEndpointRouteBuilder app)
    {
        // Who may do what is decided by the handlers (PreventionAccess), so pages and the API refuse alike, in Chinese.
        var group = app.MapGroup("/api/prevention").WithTags("防错（第九条）").RequireAuthorization();

        group.MapGet("/analysis", async (DateOnly? from, DateOnly? to, PeriodGrouping? period, Actor actor, SafeHarborDb db, TimeProvider time, CancellationToken ct) =>
                await PreventionQuery.RunAsync(new PreventionQuery.Filter(from, to, period), actor, db, ChinaClock.Today(time), ct))
            .WithSummary("防错分析：按业务领域、单位、失误类型和期间统计问责事项，列出达到预警阈值的情形")
            .WithDescription("统计全部已登记的问责事项（不论认定结果）。from、to 按启动问责程序日期筛选；period 为 Month（按月）或 Quarter（按季度）。"
                + "预警情形不受 from、to 影响：以今天（北京时间）为终点、按各阈值的月数回溯。执法稽查科只看到数字，不看到案件编号和名称。");

        group.MapGet("/thresholds", async (Actor actor, SafeHarborDb db, CancellationToken ct) =>
                await ListThresholds.HandleAsync(actor, db, ct))
            .WithSummary("预警阈值列表");
        group.MapPost("/thresholds", async (SetThreshold.Request r, Actor actor, CommandRunner runner, CancellationToken ct) =>
            {
                var view = await SetThreshold.HandleAsync(r, actor, runner, ct);
                return Results.Created($"/api/prevention/thresholds/{view.Id}", view);
            })
            .WithSummary("设定预警阈值（执法稽查科）")
            .WithDescription("dimension：BusinessField（业务领域）、Unit（单位，value 为单位名称）、ErrorKind（失误类型）、FieldAndKind（同一领域同一失误类型，value 写作“食品安全/跟踪复查不到位”）；value 为空表示该维度的任一取值；months 个月内达到 count 件即预警。");
        group.MapPut("/thresholds/{id:guid}", async (Guid id, SetThreshold.Request r, Actor actor, CommandRunner runner, CancellationToken ct) =>
                await UpdateThreshold.HandleAsync(id, r, actor, runner, ct))
            .WithSummary("修改预警阈值（执法稽查科）");
        group.MapPost("/thresholds/{id:guid}/deactivation", async (Guid id, Actor actor, CommandRunner runner, CancellationToken ct) =>
                await SetThresholdActive.HandleAsync(id, false, actor, runner, ct))
            .WithSummary("停用预警阈值（执法稽查科）");
        group.MapPost("/thresholds/{id:guid}/activation", async (Guid id, Actor actor, CommandRunner runner, CancellationToken ct) =>
                await SetThresholdActive.HandleAsync(id, true, actor, runner, ct))
            .WithSummary("重新启用预警阈值（执法稽查科）");

        group.MapGet("/risk-points", async (Actor actor, SafeHarborDb db, CancellationToken ct) =>
                await ListRiskPoints.HandleAsync(actor, db, ct))
            .WithSummary("风险点台账");
        group.MapGet("/risk-points/draft", async (Guid thresholdId, string value, Actor actor, SafeHarborDb db, PolicyCatalog policies, TimeProvider time, CancellationToken ct) =>
                await DraftRiskPoint.HandleAsync(thresholdId, value, actor, db, policies, ChinaClock.Today(time), ct))
            .WithSummary("按达到预警阈值的情形生成风险点草稿（局党组成员、局办公室）")
            .WithDescription("thresholdId 和 value 取自 /api/prevention/analysis 的 flags；草稿列出背后的案件，防范措施由登记人填写。");
        group.MapGet("/risk-points/{id:guid}", async (Guid id, Actor actor, SafeHarborDb db, CancellationToken ct) =>
                await GetRiskPoint.HandleAsync(id, actor, db, ct))
            .WithSummary("风险点详情");
        group.MapPost("/risk-points", async (RecordRiskPoint.Request r, Actor actor, CommandRunner runner, CancellationToken ct) =>
            {
                var view = await RecordRiskPoint.HandleAsync(r, actor, runner, ct);
                return Results.Created($"/api/prevention/risk-points/{view.Id}", view);
            })
            .WithSummary("登记风险点（局党组成员、局办公室）");
        group.MapPut("/risk-points/{id:guid}", async (Guid id, RecordRiskPoint.Request r, Actor actor, CommandRunner runner, CancellationToken ct) =>
                await UpdateRiskPoint.HandleAsync(id, r, actor, runner, ct))
            .WithSummary("修改风险点（局党组成员、局办公室）");

        group.MapGet("/warnings", async (Actor actor, SafeHarborDb db, CancellationToken ct) =>
                await ListWarnings.HandleAsync(actor, db, ct))
            .WithSummary("警示提醒列表及各单位签收情况")
            .WithDescription("局党组、局办公室和办理容错免责程序的部门看到全部；单位负责人看到发给本单位的。");
        group.MapGet("/warnings/pending", async (Actor actor, SafeHarborDb db, CancellationToken ct) =>
                await ListPendingWarnings.HandleAsync(actor, db, ct))
            .WithSummary("本单位待签收的警示提醒（单位负责人的待办）");
        group.MapGet("/warnings/{id:guid}", async (Guid id, Actor actor, SafeHarborDb db, CancellationToken ct) =>
                await GetWarning.HandleAsync(id, actor, db, ct))
            .WithSummary("警示提醒详情及各单位签收情况");
        group.MapPost("/warnings", async (IssueWarning.Request r, Actor actor, CommandRunner runner, CancellationToken ct) =>
            {
                var view = await IssueWarning.HandleAsync(r, actor, runner, ct);
                return Results.Created($"/api/prevention/warnings/{view.Id}", view);
            })
            .WithSummary("下发警示提醒（局党组成员、局办公室）");
        group.MapPost("/warnings/{id:guid}/acknowledgement", async (Guid id, AcknowledgeWarning.Request r, Actor actor, CommandRunner runner, CancellationToken ct) =>
                await AcknowledgeWarning.HandleAsync(id, r, actor, runner, ct))
            .WithSummary("签收警示提醒（接收单位负责人）");
        return app;
    }
}
