using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.ProvisionalDeadlines;

/// <summary>Marks one of the person's own deadline notices as read, taking it out of 待办.</summary>
public static class DismissDeadlineNotice
{
    public static Task HandleAsync(Guid noticeId, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            var notice = await ctx.Db.Set<DeadlineNotice>().SingleOrDefaultAsync(n => n.Id == noticeId && n.PersonId == actor.PersonId, ct)
                ?? throw DomainException.NotFound("notice-not-found", "找不到该期限调整通知。");
            notice.DismissedAt ??= ctx.Now;
            return true;
        }, ct);
}
