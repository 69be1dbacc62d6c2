using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Reminders;

namespace SafeHarbor.Features.Assessment;

/// <summary>
/// The personnel section's 待办: open periods whose grades are missing or no longer match the scores, and deductions
/// for matters that have been exempted since they were recorded (Art. 11: they must go).
/// </summary>
public sealed class AssessmentInbox(SafeHarborDb db) : IInboxContributor
{
    public async Task<IReadOnlyList<OtherTodo>> ForAsync(Actor actor, DateOnly today, CancellationToken ct)
    {
        if (!AssessmentAccess.IsPersonnel(actor))
        {
            return [];
        }
        var todos = new List<OtherTodo>();
        var open = await db.Set<AssessmentPeriod>().AsNoTracking().Where(p => !p.Closed).Select(p => p.Id).ToListAsync(ct);
        foreach (var id in open)
        {
            var period = await AssessmentQueries.PeriodAsync(db, id, ct);
            foreach (var a in period.Assessments)
            {
                foreach (var d in a.Deductions.Where(d => d.ProtectedBy is not null))
                {
                    todos.Add(new OtherTodo("考核", $"{period.Name}：{a.PersonName}的扣分所涉事项 {d.CaseNumber} 已予容错免责，应撤销",
                        $"/Assessment/Periods/{period.Id}/Assess?personId={a.PersonId}", "撤销扣分", null, null));
                }
            }
            if (period.Assessed > 0 && !period.GradesCurrent)
            {
                todos.Add(new OtherTodo("考核", $"{period.Name}：等次尚未评定，或评定后分数有变动",
                    $"/Assessment/Periods/{period.Id}", "评定等次", null, null));
            }
        }
        return todos;
    }
}
