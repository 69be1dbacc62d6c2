using SafeHarbor.Cases;
using SafeHarbor.Documents;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.CaseDocuments;

/// <summary>
/// The PDF use cases (<see cref="RequestPdf"/>, <see cref="GetPdfJob"/>, <see cref="DownloadPdf"/>, <see cref="LatestPdfJobs"/>)
/// with their services, for the case page (CaseFiles), which asks for it by type; the endpoints call the use cases.
/// </summary>
public sealed class PdfJobService(SafeHarborDb db, CaseDocumentService documents, PdfStore store, PdfJobSignal signal, WriteLock writeLock, TimeProvider time)
{
    public Task<PdfJobView> RequestAsync(Guid caseId, string kind, int? instance, Actor actor, CancellationToken ct) =>
        RequestPdf.HandleAsync(caseId, kind, instance, actor, db, documents, store, signal, writeLock, time, ct);

    public Task<PdfJobView> GetAsync(Guid jobId, Actor actor, CancellationToken ct) => GetPdfJob.HandleAsync(jobId, actor, db, ct);

    public Task<(PdfJobView Job, byte[] Pdf)> OpenPdfAsync(Guid jobId, Actor actor, CancellationToken ct) => DownloadPdf.HandleAsync(jobId, actor, db, store, ct);

    public Task<IReadOnlyDictionary<(DocumentKind Kind, int Instance), PdfJobView>> LatestForCaseAsync(Guid caseId, CancellationToken ct) =>
        LatestPdfJobs.HandleAsync(caseId, db, ct);
}
