using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Assessment;

/// <summary>Every assessment period, newest first, with how many are assessed and graded (personnel section only).</summary>
public static class ListPeriods
{
    public static async Task<IReadOnlyList<AssessmentQueries.PeriodSummary>> HandleAsync(Actor actor, SafeHarborDb db, CancellationToken ct)
    {
        AssessmentAccess.RequirePersonnel(actor);
        var periods = await db.Set<AssessmentPeriod>().AsNoTracking().ToListAsync(ct);
        var counts = (await db.Set<PersonAssessment>().AsNoTracking().Select(a => new { a.PeriodId, Graded = a.Grade != null }).ToListAsync(ct))
            .GroupBy(a => a.PeriodId).ToDictionary(g => g.Key, g => (All: g.Count(), Graded: g.Count(x => x.Graded)));
        return periods
            .OrderByDescending(p => p.Year).ThenBy(p => p.Kind == PeriodKind.Annual ? 0 : 1).ThenByDescending(p => p.Quarter)
            .Select(p => new AssessmentQueries.PeriodSummary(p.Id, p.Kind, p.Kind.Chinese(), p.Year, p.Quarter, p.Name, p.Closed,
                counts.GetValueOrDefault(p.Id).All, counts.GetValueOrDefault(p.Id).Graded)).ToList();
    }
}
