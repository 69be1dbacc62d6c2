using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Web;
using SafeHarbor.PolicyRules;
using SafeHarbor.Reminders;

namespace SafeHarbor.Features.Correction;

/// <summary>
/// Art. 8 纠错: talks, reminder letters, the cause analysis and the rectification plan of each exempted or
/// mitigated case, followed up until closed. Changes to the plan carry its version (ETag / If-Match).
/// </summary>
[Article("8")]
public static class CorrectionApi
{
    public static IServiceCollection AddCorrection(this IServiceCollection services) =>
        services.AddScoped<IInboxContributor, CorrectionInbox>().AddScoped<EndpointServices>();

    public static IEndpointRouteBuilder MapCorrection(this IEndpointRouteBuilder app)
    {
        var all = app.MapGroup("/api/correction").WithTags("纠错整改（第八条）").RequireAuthorization();
        all.MapGet("/", async (Actor actor, SafeHarborDb db, PolicyCatalog policies, TimeProvider time, CancellationToken ct) =>
                await ListCorrections.HandleAsync(actor, db, policies, ChinaClock.Today(time), ct))
            .WithSummary("确定容错免责（含从轻或减轻处理）的案件及其纠错整改进度");
        all.MapGet("/my-measures", async (Actor actor, SafeHarborDb db, WorkingDayCalendar calendar, TimeProvider time, CancellationToken ct) =>
                await ListMyMeasures.HandleAsync(actor, db, calendar, ChinaClock.Today(time), ct))
            .WithSummary("本人负责的整改措施");
        all.MapGet("/overdue", async (Actor actor, SafeHarborDb db, TimeProvider time, CancellationToken ct) =>
                await OverdueMeasures.HandleAsync(actor, db, ChinaClock.Today(time), ct))
            .WithSummary("逾期未完成的整改措施（按责任人所在单位统计）");

        var one = app.MapGroup("/api/cases/{caseId:guid}/correction").WithTags("纠错整改（第八条）").RequireAuthorization();
        one.MapGet("/", (Guid caseId, HttpContext http, EndpointServices env, CancellationToken ct) => ViewAsync(caseId, http, env, ct))
            .WithSummary("本案纠错整改情况：个别谈话、发函提醒、原因分析、整改方案和跟踪检查")
            .Produces<CorrectionQueries.CorrectionView>();
        one.MapPost("/talks", async (Guid caseId, RecordTalk.Request r, HttpContext http, EndpointServices env, CancellationToken ct) =>
            {
                await RecordTalk.HandleAsync(caseId, r, env.Actor, env.Runner, ct);
                return await ViewAsync(caseId, http, env, ct, created: true);
            })
            .WithSummary("记录个别谈话（谈话人、谈话对象、时间地点、指出的问题）");
        one.MapPost("/reminder-letters", async (Guid caseId, RecordReminderLetter.Request r, HttpContext http, EndpointServices env, CancellationToken ct) =>
            {
                await RecordReminderLetter.HandleAsync(caseId, r, env.Actor, env.Runner, ct);
                return await ViewAsync(caseId, http, env, ct, created: true);
            })
            .WithSummary("登记发函提醒（已出具的提醒函文号自动关联）");
        one.MapPut("/cause-analysis", async (Guid caseId, RecordCauseAnalysis.Request r, HttpContext http, EndpointServices env, CancellationToken ct) =>
            {
                await RecordCauseAnalysis.HandleAsync(caseId, r, env.Actor, env.Runner, ct);
                return await ViewAsync(caseId, http, env, ct);
            })
            .WithSummary("记录或修改原因分析");
        one.MapPost("/plan", async (Guid caseId, CreatePlan.Request r, HttpContext http, EndpointServices env, CancellationToken ct) =>
            {
                await CreatePlan.HandleAsync(caseId, r, env.Actor, env.Runner, env.Calendar, ct);
                return await ViewAsync(caseId, http, env, ct, created: true);
            })
            .WithSummary("制定整改方案：措施、责任人、完成时限（工作日，自今日起算）");
        one.MapPost("/plan/measures", async (Guid caseId, CreatePlan.MeasureInput r, HttpContext http, EndpointServices env, CancellationToken ct) =>
            {
                await AddMeasure.HandleAsync(caseId, HttpVersioning.ExpectedVersion(http.Request), r, env.Actor, env.Runner, env.Calendar, ct);
                return await ViewAsync(caseId, http, env, ct);
            })
            .WithSummary("在整改方案中增加措施（If-Match：方案版本）");
        one.MapPost("/plan/measures/{measureId:guid}/completion", async (Guid caseId, Guid measureId, CompleteMeasure.Request r, HttpContext http, EndpointServices env, CancellationToken ct) =>
            {
                var version = await CompleteMeasure.HandleAsync(caseId, measureId, HttpVersioning.ExpectedVersion(http.Request), r, env.Actor, env.Runner, ct);
                http.Response.Headers.ETag = $"\"{version}\"";
                // The owner may not otherwise see the case: the answer is their measure, not the whole correction.
                return Results.Ok((await env.MineAsync(ct)).Single(m => m.MeasureId == measureId));
            })
            .Produces<CorrectionQueries.MyMeasure>()
            .WithSummary("措施责任人登记完成情况和佐证（If-Match：方案版本）");
        one.MapPost("/plan/follow-ups", async (Guid caseId, RecordFollowUp.Request r, HttpContext http, EndpointServices env, CancellationToken ct) =>
            {
                await RecordFollowUp.HandleAsync(caseId, HttpVersioning.ExpectedVersion(http.Request), r, env.Actor, env.Runner, ct);
                return await ViewAsync(caseId, http, env, ct);
            })
            .WithSummary("跟踪检查整改落实情况（局机关纪委或局办公室；If-Match：方案版本）");
        one.MapPost("/plan/closure", async (Guid caseId, ClosePlan.Request r, HttpContext http, EndpointServices env, CancellationToken ct) =>
            {
                await ClosePlan.HandleAsync(caseId, HttpVersioning.ExpectedVersion(http.Request), r, env.Actor, env.Runner, ct);
                return await ViewAsync(caseId, http, env, ct);
            })
            .WithSummary("整改验收销号（全部措施完成并经跟踪检查到位；If-Match：方案版本）");
        return app;
    }

    /// <summary>What every correction endpoint works with.</summary>
    public sealed class EndpointServices(Actor actor, SafeHarborDb db, CommandRunner runner, PolicyCatalog policies, WorkingDayCalendar calendar, TimeProvider time)
    {
        public CommandRunner Runner => runner;
        public WorkingDayCalendar Calendar => calendar;

        public Actor Actor => actor;

        public async Task<CorrectionQueries.CorrectionView> ViewAsync(Guid caseId, CancellationToken ct) =>
            await GetCorrection.HandleAsync(caseId, actor, db, policies, calendar, ChinaClock.Today(time), ct);

        public async Task<IReadOnlyList<CorrectionQueries.MyMeasure>> MineAsync(CancellationToken ct) =>
            await ListMyMeasures.HandleAsync(actor, db, calendar, ChinaClock.Today(time), ct);
    }

    /// <summary>The case's correction with the plan's version as ETag, for the next If-Match.</summary>
    private static async Task<IResult> ViewAsync(Guid caseId, HttpContext http, EndpointServices env, CancellationToken ct, bool created = false)
    {
        var view = await env.ViewAsync(caseId, ct);
        if (view.Plan is { } plan)
        {
            http.Response.Headers.ETag = $"\"{plan.Version}\"";
        }
        return created ? Results.Created($"/api/cases/{caseId}/correction", view) : Results.Ok(view);
    }
}
