using SafeHarbor.Documents;

namespace SafeHarbor.Features.CaseDocuments;

/// <summary>What the case page shows for the PDF of one document (the partial <c>_PdfJob</c>).</summary>
public sealed record PdfSlot(Guid CaseId, DocumentKind Kind, int Instance, PdfJobView? Job, string? Refusal = null)
{
    /// <summary>The slot of a job's document, showing the job.</summary>
    public static PdfSlot Of(PdfJobView job) =>
        new(job.CaseId, DocumentKinds.TryParse(job.Kind, out var kind) ? kind : throw new InvalidOperationException($"unknown kind {job.Kind}"), job.Instance, job);

    /// <summary>Documents a case can have several of; the others have instance 0.</summary>
    public static bool IsPerInstance(DocumentKind kind) => kind is DocumentKind.GuidanceRequest or DocumentKind.SupplementNotice;

    public string Slug => Kind.Slug();

    /// <summary>The HTML id of the slot, which htmx replaces.</summary>
    public string ElementId => $"pdf-{Slug}-{Instance}";

    /// <summary>The page handler that asks for the PDF; the instance only for documents a case has several of.</summary>
    public string RequestUrl => $"/Cases/{CaseId}?handler=Pdf&kind={Slug}" + (IsPerInstance(Kind) ? $"&instance={Instance}" : "");

    public string? PollUrl => Job is { InProgress: true } j ? $"/Cases/{CaseId}?handler=PdfJob&jobId={j.JobId}" : null;

    public string? DownloadUrl => Job is { Status: DocumentJobStatus.Done } j ? $"/Cases/{CaseId}?handler=PdfFile&jobId={j.JobId}" : null;
}
