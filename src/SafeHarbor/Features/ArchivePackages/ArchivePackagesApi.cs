using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Security;

namespace SafeHarbor.Features.ArchivePackages;

/// <summary>Art. 5(6): the archive package (归档包) of a filed case, for the archive keeper and for transfer to the archives.</summary>
public static class ArchivePackagesApi
{
    public static IEndpointRouteBuilder MapArchivePackages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/cases/{caseId:guid}/archive-package", async (Guid caseId, HttpContext http, Actor actor, SecurityEventLog events, CancellationToken ct) =>
            {
                var (content, exported) = await ExportArchivePackage.ExportToTempFileAsync(caseId, actor, ExportArchivePackage.Describe(actor), ArchivePackageServices.From(http.RequestServices), ct);
                await events.RecordTakenAsync(actor, SecurityEventKinds.Export, "归档包", caseId, exported.FileName, ct);
                return Results.File(content, ArchivePackageFormat.ZipType, exported.FileName);
            })
            .RequireAuthorization()
            .WithTags("备案")
            .Produces(StatusCodes.Status200OK, contentType: ArchivePackageFormat.ZipType)
            .WithSummary("下载归档包（ZIP：全部公文、证明材料、案件记录、备案登记表，manifest.json 列出档号、保管期限、审计链哈希及每个文件的 SHA-256 和 SM3）")
            .WithDescription("仅限已存档备案的案件（否则 409 case-not-archived）；不在本人可见范围内的案件为 404。证明材料导出前逐一校验哈希，不一致则拒绝导出（500 archive-evidence-corrupted）。"
                + "首次出具的公文在导出时编发文字号（与单独下载相同）。校验：safeharbor archive verify 文件.zip。");
        return app;
    }
}
