using Microsoft.EntityFrameworkCore;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Admin;

/// <summary>The unit tree, depth-first, with how many people each unit has.</summary>
public static class ListUnitTree
{
    public static async Task<IReadOnlyList<AdminQueries.UnitNode>> HandleAsync(SafeHarborDb db, CancellationToken ct)
    {
        // Sorted here, not by the database: the order of Chinese names must not depend on the server's collation.
        var units = (await db.Units.AsNoTracking().ToListAsync(ct)).OrderBy(u => u.SortOrder).ThenBy(u => u.Name, StringComparer.Ordinal).ToList();
        var people = await db.Persons.AsNoTracking().GroupBy(p => p.UnitId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var ids = units.Select(u => u.Id).ToHashSet();
        var children = units.ToLookup(u => u.ParentId is { } p && ids.Contains(p) ? p : (Guid?)null);
        var tree = new List<AdminQueries.UnitNode>(units.Count);
        var placed = new HashSet<Guid>();

        void Walk(Guid? parent, int depth)
        {
            foreach (var u in children[parent])
            {
                if (placed.Add(u.Id))
                {
                    tree.Add(new AdminQueries.UnitNode(u.Id, u.Name, u.Type, u.ParentId, depth, people.GetValueOrDefault(u.Id)));
                    Walk(u.Id, depth + 1);
                }
            }
        }

        Walk(null, 0);
        // Units caught in a parent cycle have no root; list them rather than hide them.
        foreach (var u in units.Where(u => !placed.Contains(u.Id)))
        {
            tree.Add(new AdminQueries.UnitNode(u.Id, u.Name, u.Type, u.ParentId, 0, people.GetValueOrDefault(u.Id)));
        }
        return tree;
    }
}
