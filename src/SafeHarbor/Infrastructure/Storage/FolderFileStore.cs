namespace SafeHarbor.Infrastructure.Storage;

/// <summary>
/// Files under one directory (<c>Storage:Directory</c>, default <c>data</c>, so that evidence stays where
/// earlier versions kept it: <c>data/evidence</c>, <c>data/documents</c>). Each file is written under a
/// temporary name, flushed to the disk and renamed over the final name, so a reader on this or another
/// node sees the old file or the whole new one and a crash leaves no half-written file under a real name.
/// </summary>
public sealed class FolderFileStore(string rootDirectory) : IFileStore
{
    public string RootDirectory { get; } = Path.GetFullPath(rootDirectory);

    public string PathOf(string key) => Path.Combine(RootDirectory, FileKeys.Check(key).Replace('/', Path.DirectorySeparatorChar));

    public async Task PutAsync(string key, Stream content, CancellationToken ct)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Not *.bin, *.pdf or *.docx: nothing reads a temporary file by mistake.
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await content.CopyToAsync(output, ct);
                await output.FlushAsync(ct);
                // fsync before the rename: after a power cut the name never points at missing bytes.
                output.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task<Stream?> OpenAsync(string key, CancellationToken ct)
    {
        try
        {
            return Task.FromResult<Stream?>(new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task DeleteAsync(string key, CancellationToken ct)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }
}
