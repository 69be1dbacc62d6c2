using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Incentives;

/// <summary>The support measures for front-line staff the actor may read, narrowed by <see cref="IncentiveQueries.Filter"/>.</summary>
public static class ListSupportMeasures
{
    public static async Task<IReadOnlyList<IncentiveQueries.SupportMeasureView>> HandleAsync(SafeHarborDb db, Actor actor, IncentiveQueries.Filter filter, CancellationToken ct)
    {
        var query = IncentiveQueries.InForce(db.Set<SupportMeasure>().AsNoTracking(), actor, filter);
        if (!IncentiveAccess.ReadsAll(actor))
        {
            var me = actor.PersonId;
            var myUnit = actor.UnitId;
            var units = IncentiveQueries.OverseenUnits(actor);
            var overseen = IncentiveQueries.OverseenPersons(db, actor);
            query = query.Where(s => (me != null && s.PersonId == me) || (myUnit != null && s.UnitId == myUnit)
                || (s.PersonId != null && overseen.Contains(s.PersonId.Value)) || (s.UnitId != null && units.Contains(s.UnitId.Value)));
        }
        if (filter.UnitId is { } unitId)
        {
            var people = db.Persons.Where(p => p.UnitId == unitId).Select(p => p.Id);
            query = query.Where(s => s.UnitId == unitId || (s.PersonId != null && people.Contains(s.PersonId.Value)));
        }
        if (filter.Year is { } year)
        {
            var (from, to) = IncentiveQueries.YearRange(year);
            query = query.Where(s => s.ProvidedOn >= from && s.ProvidedOn <= to);
        }
        if (filter.PersonId is { } personId)
        {
            query = query.Where(s => s.PersonId == personId);
        }
        var list = await query.ToListAsync(ct);
        return (await IncentiveQueries.SupportMeasureViewsAsync(db, list, ct)).OrderByDescending(s => s.ProvidedOn).ThenBy(s => s.RecipientName, StringComparer.Ordinal).ToList();
    }
}
