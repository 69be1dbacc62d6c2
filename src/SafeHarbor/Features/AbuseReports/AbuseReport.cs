using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SafeHarbor.Features.AbuseReports;

/// <summary>Art. 10: the kinds of abuse of flexible enforcement the measures forbid.</summary>
public enum AbuseKind
{
    /// <summary>吃拿卡要.</summary>
    Extortion,
    /// <summary>徇私舞弊.</summary>
    Favouritism,
    /// <summary>办人情案.</summary>
    FavourCase,
    /// <summary>其他侵害群众利益和影响履职尽责的行为.</summary>
    OtherHarm,
}

public enum AbuseReportStatus
{
    Open,
    Substantiated,
    Unsubstantiated,
}

public static class AbuseNames
{
    public static string Chinese(this AbuseKind kind) => kind switch
    {
        AbuseKind.Extortion => "吃拿卡要",
        AbuseKind.Favouritism => "徇私舞弊",
        AbuseKind.FavourCase => "办人情案",
        AbuseKind.OtherHarm => "其他侵害群众利益和影响履职尽责的行为",
        _ => kind.ToString(),
    };

    public static string Chinese(this AbuseReportStatus status) => status switch
    {
        AbuseReportStatus.Open => "核查中",
        AbuseReportStatus.Substantiated => "查实",
        AbuseReportStatus.Unsubstantiated => "查否",
        _ => status.ToString(),
    };
}

/// <summary>A report that someone used flexible enforcement as cover (Art. 10), against a person and/or a case.</summary>
public sealed class AbuseReport
{
    public Guid Id { get; set; }
    public Guid? PersonId { get; set; }
    public Guid? CaseId { get; set; }
    public AbuseKind Kind { get; set; }
    public required string Description { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public Guid RecordedBy { get; set; }
    public AbuseReportStatus Status { get; set; }
    public string? Conclusion { get; set; }
    public DateOnly? ConcludedOn { get; set; }
    public Guid? ConcludedBy { get; set; }
}

internal sealed class AbuseReportConfiguration : IEntityTypeConfiguration<AbuseReport>
{
    public void Configure(EntityTypeBuilder<AbuseReport> b)
    {
        b.ToTable("AbuseReports");
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Description).HasMaxLength(3000);
        b.Property(r => r.Conclusion).HasMaxLength(3000);
        b.HasIndex(r => r.PersonId);
        b.HasIndex(r => r.CaseId);
    }
}
