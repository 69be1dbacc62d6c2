using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.ProvisionalDeadlines;

/// <summary>
/// Tells one person in their 待办 that a deadline they must meet moved when a holiday notice arrived, or that a
/// step of theirs waiting on a provisional deadline was settled. It stays until the person dismisses it.
/// </summary>
public sealed class DeadlineNotice : IBureauOwned
{
    public Guid BureauId { get; set; }

    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    public Guid? CaseId { get; set; }
    public required string Text { get; set; }
    public required string Link { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DismissedAt { get; set; }
}

internal sealed class DeadlineNoticeConfiguration : IEntityTypeConfiguration<DeadlineNotice>
{
    public void Configure(EntityTypeBuilder<DeadlineNotice> b)
    {
        b.ToTable("DeadlineNotices");
        b.Property(x => x.Text).HasMaxLength(500);
        b.Property(x => x.Link).HasMaxLength(200);
        b.HasIndex(x => new { x.PersonId, x.DismissedAt });
    }
}
