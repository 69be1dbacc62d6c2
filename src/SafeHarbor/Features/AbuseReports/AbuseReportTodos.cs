using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Reminders;

namespace SafeHarbor.Features.AbuseReports;

/// <summary>Reports still under investigation in 局机关纪委's 待办 (Art. 10: 一经查实 … they must be concluded).</summary>
public sealed class AbuseReportTodos(SafeHarborDb db) : IInboxContributor
{
    public const string Category = "举报核查";

    public async Task<IReadOnlyList<OtherTodo>> ForAsync(Actor actor, DateOnly today, CancellationToken ct)
    {
        if (!AbuseReportAccess.MayConclude(actor))
        {
            return [];
        }
        var open = await db.Set<AbuseReport>().AsNoTracking()
            .Where(r => r.Status == AbuseReportStatus.Open)
            .OrderBy(r => r.ReceivedOn)
            .Select(r => new { r.Kind, r.ReceivedOn, Person = db.Persons.Where(p => p.Id == r.PersonId).Select(p => p.Name).FirstOrDefault(), Case = db.Cases.Where(c => c.Id == r.CaseId).Select(c => c.Number).FirstOrDefault() })
            .ToListAsync(ct);
        return open.Select(r => new OtherTodo(
                Category,
                $"{r.ReceivedOn:yyyy-MM-dd} 收到的{r.Kind.Chinese()}举报" + (r.Person is null ? "" : $"（{r.Person}）") + (r.Case is null ? "" : $"，涉及案件 {r.Case}"),
                "/AbuseReports?Status=Open",
                "核查并作出结论",
                null,
                null))
            .ToList();
    }
}
