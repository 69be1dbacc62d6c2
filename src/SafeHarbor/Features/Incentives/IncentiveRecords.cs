using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SafeHarbor.Features.Incentives;

/// <summary>谈心谈话 (Art. 13): care and encouragement, logged.</summary>
public sealed class HeartTalk
{
    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    public DateOnly HeldOn { get; set; }
    public Guid TalkerPersonId { get; set; }
    public required string TalkerName { get; set; }
    public required string Topics { get; set; }
    public string? FollowUp { get; set; }
    public Guid RecordedBy { get; set; }
}

public enum CommendationKind
{
    /// <summary>平时激励.</summary>
    Regular,
    /// <summary>专项表彰奖励.</summary>
    Special,
}

/// <summary>A commendation or special award with its basis, to a person or a unit.</summary>
public sealed class Commendation
{
    public Guid Id { get; set; }
    public CommendationKind Kind { get; set; }
    public Guid? PersonId { get; set; }
    public Guid? UnitId { get; set; }
    public required string Title { get; set; }
    public required string Basis { get; set; }
    public required string AwardedBy { get; set; }
    public DateOnly AwardedOn { get; set; }
    public Guid RecordedBy { get; set; }
}

/// <summary>A support measure for front-line staff (政策、待遇倾斜，排忧解难).</summary>
public sealed class SupportMeasure
{
    public Guid Id { get; set; }
    public Guid? PersonId { get; set; }
    public Guid? UnitId { get; set; }
    public required string Kind { get; set; }
    public required string Description { get; set; }
    public DateOnly ProvidedOn { get; set; }
    public Guid RecordedBy { get; set; }
}

internal sealed class IncentiveConfiguration :
    IEntityTypeConfiguration<HeartTalk>, IEntityTypeConfiguration<Commendation>, IEntityTypeConfiguration<SupportMeasure>
{
    public void Configure(EntityTypeBuilder<HeartTalk> b)
    {
        b.ToTable("HeartTalks");
        b.Property(x => x.TalkerName).HasMaxLength(50);
        b.Property(x => x.Topics).HasMaxLength(3000);
        b.Property(x => x.FollowUp).HasMaxLength(2000);
        b.HasIndex(x => x.PersonId);
    }

    public void Configure(EntityTypeBuilder<Commendation> b)
    {
        b.ToTable("Commendations");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Basis).HasMaxLength(2000);
        b.Property(x => x.AwardedBy).HasMaxLength(100);
        b.HasIndex(x => x.PersonId);
        b.HasIndex(x => x.UnitId);
    }

    public void Configure(EntityTypeBuilder<SupportMeasure> b)
    {
        b.ToTable("SupportMeasures");
        b.Property(x => x.Kind).HasMaxLength(30);
        b.Property(x => x.Description).HasMaxLength(2000);
        b.HasIndex(x => x.PersonId);
        b.HasIndex(x => x.UnitId);
    }
}
