using System.Security.Cryptography;
using SafeHarbor.Infrastructure.Storage;

namespace SafeHarbor.Features.CaseDocuments;

/// <summary>
/// The DOCX of each job and the PDF made from it, in the shared file store (<see cref="IFileStore"/>):
/// <c>documents/{job id}.docx</c> and <c>documents/{job id}.{SHA-256}.pdf</c>. The PDF is named by its
/// content, so a converter that lost its job's lease (<see cref="PdfJobProcessor"/>) can never replace
/// the file the job's new owner recorded.
/// </summary>
public sealed class PdfStore(IFileStore files)
{
    private static string DocxKey(Guid jobId) => $"documents/{jobId:N}.docx";

    private static string PdfKey(Guid jobId, string sha256) => $"documents/{jobId:N}.{sha256}.pdf";

    public Task SaveDocxAsync(Guid jobId, byte[] docx, CancellationToken ct) => files.PutAsync(DocxKey(jobId), docx, ct);

    public Task<byte[]?> ReadDocxAsync(Guid jobId, CancellationToken ct) => files.ReadAllAsync(DocxKey(jobId), ct);

    /// <summary>Stores the PDF and answers its SHA-256 (lower-case hex) and size.</summary>
    public async Task<(string Sha256, long Size)> SavePdfAsync(Guid jobId, byte[] pdf, CancellationToken ct)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf));
        await files.PutAsync(PdfKey(jobId, sha256), pdf, ct);
        return (sha256, pdf.LongLength);
    }

    /// <summary>The stored PDF if it is there and still has the SHA-256 recorded for it; null otherwise.</summary>
    public async Task<byte[]?> ReadPdfCheckedAsync(Guid jobId, string? sha256, CancellationToken ct)
    {
        if (sha256 is null || sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }
        var pdf = await files.ReadAllAsync(PdfKey(jobId, sha256), ct);
        return pdf is not null && Convert.ToHexStringLower(SHA256.HashData(pdf)) == sha256 ? pdf : null;
    }

    /// <summary>Removes a job's DOCX (a job that was never recorded).</summary>
    public Task DeleteDocxAsync(Guid jobId, CancellationToken ct) => files.DeleteAsync(DocxKey(jobId), ct);
}
