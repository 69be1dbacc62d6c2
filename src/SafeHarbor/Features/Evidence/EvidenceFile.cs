using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Evidence;

/// <summary>An evidence file of a case, kept with its SHA-256 and SM3 so any change to the stored bytes is detected.</summary>
public sealed class EvidenceFile : IBureauOwned
{
    public Guid BureauId { get; set; }

    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public required string Sm3 { get; set; }
    public required string StoredName { get; set; }
    public required string Description { get; set; }
    public required string Stage { get; set; }
    public Guid UploadedBy { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}

internal sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> b)
    {
        b.ToTable("EvidenceFiles");
        b.Property(f => f.FileName).HasMaxLength(255);
        b.Property(f => f.ContentType).HasMaxLength(100);
        b.Property(f => f.Sha256).HasMaxLength(64);
        b.Property(f => f.Sm3).HasMaxLength(64);
        b.Property(f => f.StoredName).HasMaxLength(100);
        b.Property(f => f.Description).HasMaxLength(500);
        b.Property(f => f.Stage).HasMaxLength(20);
        b.HasIndex(f => f.CaseId);
    }
}
