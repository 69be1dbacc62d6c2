using Microsoft.EntityFrameworkCore;
using SafeHarbor.Calendar;
using SafeHarbor.Features.ProvisionalDeadlines;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Correction;

/// <summary>
/// Due dates of rectification measures (Art. 8) that are 暂定: recomputed from the day they were counted from
/// when the year's notice arrives. An open measure gets the new date and its owner is told; for a measure
/// already done only the mark goes, so it stays on time or late by the date it was given.
/// </summary>
public sealed class MeasureDeadlines : IDeadlineOwner
{
    public async Task<IReadOnlyList<RecomputedDeadline>> RecomputeAsync(CommandContext ctx, WorkingDayCalendar calendar, CancellationToken ct)
    {
        var plans = await ctx.Db.Set<RectificationPlan>()
            .Where(p => p.Measures.Any(m => m.DueProvisionalReason != null))
            .ToListAsync(ct);
        var caseIds = plans.Select(p => p.CaseId).ToList();
        var numbers = await ctx.Db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Number, ct);
        var changes = new List<RecomputedDeadline>();
        foreach (var plan in plans)
        {
            foreach (var m in plan.Measures.Where(m => m.DueProvisionalReason is not null && m.CountedFrom is not null).OrderBy(m => m.DueOn))
            {
                var before = m.Due;
                var recomputed = calendar.AddWorkingDays(m.CountedFrom!.Value, m.WorkingDays);
                var open = m.DoneOn is null;
                if (recomputed == before || (!open && recomputed.Provisional))
                {
                    continue;
                }
                m.DueProvisionalReason = recomputed.ProvisionalReason;
                if (open)
                {
                    m.DueOn = recomputed.Date;
                }
                plan.Version++;
                changes.Add(new RecomputedDeadline("整改期限", plan.CaseId, "RectificationMeasure", m.Id.ToString(),
                    $"{numbers[plan.CaseId]} 整改措施“{m.Text}”（责任人 {m.OwnerName}）", before, m.Due, recomputed, null, "/Correction/Mine",
                    open && m.DueOn != before.Date ? [m.OwnerPersonId] : []));
            }
        }
        return changes;
    }
}
