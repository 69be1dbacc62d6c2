using Microsoft.EntityFrameworkCore;
using SafeHarbor.Documents;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.CaseDocuments;

/// <summary>The latest PDF job of each document of a case, for the case page.</summary>
public static class LatestPdfJobs
{
    /// <summary>Of a case the caller has already been allowed to see.</summary>
    public static async Task<IReadOnlyDictionary<(DocumentKind Kind, int Instance), PdfJobView>> HandleAsync(Guid caseId, SafeHarborDb db, CancellationToken ct)
    {
        var jobs = await db.Set<DocumentJob>().AsNoTracking().Where(j => j.CaseId == caseId).ToListAsync(ct);
        return jobs.GroupBy(j => (j.Kind, j.Instance))
            .ToDictionary(g => g.Key, g => PdfJobView.Of(g.OrderByDescending(j => j.RequestedAt).ThenByDescending(j => j.FinishedAt).First()));
    }
}
