using SafeHarbor.Cases;
using SafeHarbor.Documents;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.CaseDocuments;

/// <summary>A case document as DOCX (GB/T 9704-2012 layout), issuing its number the first time; only a document the actor may see.</summary>
public static class DownloadDocument
{
    /// <param name="kind">The document's slug (<see cref="DocumentKinds"/>); 404 for an unknown one.</param>
    /// <param name="instance">Which guidance request or supplement notice (from 0; the latest by default).</param>
    public static async Task<CaseDocumentService.Rendered> HandleAsync(Guid caseId, string kind, int? instance, Actor actor, SafeHarborDb db, CaseDocumentService documents, CancellationToken ct)
    {
        if (!DocumentKinds.TryParse(kind, out var parsed))
        {
            throw DomainException.NotFound("document-kind-unknown", $"没有“{kind}”这种公文。可用：{string.Join("、", Enum.GetValues<DocumentKind>().Select(k => k.Slug()))}。");
        }
        var c = await db.LoadVisibleCaseAsync(caseId, actor, ct);
        actor.EnsureShows(c, CaseDisclosure.SectionOf(parsed));
        try
        {
            return await documents.RenderDocxAsync(c, parsed, instance, actor, ct);
        }
        catch (DocumentUnavailableException e)
        {
            throw DomainException.Conflict("document-unavailable", e.Message);
        }
        catch (TemplateException e)
        {
            throw new DomainException(ErrorKind.Corrupted, "template-invalid", e.Message);
        }
    }
}
