using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Web;

namespace SafeHarbor.Features.Archive;

[Article("5(6)")]
public static class ArchiveApi
{
    /// <summary>保管期限 codes and their names; read by the filing, the archive package and the documents.</summary>
    public static readonly IReadOnlyDictionary<string, string> Retentions = new Dictionary<string, string>
    {
        ["Y"] = "永久", ["D30"] = "定期30年", ["D10"] = "定期10年",
    };

    public static IEndpointRouteBuilder MapArchive(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/cases/{caseId:guid}/archive", async (Guid caseId, ArchiveCase.ArchiveRequest r, HttpContext http, Actor actor, CommandRunner runner, ArchiveOptions options, CancellationToken ct) =>
                HttpVersioning.WithVersion(await ArchiveCase.HandleAsync(caseId, HttpVersioning.ExpectedVersion(http.Request), r, actor, runner, options, ct), http))
            .RequireAuthorization()
            .WithTags("备案")
            .WithSummary("存档备案：生成档号、材料清单及哈希，案件转为只读");
        return app;
    }
}
