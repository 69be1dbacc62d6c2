using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Evidence;

/// <summary>Uploads one evidence file: refused before the body is read when the case does not allow it, streamed into the store, hashed, recorded on the case.</summary>
public static class UploadEvidence
{
    /// <summary>
    /// Streams one multipart file into the store and records it on the case; pages and the API both
    /// use it. Answers the file and the case's new version (an upload is a recorded step).
    /// </summary>
    public static async Task<(EvidenceView View, int CaseVersion)> HandleAsync(Guid caseId, HttpContext http, Actor actor, SafeHarborDb db, CommandRunner runner, PolicyCatalog policies, EvidenceStore store, CancellationToken ct)
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
                    fileName = EvidenceStore.SafeName(HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value);
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
                return (EvidenceView.Of(evidence), tracked.Version);
            }, ct);
            return view;
        }
        catch
        {
            if (stored is not null)
            {
                await store.DeleteAsync(stored.StoredName, CancellationToken.None);
            }
            throw;
        }
    }
}
