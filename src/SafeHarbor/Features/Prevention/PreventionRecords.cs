using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Prevention;

/// <summary>What a threshold counts cases by (Art. 9: 同一类问题频繁出现或同一领域集中出现).</summary>
public enum PreventionDimension
{
    BusinessField,
    Unit,
    ErrorKind,

    /// <summary>
    /// One kind of error in one business field ("three cases of one kind in one field"); the value is
    /// <c>业务领域/失误类型</c>. Stored as text like the others, so it needs no schema change.
    /// </summary>
    FieldAndKind,
}

/// <summary>
/// A threshold the policy owner sets: <see cref="Count"/> cases of one value of the dimension within
/// <see cref="Months"/> months flags it (e.g. three cases of one kind in one field within 12 months).
/// </summary>
public sealed class PreventionThreshold : IBureauOwned
{
    public Guid BureauId { get; set; }

    public Guid Id { get; set; }
    public PreventionDimension Dimension { get; set; }

    /// <summary>One value of the dimension (a field, a unit name, a kind of error), or null for every value.</summary>
    public string? Value { get; set; }
    public int Count { get; set; }
    public int Months { get; set; }
    public bool Active { get; set; } = true;
    public Guid SetBy { get; set; }
    public DateOnly SetOn { get; set; }
}

/// <summary>风险点: an error-prone point the party group identified, the units concerned and the measures.</summary>
public sealed class RiskPoint : IBureauOwned
{
    public Guid BureauId { get; set; }

    public Guid Id { get; set; }
    public required string Title { get; set; }
    public required string Description { get; set; }
    public required string BusinessField { get; set; }
    public string? ErrorKind { get; set; }
    public required string Measures { get; set; }
    public DateOnly IdentifiedOn { get; set; }
    public Guid RecordedBy { get; set; }
    public List<RiskPointUnit> Units { get; set; } = [];
}

public sealed class RiskPointUnit
{
    public Guid UnitId { get; set; }
    public required string UnitName { get; set; }
}

/// <summary>警示提醒 issued to units; each unit's acknowledgement is recorded.</summary>
public sealed class WarningNotice : IBureauOwned
{
    public Guid BureauId { get; set; }

    public Guid Id { get; set; }
    public required string Title { get; set; }
    public required string Text { get; set; }
    public Guid? RiskPointId { get; set; }
    public DateOnly IssuedOn { get; set; }
    public Guid IssuedBy { get; set; }
    public List<WarningRecipient> Recipients { get; set; } = [];
}

public sealed class WarningRecipient
{
    public Guid UnitId { get; set; }
    public required string UnitName { get; set; }
    public DateOnly? AcknowledgedOn { get; set; }
    public string? AcknowledgedBy { get; set; }
    public string? Comment { get; set; }
}

internal sealed class PreventionConfiguration :
    IEntityTypeConfiguration<PreventionThreshold>, IEntityTypeConfiguration<RiskPoint>, IEntityTypeConfiguration<WarningNotice>
{
    public void Configure(EntityTypeBuilder<PreventionThreshold> b)
    {
        b.ToTable("PreventionThresholds");
        b.Property(x => x.Dimension).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Value).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<RiskPoint> b)
    {
        b.ToTable("RiskPoints");
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Description).HasMaxLength(3000);
        b.Property(x => x.BusinessField).HasMaxLength(50);
        b.Property(x => x.ErrorKind).HasMaxLength(50);
        b.Property(x => x.Measures).HasMaxLength(3000);
        b.OwnsMany(x => x.Units, u =>
        {
            u.ToTable("RiskPointUnits");
            u.WithOwner().HasForeignKey("RiskPointId");
            u.HasKey("RiskPointId", nameof(RiskPointUnit.UnitId));
            u.Property(x => x.UnitName).HasMaxLength(100);
        });
        b.Navigation(x => x.Units).AutoInclude();
    }

    public void Configure(EntityTypeBuilder<WarningNotice> b)
    {
        b.ToTable("WarningNotices");
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Text).HasMaxLength(5000);
        b.OwnsMany(x => x.Recipients, r =>
        {
            r.ToTable("WarningRecipients");
            r.WithOwner().HasForeignKey("WarningNoticeId");
            r.HasKey("WarningNoticeId", nameof(WarningRecipient.UnitId));
            r.Property(x => x.UnitName).HasMaxLength(100);
            r.Property(x => x.AcknowledgedBy).HasMaxLength(50);
            r.Property(x => x.Comment).HasMaxLength(1000);
            r.HasIndex(x => x.UnitId);
        });
        b.Navigation(x => x.Recipients).AutoInclude();
    }
}
