using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Web;

namespace SafeHarbor.Features.Feedback;

/// <summary>Art. 5(4): the written result with an explanation, its delivery and the applicant's acknowledgement.</summary>
public sealed class FeedbackNotice
{
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

[Article("5(4)")]
public static class FeedbackApi
{
    public static readonly IReadOnlyList<string> DeliveryMethods = ["直接送达", "邮寄送达", "电子送达", "留置送达"];

    public sealed record IssueRequest(string? ResultText, string? Explanation);

    public sealed record DeliveryRequest(DateOnly? DeliveredOn, string? Method, string? Recipient);

    public sealed record AcknowledgeRequest(string? Comment);

    public static IEndpointRouteBuilder MapFeedback(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases/{caseId:guid}/feedback").WithTags("反馈").RequireAuthorization();
        group.MapPost("/", async (Guid caseId, IssueRequest r, HttpContext http, Actor actor, CommandRunner runner, CancellationToken ct) =>
            HttpVersioning.WithVersion(await IssueAsync(caseId, HttpVersioning.ExpectedVersion(http.Request), r, actor, runner, ct), http))
            .WithSummary("书面反馈认定结果并答复解释");
        group.MapPost("/delivery", async (Guid caseId, DeliveryRequest r, HttpContext http, Actor actor, CommandRunner runner, CancellationToken ct) =>
            HttpVersioning.WithVersion(await RecordDeliveryAsync(caseId, HttpVersioning.ExpectedVersion(http.Request), r, actor, runner, ct), http))
            .WithSummary("登记送达");
        group.MapPost("/acknowledgement", async (Guid caseId, AcknowledgeRequest r, HttpContext http, Actor actor, CommandRunner runner, CancellationToken ct) =>
            HttpVersioning.WithVersion(await AcknowledgeAsync(caseId, HttpVersioning.ExpectedVersion(http.Request), r, actor, runner, ct), http))
            .WithSummary("申请方签收确认");
        return app;
    }

    public static Task<CaseSnapshot> IssueAsync(Guid caseId, int? version, IssueRequest r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.OnCaseAsync(actor, caseId, version, CaseAction.IssueFeedback, (ctx, c, policy) =>
        {
            new Validation()
                .RequireText(r.ResultText, "resultText", "认定结果", 5000)
                .RequireText(r.Explanation, "explanation", "答复解释", 5000)
                .ThrowIfInvalid();
            c.IssueFeedback(actor, policy, ctx.Now, new Dictionary<string, object?> { ["resultText"] = r.ResultText!.Trim(), ["issuedOn"] = ctx.Today });
            ctx.Db.Add(new FeedbackNotice
            {
                CaseId = c.Id, ResultText = r.ResultText.Trim(), Explanation = r.Explanation!.Trim(), IssuedOn = ctx.Today, IssuedBy = actor.UserId,
            });
            return Task.CompletedTask;
        }, ct);

    public static Task<CaseSnapshot> RecordDeliveryAsync(Guid caseId, int? version, DeliveryRequest r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.OnCaseAsync(actor, caseId, version, CaseAction.RecordDelivery, async (ctx, c, policy) =>
        {
            var notice = await ctx.Db.Set<FeedbackNotice>().SingleOrDefaultAsync(f => f.CaseId == c.Id, ct);
            new Validation()
                .Require(r.DeliveredOn is not null, "deliveredOn", "请填写送达日期。")
                .RequireDateBetween(r.DeliveredOn, notice!.IssuedOn, "反馈日期", ctx.Today, "deliveredOn", "送达日期")
                .Require(r.Method is not null && DeliveryMethods.Contains(r.Method), "method", $"送达方式应为：{string.Join("、", DeliveryMethods)}。")
                .RequireText(r.Recipient, "recipient", "签收人", 100)
                .ThrowIfInvalid();
            c.RecordDelivery(actor, policy, ctx.Now, new Dictionary<string, object?> { ["deliveredOn"] = r.DeliveredOn, ["method"] = r.Method, ["recipient"] = r.Recipient!.Trim() });
            notice!.DeliveredOn = r.DeliveredOn;
            notice.DeliveryMethod = r.Method;
            notice.Recipient = r.Recipient.Trim();
        }, ct);

    public static Task<CaseSnapshot> AcknowledgeAsync(Guid caseId, int? version, AcknowledgeRequest r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.OnCaseAsync(actor, caseId, version, CaseAction.Acknowledge, async (ctx, c, policy) =>
        {
            new Validation().Require(r.Comment is null || r.Comment.Length <= 2000, "comment", "意见不能超过 2000 字。").ThrowIfInvalid();
            c.Acknowledge(actor, policy, ctx.Now, new Dictionary<string, object?> { ["comment"] = r.Comment?.Trim() });
            var notice = await ctx.Db.Set<FeedbackNotice>().SingleAsync(f => f.CaseId == c.Id, ct);
            notice.AcknowledgedAt = ctx.Now;
            notice.ApplicantComment = string.IsNullOrWhiteSpace(r.Comment) ? null : r.Comment.Trim();
        }, ct);
}

public static class FeedbackQueries
{
    /// <summary>The written feedback of a case, when the actor may see it.</summary>
    public static async Task<FeedbackNotice?> NoticeAsync(SafeHarborDb db, Case c, Actor actor, CancellationToken ct) =>
        actor.Shows(c, CaseSection.Feedback) ? await db.Set<FeedbackNotice>().AsNoTracking().SingleOrDefaultAsync(f => f.CaseId == c.Id, ct) : null;
}
