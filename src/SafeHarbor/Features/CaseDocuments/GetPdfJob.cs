using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.CaseDocuments;

/// <summary>A PDF job's status. Only users who may see the case and the document reach its jobs; to everyone else they do not exist.</summary>
public static class GetPdfJob
{
    public static async Task<PdfJobView> HandleAsync(Guid jobId, Actor actor, SafeHarborDb db, CancellationToken ct) =>
        PdfJobView.Of(await LoadVisibleAsync(jobId, actor, db, ct));

    /// <summary>The job, if the actor may see its case and its document (404 otherwise, 403 for an undisclosed document).</summary>
    internal static async Task<DocumentJob> LoadVisibleAsync(Guid jobId, Actor actor, SafeHarborDb db, CancellationToken ct)
    {
        var job = await db.Set<DocumentJob>().AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, ct);
        var c = job is null ? null : await db.Cases.AsNoTracking().Where(CaseAccess.VisibleTo(actor)).SingleOrDefaultAsync(c => c.Id == job.CaseId, ct);
        if (job is null || c is null)
        {
            throw DomainException.NotFound("document-job-not-found", "找不到该 PDF 生成任务，或您无权查看。");
        }
        actor.EnsureShows(c, CaseDisclosure.SectionOf(job.Kind));
        return job;
    }
}
