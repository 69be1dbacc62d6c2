using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Verification;

/// <summary>驻局纪检监察组 replies to a guidance request, once.</summary>
public static class ReplyGuidance
{
    public sealed record GuidanceReplyInput(string? Reply);

    public static Task<CaseSnapshot> HandleAsync(Guid caseId, int? version, Guid requestId, GuidanceReplyInput request, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.OnCaseAsync(actor, caseId, version, CaseAction.ReplyGuidance, async (ctx, c, policy) =>
        {
            new Validation().RequireText(request.Reply, "reply", "指导意见", 5000).ThrowIfInvalid();
            var guidance = await ctx.Db.Set<GuidanceRequest>().SingleOrDefaultAsync(g => g.Id == requestId && g.CaseId == c.Id, ct)
                ?? throw DomainException.NotFound("guidance-request-not-found", "找不到该指导请求。");
            if (guidance.Reply is not null)
            {
                throw DomainException.Conflict("guidance-replied", $"该指导请求已于 {guidance.RepliedOn:yyyy-MM-dd} 反馈意见。");
            }
            c.Record(CaseAction.ReplyGuidance, actor, policy, ctx.Now, new Dictionary<string, object?>
            {
                ["requestId"] = guidance.Id, ["reply"] = request.Reply!.Trim(), ["repliedOn"] = ctx.Today,
            });
            guidance.Reply = request.Reply.Trim();
            guidance.RepliedOn = ctx.Today;
            guidance.RepliedBy = actor.UserId;
        }, ct);
}
