using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.CaseDocuments;

/// <summary>The documents a case can produce now, and why not the others; only those the actor may see.</summary>
public static class ListCaseDocuments
{
    public static async Task<IReadOnlyList<CaseDocumentService.Availability>> HandleAsync(Guid caseId, Actor actor, SafeHarborDb db, CaseDocumentService documents, CancellationToken ct) =>
        await documents.ListAsync(await db.LoadVisibleCaseAsync(caseId, actor, ct), actor, ct);
}
