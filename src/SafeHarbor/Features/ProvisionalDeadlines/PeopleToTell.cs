using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.ProvisionalDeadlines;

/// <summary>The persons a moved deadline concerns; a unit is told through its leaders (a unit acts through its leader).</summary>
public static class PeopleToTell
{
    /// <summary>Who may apply: each person held accountable, and the leaders of each unit held accountable.</summary>
    public static async Task<IReadOnlyList<Guid>> SubjectsAsync(SafeHarborDb db, Case c, CancellationToken ct)
    {
        var units = c.SubjectUnitIds.ToList();
        var leaders = await LeadersAsync(db, units, ct);
        return [.. c.SubjectPersonIds, .. leaders];
    }

    /// <summary>The applicant: the person, or the leaders of the applying unit.</summary>
    public static async Task<IReadOnlyList<Guid>> ApplicantAsync(SafeHarborDb db, Case c, CancellationToken ct) =>
        c.Application switch
        {
            { ApplicantPersonId: { } person } => [person],
            { ApplicantUnitId: { } unit } => await LeadersAsync(db, [unit], ct),
            _ => [],
        };

    private static Task<List<Guid>> LeadersAsync(SafeHarborDb db, List<Guid> units, CancellationToken ct) =>
        db.Persons.AsNoTracking().Where(p => p.IsLeader && units.Contains(p.UnitId)).Select(p => p.Id).ToListAsync(ct);
}
