using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Features.ResultUses;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Assessment;

/// <summary>Assessment periods: the annual assessment and the regular (平时, quarterly) ones; grades finalised per period; a closed period is read-only.</summary>
public static class Periods
{
    public sealed record CreateRequest(PeriodKind? Kind, int? Year, int? Quarter, string? Name);

    public static Task<Guid> CreateAsync(CreateRequest r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            AssessmentAccess.RequirePersonnel(actor);
            var v = new Validation()
                .Require(r.Kind is not null && Enum.IsDefined(r.Kind.Value), "kind", "请选择考核类型（年度考核或平时考核）。")
                .Require(r.Year is >= 2000 and <= 2100, "year", "请填写考核年度（2000–2100）。")
                .Require(r.Kind != PeriodKind.Quarterly || r.Quarter is >= 1 and <= 4, "quarter", "平时考核请选择季度（1–4）。")
                .Require(r.Kind != PeriodKind.Annual || r.Quarter is null, "quarter", "年度考核不分季度。")
                .Require(r.Name is null || r.Name.Trim().Length <= 50, "name", "考核期名称不能超过 50 个字。");
            v.ThrowIfInvalid();
            var kind = r.Kind!.Value;
            var quarter = kind == PeriodKind.Quarterly ? r.Quarter : null;
            var name = string.IsNullOrWhiteSpace(r.Name) ? AssessmentNames.DefaultPeriodName(kind, r.Year!.Value, quarter) : r.Name.Trim();
            // The unique index cannot catch two annual periods (NULL quarters differ), so ask first; commands run one at a time.
            if (await ctx.Db.Set<AssessmentPeriod>().AnyAsync(p => p.Kind == kind && p.Year == r.Year && p.Quarter == quarter, ct))
            {
                throw DomainException.Conflict("period-exists", $"{AssessmentNames.DefaultPeriodName(kind, r.Year!.Value, quarter)}的考核期已经建立。");
            }
            var period = new AssessmentPeriod { Id = Guid.NewGuid(), Kind = kind, Year = r.Year!.Value, Quarter = quarter, Name = name };
            ctx.Db.Add(period);
            ctx.Audit("CreateAssessmentPeriod", nameof(AssessmentPeriod), name, null, AssessmentAccess.ActingAs,
                new { kind = kind.Chinese(), period.Year, period.Quarter, name });
            return period.Id;
        }, ct);

    /// <summary>
    /// Grades every person assessed in the period by <see cref="Grading"/> and saves them. Refused while a deduction
    /// stands for a matter that has since been exempted for that person (Art. 11): it must be removed first.
    /// </summary>
    public static Task<Grading.Result> FinaliseGradesAsync(Guid periodId, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            AssessmentAccess.RequirePersonnel(actor);
            var period = await LoadOpenAsync(ctx.Db, periodId, ct);
            var list = await ctx.Db.Set<PersonAssessment>().Where(a => a.PeriodId == periodId).ToListAsync(ct);
            if (list.Count == 0)
            {
                throw DomainException.Conflict("nobody-assessed", $"{period.Name}尚无考核人员，无法评定等次。");
            }
            var schemes = await ctx.Db.Set<AssessmentScheme>().AsNoTracking().ToDictionaryAsync(s => s.Id, ct);
            await RefuseProtectedDeductionsAsync(ctx.Db, list, schemes, ct);
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

    /// <summary>Closes the period once its grades are final and match the scores; afterwards nothing in it changes.</summary>
    public static Task<Guid> CloseAsync(Guid periodId, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            AssessmentAccess.RequirePersonnel(actor);
            var period = await LoadOpenAsync(ctx.Db, periodId, ct);
            var list = await ctx.Db.Set<PersonAssessment>().AsNoTracking().Where(a => a.PeriodId == periodId).ToListAsync(ct);
            var schemes = await ctx.Db.Set<AssessmentScheme>().AsNoTracking().ToDictionaryAsync(s => s.Id, ct);
            var result = Grading.Compute(list.Select(a => AssessmentQueries.Entry(a, schemes[a.SchemeId])));
            period.Close(list.Count, list.Count(a => a.Grade is not { } g || result.Grades[a.Id] != g));
            ctx.Audit("CloseAssessmentPeriod", nameof(AssessmentPeriod), period.Name, null, AssessmentAccess.ActingAs, new { period.Name, assessed = list.Count });
            return period.Id;
        }, ct);

    internal static async Task<AssessmentPeriod> LoadOpenAsync(SafeHarborDb db, Guid periodId, CancellationToken ct)
    {
        var period = await db.Set<AssessmentPeriod>().SingleOrDefaultAsync(p => p.Id == periodId, ct)
            ?? throw DomainException.NotFound("period-not-found", "考核期不存在。");
        period.EnsureOpen();
        return period;
    }

    private static async Task RefuseProtectedDeductionsAsync(SafeHarborDb db, IReadOnlyList<PersonAssessment> list, IReadOnlyDictionary<Guid, AssessmentScheme> schemes, CancellationToken ct)
    {
        var caseIds = list.SelectMany(a => a.Deductions).Where(d => d.CaseId is not null).Select(d => d.CaseId!.Value).Distinct().ToList();
        if (caseIds.Count == 0)
        {
            return;
        }
        var records = await db.Set<ResultRecord>().AsNoTracking().Where(r => r.PersonId != null && caseIds.Contains(r.CaseId)).ToListAsync(ct);
        var offending = (from a in list
                         from d in a.Deductions
                         where d.CaseId is not null
                         let record = records.FirstOrDefault(r => r.CaseId == d.CaseId && r.PersonId == a.PersonId && schemes[a.SchemeId].ProtectedByUses.Contains(r.UseCode))
                         where record is not null
                         select (a.PersonId, record)).ToList();
        if (offending.Count > 0)
        {
            throw DomainException.Conflict("protected-deduction",
                "以下扣分所涉事项已予容错免责，依第十一条不得扣分，请先撤销这些扣分再评定等次："
                + string.Join("；", offending.Select(o => $"{o.record.SubjectName}（事项 {o.record.CaseNumber}，{o.record.UseArticle} {o.record.UseText}）")) + "。");
        }
    }
}
