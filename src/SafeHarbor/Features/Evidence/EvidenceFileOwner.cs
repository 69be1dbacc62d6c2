using Microsoft.EntityFrameworkCore;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Storage;

namespace SafeHarbor.Features.Evidence;

/// <summary>Evidence files are named by their row's <see cref="EvidenceFile.StoredName"/>; a file no row names is the leftover of an upload that never committed.</summary>
public sealed class EvidenceFileOwner(SafeHarborDb db) : IStoredFileOwner
{
    public string Prefix => "evidence/";

    public async Task<IReadOnlyList<string>> UnreferencedAsync(IReadOnlyList<string> keys, CancellationToken ct)
    {
        var names = keys.Select(k => k[Prefix.Length..]).ToList();
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in names.Chunk(500))
        {
            referenced.UnionWith(await db.Set<EvidenceFile>().IgnoreQueryFilters([SafeHarborDb.BureauFilter]).AsNoTracking()
                .Where(f => chunk.Contains(f.StoredName)).Select(f => f.StoredName).ToListAsync(ct));
        }
        return keys.Where(k => !referenced.Contains(k[Prefix.Length..])).ToList();
    }
}
