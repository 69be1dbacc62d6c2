using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Evidence;

/// <summary>Downloads an evidence file only when both its hashes still match the ones recorded at upload.</summary>
public static class OpenEvidence
{
    /// <summary>Opens a file of a case the actor may see, after checking both hashes against the stored ones.</summary>
    public static async Task<(EvidenceFile File, Stream Content)> HandleAsync(Guid caseId, Guid fileId, Actor actor, SafeHarborDb db, EvidenceStore store, ILoggerFactory logs, CancellationToken ct)
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
        return (file, await store.OpenReadAsync(file.StoredName, ct));
    }
}
