using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafeHarbor.Cases;
using SafeHarbor.Organisation;

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

/// <summary>What 局机关纪委 concludes on a report.</summary>
public enum AbuseReportAction
{
    /// <summary>查实.</summary>
    Substantiate,
    /// <summary>查否.</summary>
    Dismiss,
}

public sealed record AbuseReportTransition(AbuseReportStatus From, AbuseReportAction Action, AbuseReportStatus To);

/// <summary>
/// Where a report may go. A report is concluded once: a substantiated report excludes exemption
/// (Art. 10), so its conclusion is not rewritten afterwards; a new fact is a new report.
/// </summary>
public static class AbuseReportTransitions
{
    public static IReadOnlyList<AbuseReportTransition> All { get; } =
    [
        new(AbuseReportStatus.Open, AbuseReportAction.Substantiate, AbuseReportStatus.Substantiated),
        new(AbuseReportStatus.Open, AbuseReportAction.Dismiss, AbuseReportStatus.Unsubstantiated),
    ];

    public static AbuseReportTransition? Find(AbuseReportStatus from, AbuseReportAction action) =>
        All.FirstOrDefault(t => t.From == from && t.Action == action);
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
public sealed class AbuseReport : IBureauOwned
{
    public Guid BureauId { get; set; }

    public Guid Id { get; set; }
    public Guid? PersonId { get; set; }
    public Guid? CaseId { get; set; }
    public AbuseKind Kind { get; set; }
    public required string Description { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public Guid RecordedBy { get; set; }

    /// <summary>Open (核查中) when recorded; changed only by <see cref="Conclude"/>, along <see cref="AbuseReportTransitions"/>.</summary>
    public AbuseReportStatus Status { get; private set; } = AbuseReportStatus.Open;
    public string? Conclusion { get; private set; }
    public DateOnly? ConcludedOn { get; private set; }
    public Guid? ConcludedBy { get; private set; }

    /// <summary>Records the conclusion of the investigation: 查实 or 查否, with who concluded it and when.</summary>
    public void Conclude(bool substantiated, string conclusion, Guid concludedBy, DateOnly today)
    {
        var action = substantiated ? AbuseReportAction.Substantiate : AbuseReportAction.Dismiss;
        // Every way out of the table starts from Open, so a missing row means the report already has its conclusion.
        var step = AbuseReportTransitions.Find(Status, action)
            ?? throw DomainException.Conflict("report-concluded", $"该举报已于 {ConcludedOn:yyyy-MM-dd} 作出结论（{Status.Chinese()}）。");
        Status = step.To;
        Conclusion = conclusion;
        ConcludedOn = today;
        ConcludedBy = concludedBy;
    }
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
