using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Web;

namespace SafeHarbor.Features.Applications;

/// <summary>Art. 5(1): the application, and its withdrawal before determination.</summary>
[Article("5(1)")]
public static class ApplicationsApi
{
    public static IEndpointRouteBuilder MapApplications(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases/{caseId:guid}").WithTags("申请").RequireAuthorization();
        group.MapPost("/application", async (Guid caseId, SubmitApplication.SubmitRequest request, HttpContext http, Actor actor, CommandRunner runner, CancellationToken ct) =>
                HttpVersioning.WithVersion(await SubmitApplication.HandleAsync(caseId, HttpVersioning.ExpectedVersion(http.Request), request, actor, runner, ct), http))
            .WithSummary("提出容错免责书面申请（逾期的自动不予受理并记录理由；期限为暂定时逾期申请待定，不自动不予受理）");
        group.MapPost("/application/timeliness", async (Guid caseId, DecideLateApplication.LateApplicationDecision request, HttpContext http, Actor actor, CommandRunner runner, CancellationToken ct) =>
                HttpVersioning.WithVersion(await DecideLateApplication.HandleAsync(caseId, HttpVersioning.ExpectedVersion(http.Request), request, actor, runner, ct), http))
            .WithSummary("期限暂定时的逾期申请：局机关纪委说明理由决定受理或不予受理（不必等待节假日安排发布）");
        group.MapPost("/withdrawal", async (Guid caseId, WithdrawApplication.WithdrawRequest request, HttpContext http, Actor actor, CommandRunner runner, CancellationToken ct) =>
                HttpVersioning.WithVersion(await WithdrawApplication.HandleAsync(caseId, HttpVersioning.ExpectedVersion(http.Request), request, actor, runner, ct), http))
            .WithSummary("认定前撤回申请");
        return app;
    }
}
