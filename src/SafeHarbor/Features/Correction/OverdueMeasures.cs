using Microsoft.EntityFrameworkCore;
using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Correction;

/// <summary>Measures of open plans past their due date, counted per unit of the owner (逾期未完成的整改措施).</summary>
public static class OverdueMeasures
{
    /// <summary>For the bodies with a duty in the procedure only (403 for anyone else).</summary>
    public static Task<CorrectionQueries.OverdueSummary> HandleAsync(Actor actor, SafeHarborDb db, DateOnly today, CancellationToken ct)
    {
        if (!actor.SeesAllCases)
        {
            throw DomainException.Forbidden("not-your-duty", "逾期整改措施统计供容错免责程序中承担职责的机构查看。");
        }
        return SummaryAsync(db, today, ct);
    }

    /// <summary>Measures of open plans past their due date on <paramref name="today"/>, with counts per unit of the owner.</summary>
    public static async Task<CorrectionQueries.OverdueSummary> SummaryAsync(SafeHarborDb db, DateOnly today, CancellationToken ct = default)
    {
        var plans = await db.Set<RectificationPlan>().AsNoTracking()
            .Where(p => p.Status == PlanStatus.Open && p.Measures.Any(m => m.DoneOn == null && m.DueOn < today))
            .ToListAsync(ct);
        var caseIds = plans.Select(p => p.CaseId).ToList();
        var numbers = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Number, ct);
        var ownerIds = plans.SelectMany(p => p.Measures).Select(m => m.OwnerPersonId).Distinct().ToList();
        var ownerUnits = await db.Persons.AsNoTracking().Where(p => ownerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.UnitId, ct);
        var unitNames = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var items = plans
            .SelectMany(p => p.Measures.Where(m => CorrectionRules.IsOverdue(m, today)).Select(m =>
            {
                Guid? unit = ownerUnits.TryGetValue(m.OwnerPersonId, out var u) ? u : null;
                return (Plan: p.Id, Item: new CorrectionQueries.OverdueMeasure(
                    p.CaseId, numbers.GetValueOrDefault(p.CaseId) ?? "", m.Id, m.Text, m.OwnerPersonId, m.OwnerName,
                    unit, unit is { } id ? unitNames.GetValueOrDefault(id) ?? "" : "（人员已不在册）", m.DueOn, m.DueProvisionalReason));
            }))
            .ToList();
        var byUnit = items
            .GroupBy(x => (x.Item.OwnerUnitId, x.Item.OwnerUnitName))
            .Select(g => new CorrectionQueries.UnitOverdue(g.Key.OwnerUnitId, g.Key.OwnerUnitName, g.Count(), g.Select(x => x.Plan).Distinct().Count()))
            .OrderByDescending(u => u.Measures).ThenBy(u => u.UnitName, StringComparer.Ordinal)
            .ToList();
        return new CorrectionQueries.OverdueSummary(
            items.Count, items.Select(x => x.Plan).Distinct().Count(), byUnit,
            items.Select(x => x.Item).OrderBy(i => i.DueOn).ThenBy(i => i.CaseNumber, StringComparer.Ordinal).ToList());
    }
}
