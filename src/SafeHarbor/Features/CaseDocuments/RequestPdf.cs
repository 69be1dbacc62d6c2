using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Documents;
using SafeHarbor.Features.Verification;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.CaseDocuments;

/// <summary>
/// Asks for the PDF of a case document. Asking renders the DOCX at once (issuing its number as the DOCX
/// download does, <see cref="DownloadDocument"/>), then finds the job for that DOCX — done, queued or running — or
/// queues a new one; a failed job, or a done one whose file is gone, is queued again.
/// </summary>
public static class RequestPdf
{
    public static async Task<PdfJobView> HandleAsync(
        Guid caseId, string kind, int? instance, Actor actor, SafeHarborDb db, CaseDocumentService documents, PdfStore store,
        PdfJobSignal signal, WriteLock writeLock, TimeProvider time, CancellationToken ct)
    {
        var rendered = await DownloadDocument.HandleAsync(caseId, kind, instance, actor, db, documents, ct);
        // The instance the DOCX is, as the document number is issued for it: the latest one by default.
        var index = instance ?? Math.Max(0, await InstancesAsync(db, caseId, rendered.Kind, ct) - 1);
        var hash = DocxContentHash.Of(rendered.Content);
        var requeue = false;
        DocumentJob? job;
        using (await writeLock.AcquireAsync(ct))
        {
            db.ChangeTracker.Clear();
            job = await FindAsync(db, caseId, rendered.Kind, index, hash, ct);
            if (job is null)
            {
                job = new DocumentJob
                {
                    Id = Guid.NewGuid(), CaseId = caseId, Kind = rendered.Kind, Instance = index, DocxSha256 = hash,
                    DocumentNumber = rendered.Number, FileName = Path.ChangeExtension(rendered.FileName, ".pdf"),
                    Status = DocumentJobStatus.Pending, RequestedById = RequesterId(actor), RequestedByName = actor.DisplayName,
                    RequestedAt = time.GetUtcNow().ToUniversalTime(),
                };
                await store.SaveDocxAsync(job.Id, rendered.Content, ct);
                db.Add(job);
                try
                {
                    await db.SaveChangesAsync(ct);
                    requeue = true;
                }
                catch (DbUpdateException)
                {
                    // Another process queued the same DOCX a moment ago: that job is the one.
                    await store.DeleteDocxAsync(job.Id, CancellationToken.None);
                    db.ChangeTracker.Clear();
                    job = await FindAsync(db, caseId, rendered.Kind, index, hash, ct);
                    if (job is null)
                    {
                        throw;
                    }
                }
            }
            else if (job.Status == DocumentJobStatus.Failed
                     || (job.Status == DocumentJobStatus.Done && await store.ReadPdfCheckedAsync(job.Id, job.PdfSha256, ct) is null))
            {
                await store.SaveDocxAsync(job.Id, rendered.Content, ct);
                var was = job.Status;
                var now = time.GetUtcNow().ToUniversalTime();
                var requester = RequesterId(actor);
                // Only from the state read: a worker elsewhere that took the job meanwhile keeps it.
                await db.Set<DocumentJob>().Where(j => j.Id == job.Id && j.Status == was).ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.Status, DocumentJobStatus.Pending)
                    .SetProperty(j => j.Error, (string?)null)
                    .SetProperty(j => j.StartedAt, (DateTimeOffset?)null)
                    .SetProperty(j => j.FinishedAt, (DateTimeOffset?)null)
                    .SetProperty(j => j.PdfSha256, (string?)null)
                    .SetProperty(j => j.PdfSize, (long?)null)
                    .SetProperty(j => j.RequestedAt, now)
                    .SetProperty(j => j.RequestedById, requester)
                    .SetProperty(j => j.RequestedByName, actor.DisplayName), ct);
                db.ChangeTracker.Clear();
                job = await db.Set<DocumentJob>().AsNoTracking().SingleAsync(j => j.Id == job.Id, ct);
                requeue = true;
            }
        }
        if (requeue)
        {
            signal.Notify();
        }
        return PdfJobView.Of(job);
    }

    private static Task<DocumentJob?> FindAsync(SafeHarborDb db, Guid caseId, DocumentKind kind, int instance, string hash, CancellationToken ct) =>
        db.Set<DocumentJob>().AsNoTracking().SingleOrDefaultAsync(j => j.CaseId == caseId && j.Kind == kind && j.Instance == instance && j.DocxSha256 == hash, ct);

    private static async Task<int> InstancesAsync(SafeHarborDb db, Guid caseId, DocumentKind kind, CancellationToken ct) => kind switch
    {
        DocumentKind.GuidanceRequest => await db.Set<GuidanceRequest>().CountAsync(g => g.CaseId == caseId, ct),
        DocumentKind.SupplementNotice => await db.Set<SupplementRequest>().CountAsync(s => s.CaseId == caseId, ct),
        _ => 1,
    };

    private static Guid? RequesterId(Actor actor) => actor.UserId == Guid.Empty ? null : actor.UserId;
}
