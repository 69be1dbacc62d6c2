using Microsoft.EntityFrameworkCore;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Admin;

/// <summary>What the administration pages list: the unit tree, people per unit, accounts with their roles.</summary>
public static class AdminQueries
{
    /// <param name="Depth">0 for a top unit; the tree is listed depth-first, children after their parent.</param>
    public sealed record UnitNode(Guid Id, string Name, UnitType Type, Guid? ParentId, int Depth, int People);

    public sealed record PersonRow(Guid Id, string Name, Guid UnitId, string UnitName, string Post, bool IsLeader, bool InLeadershipTeam, string? Account);

    public sealed record AccountRow(Guid Id, string UserName, string DisplayName, Guid? PersonId, string? PersonName, string? UnitName, IReadOnlyList<Role> Roles, bool LockedOut);

    public static async Task<IReadOnlyList<UnitNode>> UnitTreeAsync(SafeHarborDb db, CancellationToken ct)
    {
        // Sorted here, not by the database: the order of Chinese names must not depend on the server's collation.
        var units = (await db.Units.AsNoTracking().ToListAsync(ct)).OrderBy(u => u.SortOrder).ThenBy(u => u.Name, StringComparer.Ordinal).ToList();
        var people = await db.Persons.AsNoTracking().GroupBy(p => p.UnitId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var ids = units.Select(u => u.Id).ToHashSet();
        var children = units.ToLookup(u => u.ParentId is { } p && ids.Contains(p) ? p : (Guid?)null);
        var tree = new List<UnitNode>(units.Count);
        var placed = new HashSet<Guid>();

        void Walk(Guid? parent, int depth)
        {
            foreach (var u in children[parent])
            {
                if (placed.Add(u.Id))
                {
                    tree.Add(new UnitNode(u.Id, u.Name, u.Type, u.ParentId, depth, people.GetValueOrDefault(u.Id)));
                    Walk(u.Id, depth + 1);
                }
            }
        }

        Walk(null, 0);
        // Units caught in a parent cycle have no root; list them rather than hide them.
        foreach (var u in units.Where(u => !placed.Contains(u.Id)))
        {
            tree.Add(new UnitNode(u.Id, u.Name, u.Type, u.ParentId, 0, people.GetValueOrDefault(u.Id)));
        }
        return tree;
    }

    public static async Task<IReadOnlyList<PersonRow>> PersonsAsync(SafeHarborDb db, Guid? unitId, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var accounts = await db.Users.AsNoTracking().Where(u => u.PersonId != null).Select(u => new { u.PersonId, u.UserName }).ToListAsync(ct);
        var accountOf = accounts.GroupBy(a => a.PersonId!.Value).ToDictionary(g => g.Key, g => string.Join("、", g.Select(a => a.UserName)));
        var persons = await db.Persons.AsNoTracking().Where(p => unitId == null || p.UnitId == unitId).OrderBy(p => p.Name).ToListAsync(ct);
        return persons.Select(p => new PersonRow(p.Id, p.Name, p.UnitId, units.GetValueOrDefault(p.UnitId, ""), p.Post, p.IsLeader, p.InLeadershipTeam, accountOf.GetValueOrDefault(p.Id))).ToList();
    }

    public static async Task<IReadOnlyList<AccountRow>> AccountsAsync(SafeHarborDb db, DateTimeOffset now, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
        var persons = await db.Persons.AsNoTracking().ToDictionaryAsync(p => p.Id, ct);
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return users.Select(u =>
        {
            var person = u.PersonId is { } pid ? persons.GetValueOrDefault(pid) : null;
            return new AccountRow(u.Id, u.UserName ?? "", u.DisplayName, u.PersonId, person?.Name, person is null ? null : units.GetValueOrDefault(person.UnitId),
                roles.Where(r => r.UserId == u.Id).Select(r => RoleNames.TryParse(r.Name, out var role) ? role : (Role?)null).OfType<Role>().Order().ToList(),
                u.LockoutEnd > now);
        }).ToList();
    }
}
