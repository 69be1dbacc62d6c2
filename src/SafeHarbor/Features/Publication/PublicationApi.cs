using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Web;

namespace SafeHarbor.Features.Publication;

[Article("5(5)")]
public static class PublicationApi
{
    public static IEndpointRouteBuilder MapPublication(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/cases/{caseId:guid}/publication", async (Guid caseId, PublishResult.PublishRequest r, HttpContext http, Actor actor, CommandRunner runner, CancellationToken ct) =>
                HttpVersioning.WithVersion(await PublishResult.HandleAsync(caseId, HttpVersioning.ExpectedVersion(http.Request), r, actor, runner, ct), http))
            .RequireAuthorization()
            .WithTags("公开")
            .WithSummary("在一定范围内公开容错免责结果（仅限认定予以容错免责的案件）");
        return app;
    }
}
