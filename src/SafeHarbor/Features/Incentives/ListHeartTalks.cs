using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Incentives;

/// <summary>The heart-to-heart talks the actor may read, narrowed by <see cref="IncentiveQueries.Filter"/>; the person talked with sees date and talker only.</summary>
public static class ListHeartTalks
{
    public static async Task<IReadOnlyList<IncentiveQueries.TalkView>> HandleAsync(SafeHarborDb db, Actor actor, IncentiveQueries.Filter filter, CancellationToken ct)
    {
        var query = IncentiveQueries.InForce(db.Set<HeartTalk>().AsNoTracking(), actor, filter);
        if (!IncentiveAccess.ReadsAll(actor))
        {
            var me = actor.PersonId;
            var userId = actor.UserId;
            var overseen = IncentiveQueries.OverseenPersons(db, actor);
            query = query.Where(t => (me != null && (t.PersonId == me || t.TalkerPersonId == me)) || t.RecordedBy == userId || overseen.Contains(t.PersonId));
        }
        if (filter.UnitId is { } unitId)
        {
            var people = db.Persons.Where(p => p.UnitId == unitId).Select(p => p.Id);
            query = query.Where(t => people.Contains(t.PersonId));
        }
        if (filter.Year is { } year)
        {
            var (from, to) = IncentiveQueries.YearRange(year);
            query = query.Where(t => t.HeldOn >= from && t.HeldOn <= to);
        }
        if (filter.PersonId is { } personId)
        {
            query = query.Where(t => t.PersonId == personId);
        }
        var talks = await query.ToListAsync(ct);
        return (await IncentiveQueries.TalkViewsAsync(db, actor, talks, ct)).OrderByDescending(t => t.HeldOn).ThenBy(t => t.PersonName, StringComparer.Ordinal).ToList();
    }
}
