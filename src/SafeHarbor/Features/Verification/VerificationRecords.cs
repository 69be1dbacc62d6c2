using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Verification;

/// <summary>A request to 驻局纪检监察组 for guidance (Art. 5(2)) and its reply; the group comments, it does not decide.</summary>
public sealed class GuidanceRequest : IBureauOwned
{
    public Guid BureauId { get; set; }

    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public required string Question { get; set; }
    public DateOnly RequestedOn { get; set; }
    public Guid RequestedBy { get; set; }
    public string? Reply { get; set; }
    public DateOnly? RepliedOn { get; set; }
    public Guid? RepliedBy { get; set; }
}

/// <summary>A request to the applicant for more material, with its due date and the applicant's answer.</summary>
public sealed class SupplementRequest : IBureauOwned
{
    public Guid BureauId { get; set; }

    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public required string Items { get; set; }
    public DateOnly RequestedOn { get; set; }

    /// <summary>Working days given, counted from <see cref="RequestedOn"/>; 0 on requests recorded before it was kept.</summary>
    public int WorkingDays { get; set; }
    public DateOnly DueOn { get; set; }

    /// <summary>Why <see cref="DueOn"/> is 暂定 (counted through a year without a holiday notice); null when final.</summary>
    public string? DueProvisionalReason { get; set; }

    public bool DueProvisional => DueProvisionalReason is not null;
    public Guid RequestedBy { get; set; }
    public string? Answer { get; set; }
    public DateOnly? AnsweredOn { get; set; }
}

internal sealed class GuidanceRequestConfiguration : IEntityTypeConfiguration<GuidanceRequest>
{
    public void Configure(EntityTypeBuilder<GuidanceRequest> b)
    {
        b.ToTable("GuidanceRequests");
        b.Property(x => x.Question).HasMaxLength(3000);
        b.Property(x => x.Reply).HasMaxLength(5000);
        b.HasIndex(x => x.CaseId);
    }
}

internal sealed class SupplementRequestConfiguration : IEntityTypeConfiguration<SupplementRequest>
{
    public void Configure(EntityTypeBuilder<SupplementRequest> b)
    {
        b.ToTable("SupplementRequests");
        b.Property(x => x.Items).HasMaxLength(2000);
        b.Property(x => x.Answer).HasMaxLength(5000);
        b.Property(x => x.DueProvisionalReason).HasMaxLength(200);
        b.Ignore(x => x.DueProvisional);
        b.HasIndex(x => x.CaseId);
    }
}

/// <summary>A case's guidance requests and supplement requests, as the actor may see them.</summary>
public static class VerificationQueries
{
    public static async Task<IReadOnlyList<GuidanceRequest>> GuidanceAsync(SafeHarborDb db, Case c, Actor actor, CancellationToken ct) =>
        actor.Shows(c, CaseSection.Guidance)
            ? await db.Set<GuidanceRequest>().AsNoTracking().Where(g => g.CaseId == c.Id).OrderBy(g => g.RequestedOn).ToListAsync(ct)
            : [];

    public static async Task<IReadOnlyList<SupplementRequest>> SupplementsAsync(SafeHarborDb db, Case c, CancellationToken ct) =>
        await db.Set<SupplementRequest>().AsNoTracking().Where(s => s.CaseId == c.Id).OrderBy(s => s.RequestedOn).ToListAsync(ct);
}
