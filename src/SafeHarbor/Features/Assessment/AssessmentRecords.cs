using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafeHarbor.Cases;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Assessment;

/// <summary>Grades of the civil-service appraisal (Art. 12).</summary>
public enum Grade
{
    Excellent,
    Competent,
    BasicallyCompetent,
    Incompetent,
}

public enum PeriodKind
{
    /// <summary>年度考核.</summary>
    Annual,
    /// <summary>平时考核（季度）.</summary>
    Quarterly,
}

/// <summary>
/// An assessment scheme the personnel section maintains: indicators that differ by unit type and
/// post (体现差异化要求), the grade lines and the quota for 优秀, and the result uses that protect
/// exempted matters from deductions.
/// </summary>
public sealed class AssessmentScheme : IBureauOwned
{
    public Guid BureauId { get; set; }

    public Guid Id { get; set; }
    public required string Name { get; set; }
    public List<UnitType> UnitTypes { get; set; } = [];

    /// <summary>Applies to posts containing this text (e.g. 执法); null for every post.</summary>
    public string? PostKeyword { get; set; }
    public bool LeadersOnly { get; set; }
    public List<Indicator> Indicators { get; set; } = [];
    public decimal ExcellentLine { get; set; } = 90;
    public decimal CompetentLine { get; set; } = 75;
    public decimal BasicLine { get; set; } = 60;

    /// <summary>At most this share of those assessed in a unit and period may be 优秀.</summary>
    public int ExcellentQuotaPercent { get; set; } = 20;

    /// <summary>Result-use codes (policy resultUses) under which an exempted matter may not be deducted.</summary>
    public List<string> ProtectedByUses { get; set; } = [];
    public bool Active { get; set; } = true;
}

public sealed class Indicator
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public decimal MaxScore { get; set; }
    public string? Description { get; set; }
}

/// <summary>An appraisal period: open while people are scored and graded; closed once, by <see cref="Close"/>, and then read-only.</summary>
public sealed class AssessmentPeriod : IBureauOwned
{
    public Guid BureauId { get; set; }

    public Guid Id { get; set; }
    public PeriodKind Kind { get; set; }
    public int Year { get; set; }
    public int? Quarter { get; set; }
    public required string Name { get; set; }
    public bool Closed { get; private set; }

    /// <summary>Refuses any change to the assessments of a closed period: its grades are the ones reported.</summary>
    public void EnsureOpen()
    {
        if (Closed)
        {
            throw DomainException.Conflict("period-closed", $"{Name}已关闭，考核结果只读，不能再修改。");
        }
    }

    /// <summary>Closes the period; only with people assessed and every grade final (<paramref name="notFinal"/> counts those unset or no longer matching the scores).</summary>
    public void Close(int assessed, int notFinal)
    {
        EnsureOpen();
        if (assessed == 0)
        {
            throw DomainException.Conflict("nobody-assessed", $"{Name}尚无考核人员，不能关闭。");
        }
        if (notFinal > 0)
        {
            throw DomainException.Conflict("grades-not-final", $"{Name}有 {notFinal} 人的等次尚未评定或与当前分数不一致，请先评定等次再关闭考核期。");
        }
        Closed = true;
    }
}

/// <summary>One person's assessment in a period: indicator scores, deductions with reasons, total and grade.</summary>
public sealed class PersonAssessment : IBureauOwned
{
    public Guid BureauId { get; set; }

    public Guid Id { get; set; }
    public Guid PeriodId { get; set; }
    public Guid PersonId { get; set; }
    public Guid UnitId { get; set; }
    public Guid SchemeId { get; set; }
    public List<IndicatorScore> Scores { get; set; } = [];
    public List<Deduction> Deductions { get; set; } = [];
    public decimal Total { get; set; }
    public Grade? Grade { get; set; }
    public string? Comment { get; set; }
    public int Version { get; set; }
}

public sealed class IndicatorScore
{
    public required string Code { get; set; }
    public decimal Score { get; set; }
}

public sealed class Deduction
{
    public Guid Id { get; set; }
    public decimal Points { get; set; }
    public required string Reason { get; set; }

    /// <summary>The accountability matter the deduction is for, if any.</summary>
    public Guid? CaseId { get; set; }
    public Guid RecordedBy { get; set; }
    public DateOnly RecordedOn { get; set; }
}

internal sealed class AssessmentConfiguration :
    IEntityTypeConfiguration<AssessmentScheme>, IEntityTypeConfiguration<AssessmentPeriod>, IEntityTypeConfiguration<PersonAssessment>
{
    public void Configure(EntityTypeBuilder<AssessmentScheme> b)
    {
        b.ToTable("AssessmentSchemes");
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.PostKeyword).HasMaxLength(50);
        b.Property(x => x.ExcellentLine).HasPrecision(6, 2);
        b.Property(x => x.CompetentLine).HasPrecision(6, 2);
        b.Property(x => x.BasicLine).HasPrecision(6, 2);
        b.PrimitiveCollection(x => x.UnitTypes);
        b.PrimitiveCollection(x => x.ProtectedByUses);
        b.OwnsMany(x => x.Indicators, i =>
        {
            i.ToTable("AssessmentIndicators");
            i.WithOwner().HasForeignKey("SchemeId");
            i.HasKey("SchemeId", nameof(Indicator.Code));
            i.Property(x => x.Code).HasMaxLength(30);
            i.Property(x => x.Name).HasMaxLength(100);
            i.Property(x => x.MaxScore).HasPrecision(6, 2);
            i.Property(x => x.Description).HasMaxLength(500);
        });
        b.Navigation(x => x.Indicators).AutoInclude();
    }

    public void Configure(EntityTypeBuilder<AssessmentPeriod> b)
    {
        b.ToTable("AssessmentPeriods");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Name).HasMaxLength(50);
        b.HasIndex(x => new { x.BureauId, x.Kind, x.Year, x.Quarter }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<PersonAssessment> b)
    {
        b.ToTable("PersonAssessments");
        b.HasIndex(x => new { x.PeriodId, x.PersonId }).IsUnique();
        b.Property(x => x.Total).HasPrecision(6, 2);
        b.Property(x => x.Grade).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Comment).HasMaxLength(1000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.OwnsMany(x => x.Scores, s =>
        {
            s.ToTable("AssessmentScores");
            s.WithOwner().HasForeignKey("AssessmentId");
            s.HasKey("AssessmentId", nameof(IndicatorScore.Code));
            s.Property(x => x.Code).HasMaxLength(30);
            s.Property(x => x.Score).HasPrecision(6, 2);
        });
        b.OwnsMany(x => x.Deductions, d =>
        {
            d.ToTable("AssessmentDeductions");
            d.WithOwner().HasForeignKey("AssessmentId");
            d.HasKey(x => x.Id);
            d.Property(x => x.Points).HasPrecision(6, 2);
            d.Property(x => x.Reason).HasMaxLength(1000);
        });
        b.Navigation(x => x.Scores).AutoInclude();
        b.Navigation(x => x.Deductions).AutoInclude();
    }
}
