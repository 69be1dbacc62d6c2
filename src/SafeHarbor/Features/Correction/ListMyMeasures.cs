using Microsoft.EntityFrameworkCore;
using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Correction;

/// <summary>The rectification measures the actor owns (本人负责的整改措施).</summary>
public static class ListMyMeasures
{
    /// <summary>The measures the actor owns, open ones first by due date.</summary>
    public static async Task<IReadOnlyList<CorrectionQueries.MyMeasure>> HandleAsync(Actor actor, SafeHarborDb db, WorkingDayCalendar calendar, DateOnly today, CancellationToken ct)
    {
        CaseAccess.RefuseAdministrators(actor);
        if (actor.PersonId is not { } me)
        {
            return [];
        }
        var plans = await db.Set<RectificationPlan>().AsNoTracking().Where(p => p.Measures.Any(m => m.OwnerPersonId == me)).ToListAsync(ct);
        var caseIds = plans.Select(p => p.CaseId).ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Number, c.Title }).ToDictionaryAsync(c => c.Id, ct);
        var visible = (await db.Cases.AsNoTracking().Where(CaseAccess.VisibleTo(actor)).Where(c => caseIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        return plans
            .SelectMany(p => p.Measures.Where(m => m.OwnerPersonId == me).Select(m => (p, m)))
            .Select(x =>
            {
                var state = CorrectionRules.StateOf(x.m, today, calendar);
                var c = cases[x.p.CaseId];
                return new CorrectionQueries.MyMeasure(
                    c.Id, c.Number, c.Title, visible.Contains(c.Id), x.m.Id, x.m.Text, x.m.WorkingDays, x.m.DueOn, x.m.DueProvisionalReason, x.m.DoneOn, x.m.Evidence,
                    state, state.Chinese(), CorrectionRules.DeadlineOf(x.m, today, calendar), x.p.Status == PlanStatus.Closed, x.p.Version);
            })
            .OrderBy(m => m.DoneOn is null ? 0 : 1).ThenBy(m => m.DueOn).ThenBy(m => m.CaseNumber, StringComparer.Ordinal)
            .ToList();
    }
}
