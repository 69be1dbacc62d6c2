using Microsoft.EntityFrameworkCore;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Security;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Admin;

/// <summary>Accounts with their person, unit, roles and whether they are locked out (from any address).</summary>
public static class ListAccounts
{
    public static async Task<IReadOnlyList<AdminQueries.AccountRow>> HandleAsync(SafeHarborDb db, DateTimeOffset now, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
        var persons = await db.Persons.AsNoTracking().ToDictionaryAsync(p => p.Id, ct);
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var locked = await SignInThrottle.LockedNamesAsync(db, now, ct);
        return users.Select(u =>
        {
            var person = u.PersonId is { } pid ? persons.GetValueOrDefault(pid) : null;
            return new AdminQueries.AccountRow(u.Id, u.UserName ?? "", u.DisplayName, u.PersonId, person?.Name, person is null ? null : units.GetValueOrDefault(person.UnitId),
                roles.Where(r => r.UserId == u.Id).Select(r => RoleNames.TryParse(r.Name, out var role) ? role : (Role?)null).OfType<Role>().Order().ToList(),
                locked.Contains(u.NormalizedUserName ?? ""));
        }).ToList();
    }
}
