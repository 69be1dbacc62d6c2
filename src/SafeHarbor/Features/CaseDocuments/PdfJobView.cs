using SafeHarbor.Documents;

namespace SafeHarbor.Features.CaseDocuments;

/// <summary>A PDF job as the API and the case page show it.</summary>
public sealed record PdfJobView(
    Guid JobId,
    DocumentJobStatus Status,
    string StatusName,
    Guid CaseId,
    string Kind,
    string KindName,
    int Instance,
    string? DocumentNumber,
    string FileName,
    string DocxSha256,
    string? Error,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    int Attempts,
    string? PdfSha256,
    long? PdfSize,
    string StatusUrl,
    string? PdfUrl)
{
    public bool InProgress => Status is DocumentJobStatus.Pending or DocumentJobStatus.Running;

    public static PdfJobView Of(DocumentJob j) => new(
        j.Id, j.Status, j.Status.Chinese(), j.CaseId, j.Kind.Slug(), j.Kind.Chinese(), j.Instance, j.DocumentNumber, j.FileName, j.DocxSha256,
        j.Error, j.RequestedByName, j.RequestedAt, j.StartedAt, j.FinishedAt, j.Attempts, j.PdfSha256, j.PdfSize,
        $"/api/document-jobs/{j.Id}", j.Status == DocumentJobStatus.Done ? $"/api/document-jobs/{j.Id}/pdf" : null);
}
