using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Feedback;

/// <summary>Art. 5(4): the written result with an explanation, its delivery and the applicant's acknowledgement.</summary>
public sealed class FeedbackNotice : IBureauOwned
{
    public Guid BureauId { get; set; }

    public Guid CaseId { get; set; }
    public required string ResultText { get; set; }
    public required string Explanation { get; set; }
    public DateOnly IssuedOn { get; set; }
    public Guid IssuedBy { get; set; }
    public DateOnly? DeliveredOn { get; set; }
    public string? DeliveryMethod { get; set; }
    public string? Recipient { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public string? ApplicantComment { get; set; }
}

internal sealed class FeedbackNoticeConfiguration : IEntityTypeConfiguration<FeedbackNotice>
{
    public void Configure(EntityTypeBuilder<FeedbackNotice> b)
    {
        b.ToTable("FeedbackNotices");
        b.HasKey(f => f.CaseId);
        b.Property(f => f.ResultText).HasMaxLength(5000);
        b.Property(f => f.Explanation).HasMaxLength(5000);
        b.Property(f => f.DeliveryMethod).HasMaxLength(50);
        b.Property(f => f.Recipient).HasMaxLength(100);
        b.Property(f => f.ApplicantComment).HasMaxLength(2000);
    }
}
