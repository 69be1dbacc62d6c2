using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Web;

namespace SafeHarbor.Features.Feedback;

[Article("5(4)")]
public static class FeedbackApi
{
    public static IEndpointRouteBuilder MapFeedback(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases/{caseId:guid}/feedback").WithTags("反馈").RequireAuthorization();
        group.MapPost("/", async (Guid caseId, IssueFeedback.IssueRequest r, HttpContext http, Actor actor, CommandRunner runner, CancellationToken ct) =>
            HttpVersioning.WithVersion(await IssueFeedback.HandleAsync(caseId, HttpVersioning.ExpectedVersion(http.Request), r, actor, runner, ct), http))
            .WithSummary("书面反馈认定结果并答复解释");
        group.MapPost("/delivery", async (Guid caseId, RecordDelivery.DeliveryRequest r, HttpContext http, Actor actor, CommandRunner runner, CancellationToken ct) =>
            HttpVersioning.WithVersion(await RecordDelivery.HandleAsync(caseId, HttpVersioning.ExpectedVersion(http.Request), r, actor, runner, ct), http))
            .WithSummary("登记送达");
        group.MapPost("/acknowledgement", async (Guid caseId, AcknowledgeFeedback.AcknowledgeRequest r, HttpContext http, Actor actor, CommandRunner runner, CancellationToken ct) =>
            HttpVersioning.WithVersion(await AcknowledgeFeedback.HandleAsync(caseId, HttpVersioning.ExpectedVersion(http.Request), r, actor, runner, ct), http))
            .WithSummary("申请方签收确认");
        return app;
    }
}
