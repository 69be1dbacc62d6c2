using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Incentives;

/// <summary>The commendations and special awards the actor may read, narrowed by <see cref="IncentiveQueries.Filter"/>.</summary>
public static class ListCommendations
{
    public static async Task<IReadOnlyList<IncentiveQueries.CommendationView>> HandleAsync(SafeHarborDb db, Actor actor, IncentiveQueries.Filter filter, CancellationToken ct)
    {
        var query = IncentiveQueries.ReadableRecipients(db.Set<Commendation>().AsNoTracking(), db, actor, filter);
        if (filter.Year is { } year)
        {
            var (from, to) = IncentiveQueries.YearRange(year);
            query = query.Where(c => c.AwardedOn >= from && c.AwardedOn <= to);
        }
        var list = await query.ToListAsync(ct);
        return (await IncentiveQueries.CommendationViewsAsync(db, list, ct)).OrderByDescending(c => c.AwardedOn).ThenBy(c => c.RecipientName, StringComparer.Ordinal).ToList();
    }
}
