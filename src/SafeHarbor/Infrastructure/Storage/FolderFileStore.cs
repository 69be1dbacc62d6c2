using System.Runtime.InteropServices;

namespace SafeHarbor.Infrastructure.Storage;

/// <summary>
/// Files under one directory (<c>Storage:Directory</c>, default <c>data</c>, so that evidence stays where
/// earlier versions kept it: <c>data/evidence</c>, <c>data/documents</c>). Each file is written under a
/// temporary name, fsynced, renamed over the final name, and then the directory is fsynced: when
/// <see cref="PutAsync"/> returns, the file and its name are on the disk, so the row that the caller commits
/// next can never point at a file a power cut took away, and a reader on this or another node sees the old
/// file or the whole new one. A temporary file left by a crash ends in <see cref="TemporarySuffix"/> and is
/// removed by <see cref="LeftoverSweeper"/>.
/// </summary>
public sealed class FolderFileStore(string rootDirectory) : IFileStore
{
    /// <summary>The end of a file's name while it is written: never a key's extension (*.bin, *.pdf, *.docx), so nothing reads it by mistake.</summary>
    public const string TemporarySuffix = ".tmp";

    public string RootDirectory { get; } = Path.GetFullPath(rootDirectory);

    public string PathOf(string key) => Path.Combine(RootDirectory, FileKeys.Check(key).Replace('/', Path.DirectorySeparatorChar));

    public async Task PutAsync(string key, Stream content, CancellationToken ct)
    {
        var path = PathOf(key);
        var directory = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory);
            // The new folder's own name must survive too.
            SyncDirectory(Path.GetDirectoryName(directory)!);
        }
        var temporary = $"{path}.{Guid.NewGuid():N}{TemporarySuffix}";
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
            // fsync the directory after the rename: the new name is durable before the caller commits the row.
            SyncDirectory(directory);
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

    public Task<IReadOnlyList<string>> ListOlderThanAsync(string prefix, TimeSpan age, CancellationToken ct)
    {
        // File times are the file system's clock, so the age is measured on that clock too.
        var before = DateTime.UtcNow - age;
        var folder = PathOf(prefix.TrimEnd('/'));
        IReadOnlyList<string> keys = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(f => !f.EndsWith(TemporarySuffix, StringComparison.Ordinal) && File.GetLastWriteTimeUtc(f) < before)
                .Select(f => Path.GetRelativePath(RootDirectory, f).Replace(Path.DirectorySeparatorChar, '/'))
                .ToList()
            : [];
        return Task.FromResult(keys);
    }

    public Task<int> RemoveTemporariesAsync(TimeSpan age, CancellationToken ct)
    {
        var before = DateTime.UtcNow - age;
        var removed = 0;
        if (Directory.Exists(RootDirectory))
        {
            foreach (var file in Directory.EnumerateFiles(RootDirectory, "*" + TemporarySuffix, SearchOption.AllDirectories))
            {
                if (File.GetLastWriteTimeUtc(file) < before)
                {
                    File.Delete(file);
                    removed++;
                }
            }
        }
        return Task.FromResult(removed);
    }

    /// <summary>fsync of a directory, which .NET has no API for (it refuses to open a directory as a file); Windows has no such call and needs none.</summary>
    internal static void SyncDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        var fd = Open(directory, 0 /* O_RDONLY */);
        if (fd < 0)
        {
            throw new IOException($"cannot open directory {directory} to fsync it (errno {Marshal.GetLastPInvokeError()})");
        }
        try
        {
            if (Fsync(fd) != 0)
            {
                throw new IOException($"fsync of directory {directory} failed (errno {Marshal.GetLastPInvokeError()})");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    // DllImport rather than LibraryImport: the source-generated marshaller needs unsafe code for a string.
    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);
}
