using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Feedback;

/// <summary>The applicant acknowledges the written feedback, with a comment if they wish.</summary>
public static class AcknowledgeFeedback
{
    public sealed record AcknowledgeRequest(string? Comment);

    public static Task<CaseSnapshot> HandleAsync(Guid caseId, int? version, AcknowledgeRequest r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.OnCaseAsync(actor, caseId, version, CaseAction.Acknowledge, async (ctx, c, policy) =>
        {
            new Validation().Require(r.Comment is null || r.Comment.Length <= 2000, "comment", "意见不能超过 2000 字。").ThrowIfInvalid();
            c.Acknowledge(actor, policy, ctx.Now, new Dictionary<string, object?> { ["comment"] = r.Comment?.Trim() });
            var notice = await ctx.Db.Set<FeedbackNotice>().SingleAsync(f => f.CaseId == c.Id, ct);
            notice.AcknowledgedAt = ctx.Now;
            notice.ApplicantComment = string.IsNullOrWhiteSpace(r.Comment) ? null : r.Comment.Trim();
        }, ct);
}
