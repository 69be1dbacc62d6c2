using System.Security.Cryptography;

namespace SafeHarbor.Features.CaseDocuments;

/// <summary>
/// The DOCX of each job and the PDF made from it, as <c>{job id}.docx</c> and <c>{job id}.pdf</c> under
/// <c>Documents:PdfDirectory</c> (default <c>data/documents</c>; a relative path is under the working
/// directory). Files are written whole under a temporary name and then renamed.
/// </summary>
public sealed class PdfStore(IConfiguration configuration)
{
    public const string DefaultDirectory = "data/documents";

    public string RootDirectory => Path.GetFullPath(configuration["Documents:PdfDirectory"] is { Length: > 0 } dir ? dir : DefaultDirectory);

    private string PathOf(Guid jobId, string extension) => Path.Combine(RootDirectory, jobId.ToString("N") + extension);

    public Task SaveDocxAsync(Guid jobId, byte[] docx, CancellationToken ct) => WriteAsync(PathOf(jobId, ".docx"), docx, ct);

    public Task<byte[]?> ReadDocxAsync(Guid jobId, CancellationToken ct) => ReadAsync(PathOf(jobId, ".docx"), ct);

    /// <summary>Stores the PDF and answers its SHA-256 (lower-case hex) and size.</summary>
    public async Task<(string Sha256, long Size)> SavePdfAsync(Guid jobId, byte[] pdf, CancellationToken ct)
    {
        await WriteAsync(PathOf(jobId, ".pdf"), pdf, ct);
        return (Convert.ToHexStringLower(SHA256.HashData(pdf)), pdf.LongLength);
    }

    /// <summary>The stored PDF if it is there and still has the SHA-256 recorded for it; null otherwise.</summary>
    public async Task<byte[]?> ReadPdfCheckedAsync(Guid jobId, string? sha256, CancellationToken ct)
    {
        var pdf = await ReadAsync(PathOf(jobId, ".pdf"), ct);
        return pdf is not null && sha256 is not null && Convert.ToHexStringLower(SHA256.HashData(pdf)) == sha256 ? pdf : null;
    }

    public void Delete(Guid jobId)
    {
        foreach (var extension in new[] { ".docx", ".pdf" })
        {
            File.Delete(PathOf(jobId, extension));
        }
    }

    private static async Task WriteAsync(string path, byte[] content, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await File.WriteAllBytesAsync(temporary, content, ct);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static async Task<byte[]?> ReadAsync(string path, CancellationToken ct)
    {
        try
        {
            return await File.ReadAllBytesAsync(path, ct);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }
}
