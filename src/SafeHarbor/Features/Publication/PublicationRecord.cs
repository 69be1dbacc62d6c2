using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Publication;

/// <summary>How an exemption was made known (Art. 5(5)).</summary>
public enum PublicationMethod
{
    /// <summary>召开会议.</summary>
    Meeting,
    /// <summary>书面通报.</summary>
    Circular,
}

public static class PublicationMethodNames
{
    public static string Chinese(this PublicationMethod method) => method == PublicationMethod.Meeting ? "召开会议" : "书面通报";
}

public sealed class PublicationRecord : IBureauOwned
{
    public Guid BureauId { get; set; }

    public Guid CaseId { get; set; }
    public PublicationMethod Method { get; set; }
    public required string Scope { get; set; }
    public DateOnly PublishedOn { get; set; }
    public string? Reference { get; set; }
    public Guid RecordedBy { get; set; }
}

internal sealed class PublicationRecordConfiguration : IEntityTypeConfiguration<PublicationRecord>
{
    public void Configure(EntityTypeBuilder<PublicationRecord> b)
    {
        b.ToTable("PublicationRecords");
        b.HasKey(p => p.CaseId);
        b.Property(p => p.Method).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Scope).HasMaxLength(200);
        b.Property(p => p.Reference).HasMaxLength(200);
    }
}
