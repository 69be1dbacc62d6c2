using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafeHarbor.Cases;
using SafeHarbor.Organisation;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Determination;

public enum MeetingStatus
{
    Open,
    Closed,
}

/// <summary>A member's vote on one matter: one of the outcomes, or abstention.</summary>
public enum VoteChoice
{
    Exempted,
    Mitigated,
    NotExempted,
    Abstain,
}

public static class VoteChoiceNames
{
    public static string Chinese(this VoteChoice choice) => choice switch
    {
        VoteChoice.Exempted => "同意予以容错免责",
        VoteChoice.Mitigated => "同意从轻或减轻处理",
        VoteChoice.NotExempted => "同意不予容错免责",
        VoteChoice.Abstain => "弃权",
        _ => choice.ToString(),
    };

    public static VoteChoice ToVote(this Outcome outcome) => outcome switch
    {
        Outcome.Exempted => VoteChoice.Exempted,
        Outcome.Mitigated => VoteChoice.Mitigated,
        _ => VoteChoice.NotExempted,
    };
}

/// <summary>
/// A party-group meeting (党组会议) that studies cases collectively (Art. 5(3)). It is open from the
/// moment it is recorded and closes once, by <see cref="Close"/>: the closed meeting is the record the
/// minutes and the decisions cite, so it never reopens and nothing of it changes.
/// </summary>
public sealed class Meeting : IBureauOwned
{
    public Guid BureauId { get; set; }

    public Guid Id { get; set; }
    public required string Title { get; set; }
    public DateOnly HeldOn { get; set; }
    public required string Place { get; set; }
    public MeetingStatus Status { get; private set; } = MeetingStatus.Open;
    public bool AttendanceRecorded { get; set; }
    public Guid CreatedBy { get; set; }
    public List<MeetingMember> Members { get; set; } = [];
    public List<AgendaItem> Agenda { get; set; } = [];
    public List<Recusal> Recusals { get; set; } = [];
    public List<Vote> Votes { get; set; } = [];

    public int Entitled => Members.Count;
    public int Present => Members.Count(m => m.Present);

    /// <summary>Refuses any change to a closed meeting: attendance, agenda, recusals, votes and decisions are final with it.</summary>
    public void EnsureOpen()
    {
        if (Status != MeetingStatus.Open)
        {
            throw DomainException.Conflict("meeting-closed", $"会议“{Title}”已结束，不能再修改。");
        }
    }

    /// <summary>
    /// Ends the meeting. A case left on the agenda undecided would be stranded at a meeting that can no
    /// longer decide it, so each must first be decided or postponed (taken off the agenda).
    /// </summary>
    /// <param name="undecidedCaseNumbers">The agenda's cases still awaiting a decision at this meeting; the meeting does not hold the cases, the caller reads them.</param>
    public void Close(IReadOnlyCollection<string> undecidedCaseNumbers)
    {
        EnsureOpen();
        if (undecidedCaseNumbers.Count > 0)
        {
            throw DomainException.Conflict("agenda-open", $"议题中的案件 {string.Join("、", undecidedCaseNumbers)} 尚未形成决定，请先认定或移出议题。");
        }
        Status = MeetingStatus.Closed;
    }
}

/// <summary>A member entitled to attend (应到会成员), and whether they did.</summary>
public sealed class MeetingMember
{
    public Guid PersonId { get; set; }

    /// <summary>Seating order in the minutes: the secretary first.</summary>
    public int Order { get; set; }
    public required string Name { get; set; }
    public bool Present { get; set; }
    public string? AbsenceReason { get; set; }
}

public sealed class AgendaItem
{
    public Guid CaseId { get; set; }
    public int Order { get; set; }
}

/// <summary>A member who stands aside from one matter (回避), with the reason.</summary>
public sealed class Recusal
{
    public Guid CaseId { get; set; }
    public Guid PersonId { get; set; }
    public required string Reason { get; set; }
}

public sealed class Vote
{
    public Guid CaseId { get; set; }
    public Guid PersonId { get; set; }
    public VoteChoice Choice { get; set; }
    public DateTimeOffset CastAt { get; set; }
}

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> b)
    {
        b.ToTable("Meetings");
        b.Property(m => m.Title).HasMaxLength(200);
        b.Property(m => m.Place).HasMaxLength(100);
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(10);
        b.Ignore(m => m.Entitled);
        b.Ignore(m => m.Present);
        b.OwnsMany(m => m.Members, o =>
        {
            o.ToTable("MeetingMembers");
            o.WithOwner().HasForeignKey("MeetingId");
            o.HasKey("MeetingId", nameof(MeetingMember.PersonId));
            o.Property(x => x.Name).HasMaxLength(50);
            o.Property(x => x.AbsenceReason).HasMaxLength(200);
        });
        b.OwnsMany(m => m.Agenda, o =>
        {
            o.ToTable("MeetingAgendaItems");
            o.WithOwner().HasForeignKey("MeetingId");
            o.HasKey("MeetingId", nameof(AgendaItem.CaseId));
        });
        b.OwnsMany(m => m.Recusals, o =>
        {
            o.ToTable("MeetingRecusals");
            o.WithOwner().HasForeignKey("MeetingId");
            o.HasKey("MeetingId", nameof(Recusal.CaseId), nameof(Recusal.PersonId));
            o.Property(x => x.Reason).HasMaxLength(500);
        });
        b.OwnsMany(m => m.Votes, o =>
        {
            o.ToTable("MeetingVotes");
            o.WithOwner().HasForeignKey("MeetingId");
            o.HasKey("MeetingId", nameof(Vote.CaseId), nameof(Vote.PersonId));
            o.Property(x => x.Choice).HasConversion<string>().HasMaxLength(20);
        });
        b.Navigation(m => m.Members).AutoInclude();
        b.Navigation(m => m.Agenda).AutoInclude();
        b.Navigation(m => m.Recusals).AutoInclude();
        b.Navigation(m => m.Votes).AutoInclude();
    }
}
