using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Infrastructure.Storage;

/// <summary>One file kept by <see cref="DatabaseFileStore"/>: its key and its bytes.</summary>
public sealed class StoredFileRecord
{
    public required string Key { get; set; }
    public required byte[] Content { get; set; }
    public long Size { get; set; }
    public DateTimeOffset StoredAt { get; set; }
}

internal sealed class StoredFileRecordConfiguration : IEntityTypeConfiguration<StoredFileRecord>
{
    public void Configure(EntityTypeBuilder<StoredFileRecord> b)
    {
        b.ToTable("StoredFiles");
        b.HasKey(f => f.Key);
        b.Property(f => f.Key).HasMaxLength(200);
    }
}

/// <summary>
/// Files as rows of the <c>StoredFiles</c> table: nothing to share between nodes but the database, and
/// one backup holds everything. Each call uses its own context (a scope of its own), so storing a file
/// never saves, or waits for, what the caller's context is tracking. A file is read and written whole
/// (evidence is at most <c>Evidence:MaxFileBytes</c>, 50 MB by default).
/// </summary>
public sealed class DatabaseFileStore(IServiceScopeFactory scopes, TimeProvider time) : IFileStore
{
    public async Task PutAsync(string key, Stream content, CancellationToken ct)
    {
        FileKeys.Check(key);
        byte[] bytes;
        using (var copy = new MemoryStream())
        {
            await content.CopyToAsync(copy, ct);
            bytes = copy.ToArray();
        }
        var now = time.GetUtcNow().ToUniversalTime();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeHarborDb>();
        // One statement each way: replacing is an update, a new key an insert; two nodes putting one
        // new key at once end with one row (the loser of the insert updates instead).
        for (var attempt = 0; ; attempt++)
        {
            var updated = await db.Set<StoredFileRecord>().Where(f => f.Key == key).ExecuteUpdateAsync(s => s
                .SetProperty(f => f.Content, bytes)
                .SetProperty(f => f.Size, bytes.LongLength)
                .SetProperty(f => f.StoredAt, now), ct);
            if (updated > 0)
            {
                return;
            }
            db.Add(new StoredFileRecord { Key = key, Content = bytes, Size = bytes.LongLength, StoredAt = now });
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    public async Task<Stream?> OpenAsync(string key, CancellationToken ct)
    {
        FileKeys.Check(key);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeHarborDb>();
        var content = await db.Set<StoredFileRecord>().AsNoTracking().Where(f => f.Key == key).Select(f => f.Content).SingleOrDefaultAsync(ct);
        return content is null ? null : new MemoryStream(content, writable: false);
    }

    public async Task DeleteAsync(string key, CancellationToken ct)
    {
        FileKeys.Check(key);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeHarborDb>();
        await db.Set<StoredFileRecord>().Where(f => f.Key == key).ExecuteDeleteAsync(ct);
    }

    public async Task<IReadOnlyList<string>> ListOlderThanAsync(string prefix, TimeSpan age, CancellationToken ct)
    {
        // StoredAt is written with the app's clock, so the age is measured on it too.
        var before = time.GetUtcNow().ToUniversalTime() - age;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeHarborDb>();
        return await db.Set<StoredFileRecord>().AsNoTracking().Where(f => f.Key.StartsWith(prefix) && f.StoredAt < before).Select(f => f.Key).ToListAsync(ct);
    }

    /// <summary>None: a row is inserted whole in one statement, and a crash rolls it back.</summary>
    public Task<int> RemoveTemporariesAsync(TimeSpan age, CancellationToken ct) => Task.FromResult(0);
}
