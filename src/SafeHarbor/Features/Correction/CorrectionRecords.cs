using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Correction;

/// <summary>个别谈话 with an exempted unit or person (Art. 8): who talked with whom, when, the points raised.</summary>
public sealed class CorrectionTalk : IBureauOwned
{
    public Guid BureauId { get; set; }

    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public required string Interviewee { get; set; }
    public Guid? IntervieweePersonId { get; set; }
    public DateOnly HeldOn { get; set; }
    public Guid TalkerPersonId { get; set; }
    public required string TalkerName { get; set; }
    public required string Place { get; set; }
    public required string Points { get; set; }
    public Guid RecordedBy { get; set; }
}

/// <summary>提醒函 sent (Art. 8), with the document number it carried.</summary>
public sealed class ReminderLetterSent : IBureauOwned
{
    public Guid BureauId { get; set; }

    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public required string Addressee { get; set; }
    public DateOnly SentOn { get; set; }
    public string? DocumentNumber { get; set; }
    public required string Points { get; set; }
    public Guid RecordedBy { get; set; }
}

/// <summary>The analysis of why the error happened (帮助分析原因, Art. 8).</summary>
public sealed class CauseAnalysis : IBureauOwned
{
    public Guid BureauId { get; set; }

    public Guid CaseId { get; set; }
    public required string Text { get; set; }
    public Guid RecordedBy { get; set; }
    public DateOnly RecordedOn { get; set; }
}

public enum PlanStatus
{
    Open,
    Closed,
}

/// <summary>
/// 整改措施 with owners and due dates, followed up until closed with evidence (督促制定整改措施并跟踪监督落实, Art. 8).
/// Open when made; closed once, by <see cref="Close"/>, and then read-only (<see cref="CorrectionRules.EnsureOpen"/>).
/// </summary>
public sealed class RectificationPlan : IBureauOwned
{
    public Guid BureauId { get; set; }

    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public PlanStatus Status { get; private set; } = PlanStatus.Open;
    public DateOnly CreatedOn { get; set; }
    public DateOnly? ClosedOn { get; private set; }
    public string? ClosureSummary { get; private set; }
    public int Version { get; set; }
    public List<RectificationMeasure> Measures { get; set; } = [];
    public List<FollowUpCheck> Checks { get; set; } = [];

    /// <summary>验收销号: only an open plan whose measures are all done and followed up (<see cref="CorrectionRules.WhyNotClosable"/>), with a summary of the evidence.</summary>
    public void Close(string? summary, DateOnly today)
    {
        CorrectionRules.EnsureOpen(this);
        if (CorrectionRules.WhyNotClosable(this) is { } why)
        {
            throw DomainException.Conflict("plan-not-closable", why);
        }
        new Validation().RequireText(summary, "summary", "整改完成情况和佐证材料", 3000).ThrowIfInvalid();
        Status = PlanStatus.Closed;
        ClosedOn = today;
        ClosureSummary = summary!.Trim();
        Version++;
    }
}

public sealed class RectificationMeasure
{
    public Guid Id { get; set; }
    public required string Text { get; set; }
    public Guid OwnerPersonId { get; set; }
    public required string OwnerName { get; set; }
    public int WorkingDays { get; set; }

    /// <summary>The day the working days were counted from (not counted itself); null on measures recorded before it was kept.</summary>
    public DateOnly? CountedFrom { get; set; }
    public DateOnly DueOn { get; set; }

    /// <summary>Why <see cref="DueOn"/> is 暂定 (counted through a year without a holiday notice); null when final.</summary>
    public string? DueProvisionalReason { get; set; }

    /// <summary>The due date with its provisional mark.</summary>
    public ComputedDate Due => new(DueOn, DueProvisionalReason);

    /// <summary>Set once, by <see cref="Complete"/>; whether it was late is read from it (<see cref="CorrectionRules.StateOf"/>).</summary>
    public DateOnly? DoneOn { get; private set; }
    public string? Evidence { get; private set; }

    /// <summary>The owner reports the measure done, with the evidence; a measure is reported done once.</summary>
    public void Complete(string? evidence, DateOnly today)
    {
        if (DoneOn is { } done)
        {
            throw DomainException.Conflict("measure-done", $"该项整改措施已于 {done:yyyy-MM-dd} 登记完成。");
        }
        new Validation().RequireText(evidence, "evidence", "完成情况和佐证材料", 2000).ThrowIfInvalid();
        DoneOn = today;
        Evidence = evidence!.Trim();
    }
}

/// <summary>A follow-up check (跟踪监督) of the plan: what was found and whether it was satisfactory.</summary>
public sealed class FollowUpCheck
{
    public Guid Id { get; set; }
    public DateOnly CheckedOn { get; set; }
    public Guid CheckedBy { get; set; }
    public required string CheckerName { get; set; }
    public required string Finding { get; set; }
    public bool Satisfactory { get; set; }
}

internal sealed class CorrectionConfiguration :
    IEntityTypeConfiguration<CorrectionTalk>, IEntityTypeConfiguration<ReminderLetterSent>,
    IEntityTypeConfiguration<CauseAnalysis>, IEntityTypeConfiguration<RectificationPlan>
{
    public void Configure(EntityTypeBuilder<CorrectionTalk> b)
    {
        b.ToTable("CorrectionTalks");
        b.Property(x => x.Interviewee).HasMaxLength(100);
        b.Property(x => x.TalkerName).HasMaxLength(50);
        b.Property(x => x.Place).HasMaxLength(100);
        b.Property(x => x.Points).HasMaxLength(5000);
        b.HasIndex(x => x.CaseId);
    }

    public void Configure(EntityTypeBuilder<ReminderLetterSent> b)
    {
        b.ToTable("ReminderLetters");
        b.Property(x => x.Addressee).HasMaxLength(100);
        b.Property(x => x.DocumentNumber).HasMaxLength(60);
        b.Property(x => x.Points).HasMaxLength(5000);
        b.HasIndex(x => x.CaseId);
    }

    public void Configure(EntityTypeBuilder<CauseAnalysis> b)
    {
        b.ToTable("CauseAnalyses");
        b.HasKey(x => x.CaseId);
        b.Property(x => x.Text).HasMaxLength(5000);
    }

    public void Configure(EntityTypeBuilder<RectificationPlan> b)
    {
        b.ToTable("RectificationPlans");
        b.HasIndex(x => x.CaseId).IsUnique();
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.ClosureSummary).HasMaxLength(3000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.OwnsMany(x => x.Measures, m =>
        {
            m.ToTable("RectificationMeasures");
            m.WithOwner().HasForeignKey("PlanId");
            m.HasKey(x => x.Id);
            m.Property(x => x.Text).HasMaxLength(1000);
            m.Property(x => x.OwnerName).HasMaxLength(50);
            m.Property(x => x.Evidence).HasMaxLength(2000);
            m.Property(x => x.DueProvisionalReason).HasMaxLength(200);
            m.Ignore(x => x.Due);
            m.HasIndex(x => x.OwnerPersonId);
        });
        b.OwnsMany(x => x.Checks, m =>
        {
            m.ToTable("FollowUpChecks");
            m.WithOwner().HasForeignKey("PlanId");
            m.HasKey(x => x.Id);
            m.Property(x => x.CheckerName).HasMaxLength(50);
            m.Property(x => x.Finding).HasMaxLength(3000);
        });
        b.Navigation(x => x.Measures).AutoInclude();
        b.Navigation(x => x.Checks).AutoInclude();
    }
}
