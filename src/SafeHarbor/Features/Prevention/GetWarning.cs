using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Reminders;

namespace SafeHarbor.Features.Prevention;

/// <summary>One warning with which units have acknowledged it.</summary>
public static class GetWarning
{
    public static async Task<Warnings.View> HandleAsync(Guid id, Actor actor, SafeHarborDb db, CancellationToken ct)
    {
        var w = await db.Set<WarningNotice>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (w is null || !(PreventionAccess.SeesAllWarnings(actor) || w.Recipients.Any(r => actor.Leads(r.UnitId))))
        {
            throw DomainException.NotFound("warning-not-found", "找不到该警示提醒，或您无权查看。");
        }
        return (await Warnings.ViewsAsync(db, actor, [w], ct))[0];
    }
}
