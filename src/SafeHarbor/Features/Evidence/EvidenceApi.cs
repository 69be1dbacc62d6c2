using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Evidence;

/// <summary>Evidence files: streamed upload with size and type limits, hashes stored, hashes checked on download.</summary>
[Article("5(1)", "5(2)")]
public static class EvidenceApi
{
    public sealed record EvidenceView(
        Guid Id, string FileName, string ContentType, long Size, string Sha256, string Sm3, string Description, string Stage, DateTimeOffset UploadedAt);

    public static IEndpointRouteBuilder MapEvidence(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases/{caseId:guid}/evidence").WithTags("证明材料").RequireAuthorization();
        group.MapPost("/", async (Guid caseId, HttpContext http, Actor actor, SafeHarborDb db, CommandRunner runner, PolicyCatalog policies, EvidenceStore store, CancellationToken ct) =>
            {
                var (view, caseVersion) = await UploadAsync(caseId, http, actor, db, runner, policies, store, ct);
                http.Response.Headers.ETag = $"\"{caseVersion}\"";
                return Results.Created($"/api/cases/{caseId}/evidence/{view.Id}", view);
            })
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<EvidenceView>(StatusCodes.Status201Created)
            .DisableAntiforgery()
            .WithSummary("上传证明材料（multipart/form-data：file 为文件，description 为说明）")
            .WithDescription($"可上传：{EvidenceStore.AcceptedExtensions}；单个文件上限 50 MB（可配置）。服务器计算并保存 SHA-256 和 SM3。");
        group.MapGet("/{fileId:guid}", async (Guid caseId, Guid fileId, HttpContext http, Actor actor, SafeHarborDb db, EvidenceStore store, ILoggerFactory logs, CancellationToken ct) =>
            {
                var (file, content) = await OpenCheckedAsync(caseId, fileId, actor, db, store, logs, ct);
                http.Response.Headers["X-Content-SHA256"] = file.Sha256;
                http.Response.Headers["X-Content-SM3"] = file.Sm3;
                return Results.File(content, file.ContentType, file.FileName, enableRangeProcessing: true);
            })
            .WithSummary("下载证明材料（下载前校验 SHA-256 和 SM3，不一致则拒绝）");
        return app;
    }

    /// <summary>
    /// Streams one multipart file into the store and records it on the case; pages and the API both
    /// use it. Answers the file and the case's new version (an upload is a recorded step).
    /// </summary>
    public static async Task<(EvidenceView View, int CaseVersion)> UploadAsync(Guid caseId, HttpContext http, Actor actor, SafeHarborDb db, CommandRunner runner, PolicyCatalog policies, EvidenceStore store, CancellationToken ct)
    {
        // Refuse before reading the body, so an upload that cannot be accepted costs nothing.
        var c = await db.Cases.AsNoTracking().Where(CaseAccess.VisibleTo(actor)).SingleOrDefaultAsync(x => x.Id == caseId, ct)
            ?? throw DomainException.NotFound("case-not-found", "找不到该案件，或您无权查看。");
        c.EnsureAllowed(CaseAction.UploadEvidence, actor, policies.Get(c.PolicyId));

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = store.MaxFileBytes + 1024 * 1024;
        }
        var boundary = MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var mediaType)
            ? HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value
            : null;
        if (string.IsNullOrEmpty(boundary) || !http.Request.ContentType!.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw DomainException.Invalid("multipart-required", "请以 multipart/form-data 方式上传，文件字段名为 file。");
        }

        var reader = new MultipartReader(boundary, http.Request.Body);
        StoredFile? stored = null;
        string? fileName = null;
        var description = "";
        try
        {
            MultipartSection? section;
            while ((section = await reader.ReadNextSectionAsync(ct)) is not null)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                {
                    continue;
                }
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
                if (disposition.IsFileDisposition() && name == "file")
                {
                    if (stored is not null)
                    {
                        throw DomainException.Invalid("one-file-only", "每次只能上传一个文件。");
                    }
                    fileName = Path.GetFileName(HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value);
                    EvidenceStore.ValidateName(fileName);
                    stored = await store.SaveAsync(fileName!, section.Body, ct);
                }
                else if (name == "description")
                {
                    using var text = new StreamReader(section.Body);
                    description = (await text.ReadToEndAsync(ct)).Trim();
                }
            }
            if (stored is null)
            {
                throw DomainException.Invalid("file-missing", "没有收到文件，请在 file 字段中选择要上传的文件。");
            }
            new Validation().MaxLength(description, "description", "文件说明", 500).ThrowIfInvalid();
            var file = stored;
            var view = await runner.RunAsync(actor, async ctx =>
            {
                var tracked = await ctx.LoadCaseAsync(caseId, null, ct);
                var stage = tracked.Status switch
                {
                    CaseStatus.AwaitingSupplement => "补充材料",
                    CaseStatus.Verifying => CaseDisclosure.VerificationEvidenceStage,
                    _ => "申请材料",
                };
                var evidence = new EvidenceFile
                {
                    Id = Guid.NewGuid(),
                    CaseId = tracked.Id,
                    FileName = fileName!,
                    ContentType = EvidenceStore.MimeFor(fileName!),
                    Size = file.Size,
                    Sha256 = file.Sha256,
                    Sm3 = file.Sm3,
                    StoredName = file.StoredName,
                    Description = description,
                    Stage = stage,
                    UploadedBy = actor.UserId,
                    UploadedAt = ctx.Now,
                };
                tracked.Record(CaseAction.UploadEvidence, actor, ctx.PolicyOf(tracked), ctx.Now, new Dictionary<string, object?>
                {
                    ["file"] = evidence.FileName, ["size"] = evidence.Size, ["sha256"] = evidence.Sha256, ["sm3"] = evidence.Sm3, ["stage"] = stage,
                });
                ctx.Db.Add(evidence);
                return (ToView(evidence), tracked.Version);
            }, ct);
            return view;
        }
        catch
        {
            if (stored is not null)
            {
                store.Delete(stored.StoredName);
            }
            throw;
        }
    }

    /// <summary>Opens a file of a case the actor may see, after checking both hashes against the stored ones.</summary>
    public static async Task<(EvidenceFile File, Stream Content)> OpenCheckedAsync(Guid caseId, Guid fileId, Actor actor, SafeHarborDb db, EvidenceStore store, ILoggerFactory logs, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().Where(CaseAccess.VisibleTo(actor)).SingleOrDefaultAsync(x => x.Id == caseId, ct);
        var file = c is not null ? await db.Set<EvidenceFile>().AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId && f.CaseId == caseId, ct) : null;
        if (file is null)
        {
            throw DomainException.NotFound("evidence-not-found", "找不到该文件，或您无权查看。");
        }
        actor.EnsureShows(c!, CaseDisclosure.SectionOfEvidence(file.Stage));
        var hashes = await store.HashAsync(file.StoredName, ct);
        if (hashes is null || hashes.Value.Sha256 != file.Sha256 || hashes.Value.Sm3 != file.Sm3)
        {
            logs.CreateLogger("Evidence").LogError("Evidence {FileId} of case {CaseId} failed its hash check", file.Id, caseId);
            throw new DomainException(ErrorKind.Corrupted, "evidence-corrupted",
                hashes is null
                    ? $"文件“{file.FileName}”在存储中缺失，请联系系统管理员。"
                    : $"文件“{file.FileName}”的内容与登记的 SHA-256/SM3 哈希不符，可能已损坏或被篡改，已拒绝下载。请联系系统管理员。");
        }
        return (file, store.OpenRead(file.StoredName));
    }

    /// <summary>A case's evidence the actor may see (each stage's evidence follows that stage's disclosure), oldest first.</summary>
    public static async Task<IReadOnlyList<EvidenceView>> VisibleAsync(SafeHarborDb db, Case c, Actor actor, CancellationToken ct)
    {
        var files = await db.Set<EvidenceFile>().AsNoTracking().Where(f => f.CaseId == c.Id).OrderBy(f => f.UploadedAt).ToListAsync(ct);
        return files.Where(f => actor.Shows(c, CaseDisclosure.SectionOfEvidence(f.Stage))).Select(ToView).ToList();
    }

    public static EvidenceView ToView(EvidenceFile f) =>
        new(f.Id, f.FileName, f.ContentType, f.Size, f.Sha256, f.Sm3, f.Description, f.Stage, f.UploadedAt);
}
