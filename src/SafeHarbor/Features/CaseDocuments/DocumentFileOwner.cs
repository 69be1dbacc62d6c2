using Microsoft.EntityFrameworkCore;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Storage;

namespace SafeHarbor.Features.CaseDocuments;

/// <summary>
/// A PDF job's files (<see cref="PdfStore"/>): its DOCX while the job exists, and the PDF whose SHA-256 the job records.
/// Anything else under <c>documents/</c> is a leftover: the DOCX of a job that never committed, or a PDF of a converter
/// that lost its lease or its job.
/// </summary>
public sealed class DocumentFileOwner(SafeHarborDb db) : IStoredFileOwner
{
    public string Prefix => "documents/";

    public async Task<IReadOnlyList<string>> UnreferencedAsync(IReadOnlyList<string> keys, CancellationToken ct)
    {
        // documents/{job id:N}.docx or documents/{job id:N}.{sha256}.pdf
        var parsed = keys.Select(k => (Key: k, Parts: k[Prefix.Length..].Split('.'))).ToList();
        var ids = parsed.Select(p => Guid.TryParseExact(p.Parts[0], "N", out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
        var jobs = new Dictionary<Guid, string?>();
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var job in await db.Set<DocumentJob>().IgnoreQueryFilters([SafeHarborDb.BureauFilter]).AsNoTracking()
                         .Where(j => chunk.Contains(j.Id)).Select(j => new { j.Id, j.PdfSha256 }).ToListAsync(ct))
            {
                jobs[job.Id] = job.PdfSha256;
            }
        }
        bool Referenced(string[] parts) =>
            Guid.TryParseExact(parts[0], "N", out var id) && jobs.TryGetValue(id, out var pdf) && parts switch
            {
                [_, "docx"] => true,
                [_, var sha, "pdf"] => sha == pdf,
                _ => false,
            };
        return parsed.Where(p => !Referenced(p.Parts)).Select(p => p.Key).ToList();
    }
}
