using System.Text.RegularExpressions;

namespace SafeHarbor.Infrastructure.Storage;

/// <summary>
/// Where the app keeps file content that every node must reach: evidence files and generated documents
/// (the DOCX of a PDF job and its PDF). Chosen by <c>Storage:Kind</c>: <see cref="StorageKind.Database"/>
/// (the <c>StoredFiles</c> table) or <see cref="StorageKind.Folder"/> (<c>Storage:Directory</c>, shared by
/// every node, e.g. an NFS mount). A key is a relative name like <c>evidence/3f….bin</c>.
/// Integrity (SHA-256, SM3) is the caller's business: the store keeps bytes, whole or not at all.
/// </summary>
public interface IFileStore
{
    /// <summary>
    /// Stores the content under the key, replacing what was there; a reader sees the old content or the new, never half.
    /// Returns only when the content is durable (fsynced, or committed): callers store a file first and then commit the
    /// row that names it, so no committed row points at a file a crash or a power cut lost.
    /// </summary>
    Task PutAsync(string key, Stream content, CancellationToken ct);

    /// <summary>The content, or null when nothing is stored under the key.</summary>
    Task<Stream?> OpenAsync(string key, CancellationToken ct);

    /// <summary>Removes the content; nothing happens when there is none.</summary>
    Task DeleteAsync(string key, CancellationToken ct);

    /// <summary>The keys under <paramref name="prefix"/> (e.g. <c>evidence/</c>) stored longer ago than <paramref name="age"/>: candidates for <see cref="LeftoverSweeper"/>.</summary>
    Task<IReadOnlyList<string>> ListOlderThanAsync(string prefix, TimeSpan age, CancellationToken ct);

    /// <summary>Removes half-written content a crash left (older than <paramref name="age"/>, so no write in progress) and answers how many; a store that writes in one transaction has none.</summary>
    Task<int> RemoveTemporariesAsync(TimeSpan age, CancellationToken ct);
}

public enum StorageKind
{
    Database,
    Folder,
}

public static partial class FileKeys
{
    /// <summary>Folders and names of letters, digits, '.', '-' and '_', separated by '/': no way out of the store's root.</summary>
    public static string Check(string key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 200 || !Valid().IsMatch(key) || key.Split('/').Any(part => part is "." or ".."))
        {
            throw new ArgumentException($"invalid storage key '{key}'", nameof(key));
        }
        return key;
    }

    [GeneratedRegex(@"^[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*$")]
    private static partial Regex Valid();
}

public static class FileStoreExtensions
{
    public static Task PutAsync(this IFileStore store, string key, byte[] content, CancellationToken ct) =>
        store.PutAsync(key, new MemoryStream(content, writable: false), ct);

    /// <summary>The whole content, or null when nothing is stored under the key.</summary>
    public static async Task<byte[]?> ReadAllAsync(this IFileStore store, string key, CancellationToken ct)
    {
        await using var stream = await store.OpenAsync(key, ct);
        if (stream is null)
        {
            return null;
        }
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, ct);
        return copy.ToArray();
    }
}
