using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Archive;

/// <summary>Archive numbering in the style of DA/T 22 (全宗号-年度-保管期限-机构-件号); every part but the year and item is configurable.</summary>
public sealed class ArchiveOptions
{
    /// <summary>全宗号 of the bureau.</summary>
    public string Fonds { get; set; } = "J031";

    /// <summary>机构（问题）代码 of the filing body.</summary>
    public string OrganisationCode { get; set; } = "JGDW";

    /// <summary>保管期限 code when the archivist does not choose one: Y (永久), D30 (30年), D10 (10年).</summary>
    public string DefaultRetention { get; set; } = "D30";
}

public sealed record ManifestItem(string Kind, string Name, long Size, string Sha256, string Sm3);

/// <summary>Art. 5(6): the filing record: archive number, retention, every document with its hashes, the case's last audit hash.</summary>
public sealed class ArchiveRecord : IBureauOwned
{
    public Guid BureauId { get; set; }

    public Guid CaseId { get; set; }
    public required string ArchiveNumber { get; set; }
    public required string Retention { get; set; }
    public DateOnly ArchivedOn { get; set; }
    public Guid ArchivedBy { get; set; }
    public required string ManifestJson { get; set; }
    public required string AuditChainHash { get; set; }
    public string? Note { get; set; }
}

internal sealed class ArchiveRecordConfiguration : IEntityTypeConfiguration<ArchiveRecord>
{
    public void Configure(EntityTypeBuilder<ArchiveRecord> b)
    {
        b.ToTable("ArchiveRecords");
        b.HasKey(a => a.CaseId);
        b.Property(a => a.ArchiveNumber).HasMaxLength(60);
        b.HasIndex(a => new { a.BureauId, a.ArchiveNumber }).IsUnique();
        b.Property(a => a.Retention).HasMaxLength(10);
        b.Property(a => a.AuditChainHash).HasMaxLength(64);
        b.Property(a => a.Note).HasMaxLength(1000);
    }
}
