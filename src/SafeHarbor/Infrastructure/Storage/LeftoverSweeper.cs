namespace SafeHarbor.Infrastructure.Storage;

/// <summary>
/// A feature whose rows point at stored files (evidence, PDF jobs). A file is stored durably before the row that
/// names it commits; a request cut off between the two (a crash, a refused command) leaves a file no row names,
/// which <see cref="LeftoverSweeper"/> removes once it is old enough that no write can still be on its way.
/// </summary>
public interface IStoredFileOwner
{
    /// <summary>The keys this feature owns start with it, e.g. <c>evidence/</c>.</summary>
    string Prefix { get; }

    /// <summary>Of <paramref name="keys"/> (all under <see cref="Prefix"/>), those that no row of any bureau names.</summary>
    Task<IReadOnlyList<string>> UnreferencedAsync(IReadOnlyList<string> keys, CancellationToken ct);
}

/// <summary>What one sweep removed.</summary>
public sealed record SweepResult(int Temporaries, int Unreferenced)
{
    public int Total => Temporaries + Unreferenced;

    public string Chinese => $"清理中断上传的残留文件：临时文件 {Temporaries} 个，无记录引用的文件 {Unreferenced} 个。";
}

/// <summary>
/// Removes what interrupted writes leave: half-written temporary files (of the store and of uploads being received)
/// and stored files that no row names, each only when older than <c>Storage:SweepAfterMinutes</c> (default 60),
/// so that a write still in progress is never touched. Runs at start (one Chinese log line, even for nothing) and then
/// every <c>Storage:SweepEveryMinutes</c> (default 60; a line only when something was removed). Several nodes may
/// sweep at once: removing is idempotent and each node waits the same age.
/// </summary>
public sealed class LeftoverSweeper(
    IServiceScopeFactory scopes, IFileStore files, IConfiguration configuration, TimeProvider time, ILogger<LeftoverSweeper> log) : BackgroundService
{
    public const double DefaultAfterMinutes = 60;
    public const double DefaultEveryMinutes = 60;

    private TimeSpan Age => TimeSpan.FromMinutes(configuration.GetValue("Storage:SweepAfterMinutes", DefaultAfterMinutes) is >= 0 and var m ? m : DefaultAfterMinutes);

    /// <summary>One sweep, now.</summary>
    public async Task<SweepResult> SweepAsync(CancellationToken ct)
    {
        var age = Age;
        var temporaries = await files.RemoveTemporariesAsync(age, ct) + UploadBuffer.RemoveLeftovers(age);
        var unreferenced = 0;
        await using var scope = scopes.CreateAsyncScope();
        foreach (var owner in scope.ServiceProvider.GetServices<IStoredFileOwner>())
        {
            var candidates = await files.ListOlderThanAsync(owner.Prefix, age, ct);
            if (candidates.Count == 0)
            {
                continue;
            }
            foreach (var key in await owner.UnreferencedAsync(candidates, ct))
            {
                await files.DeleteAsync(key, ct);
                unreferenced++;
            }
        }
        return new SweepResult(temporaries, unreferenced);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting before the first query.
        await Task.Yield();
        var every = TimeSpan.FromMinutes(configuration.GetValue("Storage:SweepEveryMinutes", DefaultEveryMinutes) is > 0 and var m ? m : DefaultEveryMinutes);
        var first = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var result = await SweepAsync(stoppingToken);
                if (first || result.Total > 0)
                {
                    log.LogInformation("{Result}", result.Chinese);
                }
                first = false;
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                log.LogWarning(e, "清理残留文件失败，{Every} 后重试。", every);
            }
            try
            {
                await Task.Delay(every, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}

/// <summary>
/// The local files an upload is received into (hashed and checked there) before it goes whole into the store; their
/// names start with <see cref="NamePrefix"/>, so that a crash's leftovers can be found and removed.
/// </summary>
public static class UploadBuffer
{
    public const string NamePrefix = "safeharbor-upload-";

    /// <summary>The folder: the system's temporary folder (<c>TMPDIR</c> on Linux).</summary>
    public static string Directory => Path.GetTempPath();

    public static string NewPath() => Path.Combine(Directory, $"{NamePrefix}{Guid.NewGuid():N}");

    /// <summary>Removes buffers older than <paramref name="age"/> (another process's upload in progress is younger) and answers how many.</summary>
    public static int RemoveLeftovers(TimeSpan age)
    {
        var before = DateTime.UtcNow - age;
        var removed = 0;
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, NamePrefix + "*"))
        {
            try
            {
                if (File.GetLastWriteTimeUtc(file) < before)
                {
                    File.Delete(file);
                    removed++;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another user's file in a shared temporary folder: not ours to remove.
            }
        }
        return removed;
    }
}
