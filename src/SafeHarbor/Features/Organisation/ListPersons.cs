using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Security;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Organisation;

/// <summary>Persons, optionally of one unit or with one name.</summary>
public static class ListPersons
{
    public static async Task<IReadOnlyList<OrganisationViews.PersonView>> HandleAsync(Guid? unitId, string? name, SafeHarborDb db, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var query = db.Persons.AsNoTracking().Where(p => unitId == null || p.UnitId == unitId);
        if (!string.IsNullOrWhiteSpace(name))
        {
            query = query.Where(p => p.Name == name.Trim());
        }
        var persons = await query.OrderBy(p => p.Name).ToListAsync(ct);
        return persons.Select(p => new OrganisationViews.PersonView(p.Id, p.Name, p.UnitId, units.GetValueOrDefault(p.UnitId, ""), p.Post, p.IsLeader, p.InLeadershipTeam)).ToList();
    }
}
