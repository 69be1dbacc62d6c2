using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Features.ResultUses;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Assessment;

/// <summary>
/// Assessment periods: the annual assessment and the regular (平时, quarterly) ones; grades finalised per period; a closed period is read-only.
/// What the period use cases share: loading an open period, refusing deductions an exemption has since protected.
/// </summary>
public static class Periods
{
    internal static async Task<AssessmentPeriod> LoadOpenAsync(SafeHarborDb db, Guid periodId, CancellationToken ct)
    {
        var period = await db.Set<AssessmentPeriod>().SingleOrDefaultAsync(p => p.Id == periodId, ct)
            ?? throw DomainException.NotFound("period-not-found", "考核期不存在。");
        period.EnsureOpen();
        return period;
    }

    internal static async Task RefuseProtectedDeductionsAsync(SafeHarborDb db, IReadOnlyList<PersonAssessment> list, IReadOnlyDictionary<Guid, AssessmentScheme> schemes, CancellationToken ct)
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
