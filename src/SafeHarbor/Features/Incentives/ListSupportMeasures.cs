using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Incentives;

/// <summary>The support measures for front-line staff the actor may read, narrowed by <see cref="IncentiveQueries.Filter"/>.</summary>
public static class ListSupportMeasures
{
    public static async Task<IReadOnlyList<IncentiveQueries.SupportMeasureView>> HandleAsync(SafeHarborDb db, Actor actor, IncentiveQueries.Filter filter, CancellationToken ct)
    {
        var query = IncentiveQueries.ReadableRecipients(db.Set<SupportMeasure>().AsNoTracking(), db, actor, filter);
        if (filter.Year is { } year)
        {
            var (from, to) = IncentiveQueries.YearRange(year);
            query = query.Where(s => s.ProvidedOn >= from && s.ProvidedOn <= to);
        }
        var list = await query.ToListAsync(ct);
        return (await IncentiveQueries.SupportMeasureViewsAsync(db, list, ct)).OrderByDescending(s => s.ProvidedOn).ThenBy(s => s.RecipientName, StringComparer.Ordinal).ToList();
    }
}
