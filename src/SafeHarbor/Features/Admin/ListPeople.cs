using Microsoft.EntityFrameworkCore;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Admin;

/// <summary>People (of one unit, or all) with their accounts.</summary>
public static class ListPeople
{
    public static async Task<IReadOnlyList<AdminQueries.PersonRow>> HandleAsync(SafeHarborDb db, Guid? unitId, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var accounts = await db.Users.AsNoTracking().Where(u => u.PersonId != null).Select(u => new { u.PersonId, u.UserName }).ToListAsync(ct);
        var accountOf = accounts.GroupBy(a => a.PersonId!.Value).ToDictionary(g => g.Key, g => string.Join("、", g.Select(a => a.UserName)));
        var persons = await db.Persons.AsNoTracking().Where(p => unitId == null || p.UnitId == unitId).OrderBy(p => p.Name).ToListAsync(ct);
        return persons.Select(p => new AdminQueries.PersonRow(p.Id, p.Name, p.UnitId, units.GetValueOrDefault(p.UnitId, ""), p.Post, p.IsLeader, p.InLeadershipTeam, accountOf.GetValueOrDefault(p.Id))).ToList();
    }
}
