using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafeHarbor.Audit;
using SafeHarbor.Cases;
using SafeHarbor.Organisation;

namespace SafeHarbor.Infrastructure.Persistence;

internal sealed class BureauConfiguration : IEntityTypeConfiguration<Bureau>
{
    public void Configure(EntityTypeBuilder<Bureau> b)
    {
        b.Property(x => x.Code).HasMaxLength(30);
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Level).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.ShortName).HasMaxLength(20);
        b.Property(x => x.PartyGroup).HasMaxLength(100);
        b.Property(x => x.Office).HasMaxLength(100);
        b.Property(x => x.Discipline).HasMaxLength(100);
        b.Property(x => x.PartyCommittee).HasMaxLength(100);
        b.Property(x => x.GuidanceGroup).HasMaxLength(100);
        b.HasOne<Bureau>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> b)
    {
        b.Property(u => u.Name).HasMaxLength(100);
        b.Property(u => u.Type).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(u => new { u.BureauId, u.Name }).IsUnique();
        b.HasOne<Unit>().WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.Property(p => p.Name).HasMaxLength(50);
        b.Property(p => p.Post).HasMaxLength(100);
        b.HasOne<Unit>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> b)
    {
        b.Ignore(c => c.PendingEvents);
        b.Ignore(c => c.SubjectPersonIds);
        b.Ignore(c => c.SubjectUnitIds);
        b.Ignore(c => c.ApplicationDue);
        b.Ignore(c => c.SupplementDue);
        b.Property(c => c.ApplicationDeadlineProvisionalReason).HasMaxLength(200);
        b.Property(c => c.SupplementDueProvisionalReason).HasMaxLength(200);
        b.Property(c => c.Number).HasMaxLength(20);
        b.HasIndex(c => new { c.BureauId, c.Number }).IsUnique();
        b.Property(c => c.PolicyId).HasMaxLength(100);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(30);
        b.HasIndex(c => c.Status);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Property(c => c.Title).HasMaxLength(200);
        b.Property(c => c.Description).HasMaxLength(5000);
        b.Property(c => c.BusinessField).HasMaxLength(50);
        b.Property(c => c.ErrorKind).HasMaxLength(50);
        b.Property(c => c.WorkItem).HasMaxLength(50);
        b.Property(c => c.StartedBy).HasMaxLength(100);
        b.Property(c => c.ArchiveNumber).HasMaxLength(60);

        b.OwnsMany(c => c.Subjects, s =>
        {
            s.ToTable("CaseSubjects");
            s.WithOwner().HasForeignKey("CaseId");
            s.Property<int>("Id");
            s.HasKey("Id");
            s.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
            s.Property(x => x.Name).HasMaxLength(100);
            s.HasIndex(x => x.PersonId);
            s.HasIndex(x => x.UnitId);
        });
        b.OwnsMany(c => c.Claims, s =>
        {
            s.ToTable("CaseClaims");
            s.WithOwner().HasForeignKey("CaseId");
            s.Property<int>("Id");
            s.HasKey("Id");
            s.Property(x => x.ItemCode).HasMaxLength(50);
            s.Property(x => x.Explanation).HasMaxLength(2000);
        });
        b.OwnsMany(c => c.Findings, s =>
        {
            s.ToTable("CaseFindings");
            s.WithOwner().HasForeignKey("CaseId");
            s.Property<int>("Id");
            s.HasKey("Id");
            s.Property(x => x.ItemCode).HasMaxLength(50);
            s.Property(x => x.Verdict).HasConversion<string>().HasMaxLength(20);
            s.Property(x => x.Note).HasMaxLength(3000);
        });
        b.OwnsOne(c => c.Application, a =>
        {
            a.Property(x => x.ApplicantKind).HasConversion<string>().HasMaxLength(10);
            a.Property(x => x.ApplicantName).HasMaxLength(100);
            a.Property(x => x.Facts).HasMaxLength(5000);
            a.Property(x => x.EffectAndLosses).HasMaxLength(3000);
            a.Property(x => x.RecoveryMeasures).HasMaxLength(3000);
        });
        b.OwnsOne(c => c.Report, r =>
        {
            r.Property(x => x.Recommendation).HasConversion<string>().HasMaxLength(20);
            r.Property(x => x.Text).HasMaxLength(20000);
        });
        b.OwnsOne(c => c.Decision, d =>
        {
            d.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
            d.Property(x => x.AdviceAtDecision).HasConversion<string>().HasMaxLength(20);
            d.Property(x => x.Reasons).HasMaxLength(5000);
            d.Property(x => x.Mitigation).HasMaxLength(2000);
            d.Property(x => x.MeetingTitle).HasMaxLength(200);
            d.Property(x => x.DepartureReason).HasMaxLength(2000);
        });
        b.Navigation(c => c.Subjects).AutoInclude();
        b.Navigation(c => c.Claims).AutoInclude();
        b.Navigation(c => c.Findings).AutoInclude();
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.HasKey(e => new { e.BureauId, e.Sequence });
        b.Property(e => e.Sequence).ValueGeneratedNever();
        b.Property(e => e.ActorName).HasMaxLength(100);
        b.Property(e => e.ActingAs).HasMaxLength(50);
        b.Property(e => e.Action).HasMaxLength(50);
        b.Property(e => e.EntityType).HasMaxLength(50);
        b.Property(e => e.EntityId).HasMaxLength(100);
        b.Property(e => e.PreviousHash).HasMaxLength(64);
        b.Property(e => e.Hash).HasMaxLength(64);
        b.HasIndex(e => e.CaseId);
    }
}

internal sealed class AuditHeadConfiguration : IEntityTypeConfiguration<AuditHead>
{
    public void Configure(EntityTypeBuilder<AuditHead> b)
    {
        b.HasKey(h => h.BureauId);
        b.Property(h => h.LastHash).HasMaxLength(64);
    }
}

internal sealed class CounterConfiguration : IEntityTypeConfiguration<Counter>
{
    public void Configure(EntityTypeBuilder<Counter> b)
    {
        b.HasKey(c => new { c.BureauId, c.Name, c.Year });
        b.Property(c => c.Name).HasMaxLength(50);
    }
}

internal sealed class SecuritySettingsConfiguration : IEntityTypeConfiguration<SecuritySettings>
{
    public void Configure(EntityTypeBuilder<SecuritySettings> b) => b.HasKey(s => s.BureauId);
}
