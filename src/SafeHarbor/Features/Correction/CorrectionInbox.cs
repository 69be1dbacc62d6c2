using Microsoft.EntityFrameworkCore;
using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;
using SafeHarbor.Reminders;

namespace SafeHarbor.Features.Correction;

/// <summary>
/// Rectification measures in 待办: an owner sees each open measure of theirs with its due date (red when
/// overdue, amber within two working days); the party group and its office see every overdue measure
/// of every open plan, to urge it on (督促…跟踪监督落实, Art. 8). The office (the secretariat, which records
/// the correction) also sees each exempted or mitigated matter whose correction has not reached a plan yet.
/// </summary>
public sealed class CorrectionInbox(SafeHarborDb db, PolicyCatalog policies, WorkingDayCalendar calendar) : IInboxContributor
{
    public const string Category = "纠错整改";

    public async Task<IReadOnlyList<OtherTodo>> ForAsync(Actor actor, DateOnly today, CancellationToken ct)
    {
        var me = actor.PersonId;
        var urges = actor.SeesAllCases && policies.All.Any(p => CorrectionAccess.Holds(actor, p, CorrectionAccess.Recorders));
        var todos = await NotStartedAsync(actor, ct);
        if (me is null && !urges)
        {
            return todos;
        }
        var plans = await db.Set<RectificationPlan>().AsNoTracking()
            .Where(p => p.Status == PlanStatus.Open)
            .Where(p => p.Measures.Any(m => m.DoneOn == null && ((me != null && m.OwnerPersonId == me) || (urges && m.DueOn < today))))
            .ToListAsync(ct);
        if (plans.Count == 0)
        {
            return todos;
        }
        var caseIds = plans.Select(p => p.CaseId).ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);

        foreach (var plan in plans)
        {
            var c = cases[plan.CaseId];
            var policy = policies.Get(c.PolicyId);
            var urgesThis = urges && CorrectionAccess.MayRecord(c, actor, policy);
            foreach (var m in plan.Measures.Where(m => m.DoneOn is null).OrderBy(m => m.DueOn))
            {
                if (me is not null && m.OwnerPersonId == me)
                {
                    todos.Add(new OtherTodo(Category, $"{c.Number} 整改措施：{m.Text}", "/Correction/Mine", "登记完成情况",
                        Deadlines.TryStatus(m.Due, today, calendar), "整改期限"));
                }
                else if (urgesThis && CorrectionRules.IsOverdue(m, today))
                {
                    todos.Add(new OtherTodo(Category, $"{c.Number} {m.OwnerName}的整改措施逾期未完成：{m.Text}", $"/Correction/{c.Id}", "督促整改",
                        Deadlines.TryStatus(m.Due, today, calendar), "整改期限"));
                }
            }
        }
        return todos;
    }

    /// <summary>For the secretariat: exempted or mitigated matters with no rectification plan yet, at the step they wait for.</summary>
    private async Task<List<OtherTodo>> NotStartedAsync(Actor actor, CancellationToken ct)
    {
        if (!actor.SeesAllCases || !policies.All.Any(p => CorrectionAccess.Holds(actor, p, [Duty.Secretariat])))
        {
            return [];
        }
        var planned = db.Set<RectificationPlan>().Select(p => p.CaseId);
        var cases = await db.Cases.AsNoTracking()
            .Where(CorrectionRules.CallsForCorrection)
            .Where(c => !planned.Contains(c.Id))
            .OrderBy(c => c.Number)
            .ToListAsync(ct);
        var progress = await CorrectionQueries.ProgressAsync(db, cases.Select(c => c.Id).ToList(), ct);
        return cases
            .Where(c => CorrectionAccess.MayRecord(c, actor, policies.Get(c.PolicyId)))
            .Select(c => new OtherTodo(Category, $"{c.Number} {c.Title}：{progress[c.Id].Stage.Chinese()}", $"/Correction/{c.Id}", "开展纠错", null, null))
            .ToList();
    }
}
