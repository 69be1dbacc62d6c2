namespace SafeHarbor.Features.Evidence;

/// <summary>An evidence file as the API and the pages show it: its name, size, both hashes, and the stage it was handed in at.</summary>
public sealed record EvidenceView(
    Guid Id, string FileName, string ContentType, long Size, string Sha256, string Sm3, string Description, string Stage, DateTimeOffset UploadedAt)
{
    public static EvidenceView Of(EvidenceFile f) =>
        new(f.Id, f.FileName, f.ContentType, f.Size, f.Sha256, f.Sm3, f.Description, f.Stage, f.UploadedAt);
}
