using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Assessment;

/// <summary>
/// Grades every person assessed in the period by <see cref="Grading"/> and saves them.
/// Refused while a deduction stands for a matter that has since been exempted for that person (Art. 11): it must be removed first.
/// </summary>
public static class FinaliseGrades
{
    public static Task<Grading.Result> HandleAsync(Guid periodId, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            AssessmentAccess.RequirePersonnel(actor);
            var period = await Periods.LoadOpenAsync(ctx.Db, periodId, ct);
            var list = await ctx.Db.Set<PersonAssessment>().Where(a => a.PeriodId == periodId).ToListAsync(ct);
            if (list.Count == 0)
            {
                throw DomainException.Conflict("nobody-assessed", $"{period.Name}尚无考核人员，无法评定等次。");
            }
            var schemes = await ctx.Db.Set<AssessmentScheme>().AsNoTracking().ToDictionaryAsync(s => s.Id, ct);
            await Periods.RefuseProtectedDeductionsAsync(ctx.Db, list, schemes, ct);
            var result = Grading.Compute(list.Select(a => AssessmentQueries.Entry(a, schemes[a.SchemeId])));
            foreach (var a in list)
            {
                var grade = result.Grades[a.Id];
                if (a.Grade != grade)
                {
                    a.Grade = grade;
                    a.Version++;
                }
            }
            var units = await ctx.Db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
            ctx.Audit("FinaliseAssessmentGrades", nameof(AssessmentPeriod), period.Name, null, AssessmentAccess.ActingAs, new
            {
                assessed = list.Count,
                grades = Enum.GetValues<Grade>().ToDictionary(g => g.Chinese(), g => list.Count(a => a.Grade == g)),
                units = result.Units.Select(u => new { unit = units.GetValueOrDefault(u.UnitId), u.Assessed, quota = u.QuotaPercent, u.Places, excellent = u.Excellent.Count }),
            });
            return result;
        }, ct);
}
