using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Reminders;

namespace SafeHarbor.Features.Prevention;

/// <summary>All warnings for those who read every case; a unit leader the warnings to the unit; anyone else is refused.</summary>
public static class ListWarnings
{
    public static async Task<IReadOnlyList<Warnings.View>> HandleAsync(Actor actor, SafeHarborDb db, CancellationToken ct)
    {
        IQueryable<WarningNotice> query = db.Set<WarningNotice>().AsNoTracking();
        if (!PreventionAccess.SeesAllWarnings(actor))
        {
            if (!actor.IsLeader || actor.UnitId is not { } unit)
            {
                throw DomainException.Forbidden("warnings-not-allowed", "警示提醒供局党组、局办公室、办理容错免责程序的部门和接收单位负责人查看。");
            }
            query = query.Where(w => w.Recipients.Any(r => r.UnitId == unit));
        }
        var all = await query.ToListAsync(ct);
        return await Warnings.ViewsAsync(db, actor, all.OrderByDescending(w => w.IssuedOn).ThenBy(w => w.Title, StringComparer.Ordinal).ToList(), ct);
    }
}
