using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Shared;

/// <summary>
/// The figures of the bureaus below the actor's (a city bureau's 县区局, Art. 15) for its statistics pages:
/// counts per bureau only — never a case, a title or a name — so the city sees how the measures work in its
/// counties while each county's cases stay its own. Empty for a bureau with none below it.
/// </summary>
[Article("15")]
public static class CountyFigures
{
    public sealed record Row(
        string Code, string Name, int Cases, int InProgress, int Decided, int Exempted, int Mitigated, int NotExempted,
        string? TopBusinessField, string? TopErrorKind);

    /// <param name="within">The page's own filter (a year and field, a date range), applied to the counties' cases as to its own.</param>
    public static async Task<IReadOnlyList<Row>> RunAsync(Actor actor, SafeHarborDb db, Func<IQueryable<Case>, IQueryable<Case>> within, CancellationToken ct)
    {
        var below = (await db.BureauSubtreeAsync(actor.BureauId, ct)).Where(id => id != actor.BureauId).ToList();
        if (below.Count == 0)
        {
            return [];
        }
        var bureaus = await db.Bureaus.AsNoTracking().Where(b => below.Contains(b.Id)).OrderBy(b => b.SortOrder).ThenBy(b => b.Code).ToListAsync(ct);
        // The one place a bureau reads another's rows, and only as counts.
        var cases = within(db.Cases.IgnoreQueryFilters([SafeHarborDb.BureauFilter]).AsNoTracking().Where(c => below.Contains(c.BureauId)));
        var byStatus = await cases
            .GroupBy(c => new { c.BureauId, c.Status, Outcome = c.Decision == null ? (Outcome?)null : c.Decision.Outcome })
            .Select(g => new { g.Key.BureauId, g.Key.Status, g.Key.Outcome, Count = g.Count() })
            .ToListAsync(ct);
        var byField = await cases.GroupBy(c => new { c.BureauId, c.BusinessField }).Select(g => new { g.Key.BureauId, Key = g.Key.BusinessField, Count = g.Count() }).ToListAsync(ct);
        var byKind = await cases.Where(c => c.ErrorKind != null).GroupBy(c => new { c.BureauId, c.ErrorKind }).Select(g => new { g.Key.BureauId, Key = g.Key.ErrorKind, Count = g.Count() }).ToListAsync(ct);
        return bureaus.Select(b =>
        {
            var mine = byStatus.Where(x => x.BureauId == b.Id).ToList();
            int Of(Outcome o) => mine.Where(x => x.Outcome == o).Sum(x => x.Count);
            var decided = mine.Where(x => x.Outcome is not null).Sum(x => x.Count);
            var closed = mine.Where(x => x.Outcome is null && x.Status is CaseStatus.Withdrawn or CaseStatus.Refused).Sum(x => x.Count);
            return new Row(b.Code, b.Name, mine.Sum(x => x.Count), mine.Sum(x => x.Count) - decided - closed, decided,
                Of(Outcome.Exempted), Of(Outcome.Mitigated), Of(Outcome.NotExempted),
                byField.Where(x => x.BureauId == b.Id).OrderByDescending(x => x.Count).ThenBy(x => x.Key).Select(x => x.Key).FirstOrDefault(),
                byKind.Where(x => x.BureauId == b.Id).OrderByDescending(x => x.Count).ThenBy(x => x.Key).Select(x => x.Key).FirstOrDefault());
        }).ToList();
    }
}
