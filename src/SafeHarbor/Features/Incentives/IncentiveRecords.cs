using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafeHarbor.Cases;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Incentives;

/// <summary>
/// What the records of Art. 13 share: each may be corrected (<see cref="Version"/> is the If-Match of the change) and
/// withdrawn (撤销) when entered in error. A withdrawn record keeps its row and its audit entries and counts nowhere:
/// not in the lists, the yearly report, a person's records or the dashboard. It is never deleted.
/// </summary>
public interface IIncentiveRecord
{
    Guid Id { get; }
    int Version { get; set; }
    DateOnly? WithdrawnOn { get; }

    /// <summary>The user who withdrew it.</summary>
    Guid? WithdrawnBy { get; }
    string? WithdrawalReason { get; }
}

/// <summary>A record given to a person or to a unit (commendations, support measures).</summary>
public interface IRecipientRecord
{
    Guid? PersonId { get; }
    Guid? UnitId { get; }
}

/// <summary>The rule every record keeps when it is withdrawn.</summary>
public static class IncentiveWithdrawal
{
    /// <summary>A withdrawn record is final: it is neither changed nor withdrawn again (409 <c>record-withdrawn</c>).</summary>
    /// <param name="what">The record's name in the message (<see cref="HeartTalk.Noun"/>, …).</param>
    public static void EnsureInForce(IIncentiveRecord record, string what)
    {
        if (record.WithdrawnOn is { } on)
        {
            throw DomainException.Conflict("record-withdrawn", $"该{what}已于 {on:yyyy-MM-dd} 撤销，不能再修改或撤销。");
        }
    }
}

/// <summary>谈心谈话 (Art. 13): care and encouragement, logged.</summary>
public sealed class HeartTalk : IIncentiveRecord, IBureauOwned
{
    public Guid BureauId { get; set; }

    /// <summary>The record's name in messages.</summary>
    public const string Noun = "谈心谈话记录";

    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    public DateOnly HeldOn { get; set; }
    public Guid TalkerPersonId { get; set; }
    public required string TalkerName { get; set; }
    public required string Topics { get; set; }
    public string? FollowUp { get; set; }
    public Guid RecordedBy { get; set; }
    public int Version { get; set; }
    public DateOnly? WithdrawnOn { get; private set; }
    public Guid? WithdrawnBy { get; private set; }
    public string? WithdrawalReason { get; private set; }

    /// <summary>Withdraws (撤销) the talk entered in error, once: it stays on record with the reason and counts nowhere.</summary>
    public void Withdraw(DateOnly on, Guid by, string reason)
    {
        IncentiveWithdrawal.EnsureInForce(this, Noun);
        WithdrawnOn = on;
        WithdrawnBy = by;
        WithdrawalReason = reason;
        Version++;
    }
}

public enum CommendationKind
{
    /// <summary>平时激励.</summary>
    Regular,
    /// <summary>专项表彰奖励.</summary>
    Special,
}

/// <summary>A commendation or special award with its basis, to a person or a unit.</summary>
public sealed class Commendation : IIncentiveRecord, IRecipientRecord, IBureauOwned
{
    public Guid BureauId { get; set; }

    /// <summary>The record's name in messages.</summary>
    public const string Noun = "表彰奖励记录";

    public Guid Id { get; set; }
    public CommendationKind Kind { get; set; }
    public Guid? PersonId { get; set; }
    public Guid? UnitId { get; set; }
    public required string Title { get; set; }
    public required string Basis { get; set; }
    public required string AwardedBy { get; set; }
    public DateOnly AwardedOn { get; set; }
    public Guid RecordedBy { get; set; }
    public int Version { get; set; }
    public DateOnly? WithdrawnOn { get; private set; }
    public Guid? WithdrawnBy { get; private set; }
    public string? WithdrawalReason { get; private set; }

    /// <summary>Withdraws (撤销) the commendation entered in error, once: it stays on record with the reason and counts nowhere.</summary>
    public void Withdraw(DateOnly on, Guid by, string reason)
    {
        IncentiveWithdrawal.EnsureInForce(this, Noun);
        WithdrawnOn = on;
        WithdrawnBy = by;
        WithdrawalReason = reason;
        Version++;
    }
}

/// <summary>A support measure for front-line staff (政策、待遇倾斜，排忧解难).</summary>
public sealed class SupportMeasure : IIncentiveRecord, IRecipientRecord, IBureauOwned
{
    public Guid BureauId { get; set; }

    /// <summary>The record's name in messages.</summary>
    public const string Noun = "支持保障措施记录";

    public Guid Id { get; set; }
    public Guid? PersonId { get; set; }
    public Guid? UnitId { get; set; }
    public required string Kind { get; set; }
    public required string Description { get; set; }
    public DateOnly ProvidedOn { get; set; }
    public Guid RecordedBy { get; set; }
    public int Version { get; set; }
    public DateOnly? WithdrawnOn { get; private set; }
    public Guid? WithdrawnBy { get; private set; }
    public string? WithdrawalReason { get; private set; }

    /// <summary>Withdraws (撤销) the support measure entered in error, once: it stays on record with the reason and counts nowhere.</summary>
    public void Withdraw(DateOnly on, Guid by, string reason)
    {
        IncentiveWithdrawal.EnsureInForce(this, Noun);
        WithdrawnOn = on;
        WithdrawnBy = by;
        WithdrawalReason = reason;
        Version++;
    }
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
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.WithdrawalReason).HasMaxLength(IncentiveRules.MaxReasonLength);
        b.HasIndex(x => x.PersonId);
    }

    public void Configure(EntityTypeBuilder<Commendation> b)
    {
        b.ToTable("Commendations");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Basis).HasMaxLength(2000);
        b.Property(x => x.AwardedBy).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.WithdrawalReason).HasMaxLength(IncentiveRules.MaxReasonLength);
        b.HasIndex(x => x.PersonId);
        b.HasIndex(x => x.UnitId);
    }

    public void Configure(EntityTypeBuilder<SupportMeasure> b)
    {
        b.ToTable("SupportMeasures");
        b.Property(x => x.Kind).HasMaxLength(30);
        b.Property(x => x.Description).HasMaxLength(2000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.WithdrawalReason).HasMaxLength(IncentiveRules.MaxReasonLength);
        b.HasIndex(x => x.PersonId);
        b.HasIndex(x => x.UnitId);
    }
}
