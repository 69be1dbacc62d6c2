using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Evidence;

public static class ListEvidence
{
    /// <summary>A case's evidence the actor may see (each stage's evidence follows that stage's disclosure), oldest first.</summary>
    public static async Task<IReadOnlyList<EvidenceView>> HandleAsync(SafeHarborDb db, Case c, Actor actor, CancellationToken ct)
    {
        var files = await db.Set<EvidenceFile>().AsNoTracking().Where(f => f.CaseId == c.Id).OrderBy(f => f.UploadedAt).ToListAsync(ct);
        return files.Where(f => actor.Shows(c, CaseDisclosure.SectionOfEvidence(f.Stage))).Select(EvidenceView.Of).ToList();
    }
}
