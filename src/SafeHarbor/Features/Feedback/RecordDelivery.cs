using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Feedback;

/// <summary>How and to whom the written feedback was delivered, on a day between its issue and today.</summary>
public static class RecordDelivery
{
    public static readonly IReadOnlyList<string> Methods = ["直接送达", "邮寄送达", "电子送达", "留置送达"];

    public sealed record DeliveryRequest(DateOnly? DeliveredOn, string? Method, string? Recipient);

    public static Task<CaseSnapshot> HandleAsync(Guid caseId, int? version, DeliveryRequest r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.OnCaseAsync(actor, caseId, version, CaseAction.RecordDelivery, async (ctx, c, policy) =>
        {
            var notice = await ctx.Db.Set<FeedbackNotice>().SingleOrDefaultAsync(f => f.CaseId == c.Id, ct);
            new Validation()
                .Require(r.DeliveredOn is not null, "deliveredOn", "请填写送达日期。")
                .RequireDateBetween(r.DeliveredOn, notice!.IssuedOn, "反馈日期", ctx.Today, "deliveredOn", "送达日期")
                .Require(r.Method is not null && Methods.Contains(r.Method), "method", $"送达方式应为：{string.Join("、", Methods)}。")
                .RequireText(r.Recipient, "recipient", "签收人", 100)
                .ThrowIfInvalid();
            c.RecordDelivery(actor, policy, ctx.Now, new Dictionary<string, object?> { ["deliveredOn"] = r.DeliveredOn, ["method"] = r.Method, ["recipient"] = r.Recipient!.Trim() });
            notice!.DeliveredOn = r.DeliveredOn;
            notice.DeliveryMethod = r.Method;
            notice.Recipient = r.Recipient.Trim();
        }, ct);
}
