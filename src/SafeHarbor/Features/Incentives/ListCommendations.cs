using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Incentives;

/// <summary>The commendations and special awards the actor may read, narrowed by <see cref="IncentiveQueries.Filter"/>.</summary>
public static class ListCommendations
{
    public static async Task<IReadOnlyList<IncentiveQueries.CommendationView>> HandleAsync(SafeHarborDb db, Actor actor, IncentiveQueries.Filter filter, CancellationToken ct)
    {
        var query = IncentiveQueries.InForce(db.Set<Commendation>().AsNoTracking(), actor, filter);
        if (!IncentiveAccess.ReadsAll(actor))
        {
            var me = actor.PersonId;
            var myUnit = actor.UnitId;
            var units = IncentiveQueries.OverseenUnits(actor);
            var overseen = IncentiveQueries.OverseenPersons(db, actor);
            query = query.Where(c => (me != null && c.PersonId == me) || (myUnit != null && c.UnitId == myUnit)
                || (c.PersonId != null && overseen.Contains(c.PersonId.Value)) || (c.UnitId != null && units.Contains(c.UnitId.Value)));
        }
        if (filter.UnitId is { } unitId)
        {
            var people = db.Persons.Where(p => p.UnitId == unitId).Select(p => p.Id);
            query = query.Where(c => c.UnitId == unitId || (c.PersonId != null && people.Contains(c.PersonId.Value)));
        }
        if (filter.Year is { } year)
        {
            var (from, to) = IncentiveQueries.YearRange(year);
            query = query.Where(c => c.AwardedOn >= from && c.AwardedOn <= to);
        }
        if (filter.PersonId is { } personId)
        {
            query = query.Where(c => c.PersonId == personId);
        }
        var list = await query.ToListAsync(ct);
        return (await IncentiveQueries.CommendationViewsAsync(db, list, ct)).OrderByDescending(c => c.AwardedOn).ThenBy(c => c.RecipientName, StringComparer.Ordinal).ToList();
    }
}
