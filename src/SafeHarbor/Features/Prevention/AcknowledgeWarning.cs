using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Reminders;

namespace SafeHarbor.Features.Prevention;

/// <summary>The leader of a recipient unit acknowledges for the unit; each unit once.</summary>
public static class AcknowledgeWarning
{
    public sealed record Request(string? Comment);

    public static Task<Warnings.View> HandleAsync(Guid id, Request request, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            var w = await ctx.Db.Set<WarningNotice>().SingleOrDefaultAsync(x => x.Id == id, ct)
                ?? throw DomainException.NotFound("warning-not-found", "找不到该警示提醒。");
            var recipient = w.Recipients.FirstOrDefault(r => actor.Leads(r.UnitId))
                ?? throw DomainException.Forbidden("not-recipient-leader",
                    $"只有接收单位（{string.Join("、", w.Recipients.Select(r => r.UnitName))}）的负责人才能签收该警示提醒。");
            if (recipient.AcknowledgedOn is { } on)
            {
                throw DomainException.Conflict("already-acknowledged", $"{recipient.UnitName}已于{on:yyyy年M月d日}由{recipient.AcknowledgedBy}签收该警示提醒。");
            }
            new Validation().RequireText(request.Comment, "comment", "签收意见（本单位的认识和落实措施）", 1000).ThrowIfInvalid();
            recipient.AcknowledgedOn = ctx.Today;
            recipient.AcknowledgedBy = Warnings.Truncate(actor.DisplayName, 50);
            recipient.Comment = request.Comment!.Trim();
            ctx.Audit("AcknowledgeWarning", nameof(WarningNotice), w.Id.ToString(), null, $"{recipient.UnitName}负责人",
                new { unit = recipient.UnitName, recipient.Comment });
            return (await Warnings.ViewsAsync(ctx.Db, actor, [w], ct))[0];
        }, ct);
}
