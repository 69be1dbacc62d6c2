using Microsoft.EntityFrameworkCore;

namespace SafeHarbor.Infrastructure.Persistence;

public static class BureauQueries
{
    /// <summary>The bureau's code, then its parent's, up to the top of the tree.</summary>
    public static async Task<IReadOnlyList<string>> BureauLineageAsync(this SafeHarborDb db, Guid bureauId, CancellationToken ct)
    {
        var lineage = new List<string>();
        Guid? next = bureauId;
        while (next is { } id && lineage.Count < 10)
        {
            var bureau = await db.Bureaus.AsNoTracking().Where(b => b.Id == id).Select(b => new { b.Code, b.ParentId }).SingleOrDefaultAsync(ct);
            if (bureau is null)
            {
                break;
            }
            lineage.Add(bureau.Code);
            next = bureau.ParentId;
        }
        return lineage;
    }

    /// <summary>The bureau and every bureau below it (a city bureau's statistics include its county bureaus).</summary>
    public static async Task<IReadOnlyList<Guid>> BureauSubtreeAsync(this SafeHarborDb db, Guid bureauId, CancellationToken ct)
    {
        var all = await db.Bureaus.AsNoTracking().Select(b => new { b.Id, b.ParentId }).ToListAsync(ct);
        var found = new List<Guid>();
        var queue = new Queue<Guid>([bureauId]);
        while (queue.TryDequeue(out var id))
        {
            if (!found.Contains(id))
            {
                found.Add(id);
                foreach (var child in all.Where(b => b.ParentId == id))
                {
                    queue.Enqueue(child.Id);
                }
            }
        }
        return found;
    }
}
