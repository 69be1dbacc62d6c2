using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Security;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Evidence;

/// <summary>Evidence files: streamed upload with size and type limits, hashes stored, hashes checked on download.</summary>
[Article("5(1)", "5(2)")]
public static class EvidenceApi
{
    public static IEndpointRouteBuilder MapEvidence(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases/{caseId:guid}/evidence").WithTags("证明材料").RequireAuthorization();
        group.MapPost("/", async (Guid caseId, HttpContext http, Actor actor, SafeHarborDb db, CommandRunner runner, PolicyCatalog policies, EvidenceStore store, CancellationToken ct) =>
            {
                var (view, caseVersion) = await UploadEvidence.HandleAsync(caseId, http, actor, db, runner, policies, store, ct);
                http.Response.Headers.ETag = $"\"{caseVersion}\"";
                return Results.Created($"/api/cases/{caseId}/evidence/{view.Id}", view);
            })
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<EvidenceView>(StatusCodes.Status201Created)
            .DisableAntiforgery()
            .WithSummary("上传证明材料（multipart/form-data：file 为文件，description 为说明）")
            .WithDescription($"可上传：{EvidenceStore.AcceptedExtensions}；单个文件上限 50 MB（可配置）。服务器计算并保存 SHA-256 和 SM3。");
        group.MapGet("/{fileId:guid}", async (Guid caseId, Guid fileId, HttpContext http, Actor actor, SafeHarborDb db, EvidenceStore store, ILoggerFactory logs, SecurityEventLog events, CancellationToken ct) =>
            {
                var (file, content) = await OpenEvidence.HandleAsync(caseId, fileId, actor, db, store, logs, ct);
                await events.RecordTakenAsync(actor, SecurityEventKinds.Download, "证明材料", caseId, file.FileName, ct);
                http.Response.Headers["X-Content-SHA256"] = file.Sha256;
                http.Response.Headers["X-Content-SM3"] = file.Sm3;
                return Results.File(content, file.ContentType, file.FileName, enableRangeProcessing: true);
            })
            .WithSummary("下载证明材料（下载前校验 SHA-256 和 SM3，不一致则拒绝）");
        return app;
    }
}
