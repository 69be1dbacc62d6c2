using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Assessment;

/// <summary>Closes the period once its grades are final and match the scores; afterwards nothing in it changes.</summary>
public static class ClosePeriod
{
    public static Task<Guid> HandleAsync(Guid periodId, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            AssessmentAccess.RequirePersonnel(actor);
            var period = await Periods.LoadOpenAsync(ctx.Db, periodId, ct);
            var list = await ctx.Db.Set<PersonAssessment>().AsNoTracking().Where(a => a.PeriodId == periodId).ToListAsync(ct);
            var schemes = await ctx.Db.Set<AssessmentScheme>().AsNoTracking().ToDictionaryAsync(s => s.Id, ct);
            var result = Grading.Compute(list.Select(a => AssessmentQueries.Entry(a, schemes[a.SchemeId])));
            period.Close(list.Count, list.Count(a => a.Grade is not { } g || result.Grades[a.Id] != g));
            ctx.Audit("CloseAssessmentPeriod", nameof(AssessmentPeriod), period.Name, null, AssessmentAccess.ActingAs, new { period.Name, assessed = list.Count });
            return period.Id;
        }, ct);
}
