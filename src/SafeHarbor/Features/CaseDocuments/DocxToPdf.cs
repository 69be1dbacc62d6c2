using SafeHarbor.Documents;

namespace SafeHarbor.Features.CaseDocuments;

/// <summary>DOCX → PDF; LibreOffice in production, something else in a test.</summary>
public interface IDocxToPdf
{
    Task<byte[]> ConvertAsync(byte[] docx, CancellationToken ct);
}

/// <summary>LibreOffice headless (<see cref="PdfConverter"/>), found again at each conversion from <c>Documents:LibreOffice</c> or the PATH.</summary>
public sealed class LibreOfficeDocxToPdf(IConfiguration configuration) : IDocxToPdf
{
    public Task<byte[]> ConvertAsync(byte[] docx, CancellationToken ct) =>
        new PdfConverter(configuration["Documents:LibreOffice"]).ConvertAsync(docx, ct);
}
