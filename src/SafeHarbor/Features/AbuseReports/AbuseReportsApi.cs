using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Reminders;

namespace SafeHarbor.Features.AbuseReports;

/// <summary>Art. 10: reports recorded against persons and cases; a substantiated one excludes exemption.</summary>
[Article("10")]
public static class AbuseReportsApi
{
    public static IServiceCollection AddAbuseReports(this IServiceCollection services) =>
        services.AddScoped<IInboxContributor, AbuseReportTodos>();

    public static IEndpointRouteBuilder MapAbuseReports(this IEndpointRouteBuilder app)
    {
        // Roles are checked on the actor loaded from the database (a role taken away counts at once), with a Chinese refusal.
        var group = app.MapGroup("/api/abuse-reports").WithTags("滥用举报（第十条）").RequireAuthorization()
            .AddEndpointFilter(async (context, next) =>
                AbuseReportAccess.MayView(context.HttpContext.RequestServices.GetRequiredService<Actor>())
                    ? await next(context)
                    : throw AbuseReportAccess.NotAllowed());
        group.MapGet("/", (AbuseReportStatus? status, Guid? personId, Guid? caseId, SafeHarborDb db, CancellationToken ct) =>
                ListAbuseReports.HandleAsync(db, new ListAbuseReports.ListFilter(status, personId, caseId), ct))
            .WithSummary("举报列表")
            .WithDescription("status：Open（核查中）、Substantiated（查实）、Unsubstantiated（查否）；personId、caseId 按被举报人员或案件筛选。");
        group.MapGet("/{id:guid}", (Guid id, SafeHarborDb db, CancellationToken ct) => GetAbuseReport.HandleAsync(db, id, ct)).WithSummary("举报详情");
        group.MapPost("/", async (RecordAbuseReport.RecordRequest r, Actor actor, CommandRunner runner, CancellationToken ct) =>
            Results.Ok(await RecordAbuseReport.HandleAsync(r, actor, runner, ct))).WithSummary("登记举报（局机关纪委、驻局纪检监察组）");
        group.MapPost("/{id:guid}/conclusion", async (Guid id, ConcludeAbuseReport.ConcludeRequest r, Actor actor, CommandRunner runner, CancellationToken ct) =>
            Results.Ok(await ConcludeAbuseReport.HandleAsync(id, r, actor, runner, ct))).WithSummary("登记核查结论（查实 / 查否，局机关纪委）");
        return app;
    }
}
