using System.IO.Compression;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Audit;
using SafeHarbor.Crypto;
using SafeHarbor.Features.Evidence;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Storage;

namespace SafeHarbor.Host;

/// <summary>What a backup archive holds, written last into it as <c>manifest.json</c>.</summary>
public sealed record BackupManifest(
    string Format,
    DateTimeOffset CreatedAt,
    string Provider,
    bool HasDatabase,
    string Storage,
    BackupCounts? Counts,
    IReadOnlyList<BackupMember> Members)
{
    public const string CurrentFormat = "safeharbor-backup/1";
}

public sealed record BackupMember(string Path, long Size, string Sm3);

public sealed record BackupCounts(long Bureaus, long Cases, long AuditEntries, long EvidenceFiles);

/// <summary>
/// <c>safeharbor backup</c> and <c>safeharbor restore</c>: one ZIP (mode 0600) with the SQLite database, the stored files,
/// the audit signing key and the signed checkpoints, and a manifest with the size and SM3 of every member.
/// <para>
/// Order makes the copy consistent while the app runs: the database is copied first, in one step of SQLite's backup API
/// (a read transaction: one committed state, writers go on), and the files after it. A file is durable before the row
/// that names it commits (<see cref="IFileStore.PutAsync"/>), so every row of the copied database finds its file in the
/// copy; a file stored after the snapshot comes along without a row and is swept after a restore (<see cref="LeftoverSweeper"/>).
/// </para>
/// <para>
/// PostgreSQL is backed up by its own tools (<c>pg_dump</c>, or <c>pg_basebackup</c> with WAL archiving; docs/operations.md);
/// there <c>--files-only</c> packs what lies outside the database, and <c>restore</c> puts it back after <c>pg_restore</c>.
/// </para>
/// </summary>
public static class Backup
{
    public const string ManifestName = "manifest.json";
    public const string DatabaseMember = "database/safeharbor.db";
    private const string FilesFolder = "files/";
    private const string KeysFolder = "keys/";
    private const string CheckpointsFolder = "checkpoints/";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The signing key and checkpoint folder of <see cref="AuditOptions"/>, copied when present.</summary>
    public static string SigningKeyPathFrom(IConfiguration configuration) => Path.GetFullPath(AuditOptions.From(configuration).SigningKeyPath);

    public static string CheckpointDirectoryFrom(IConfiguration configuration) => Path.GetFullPath(AuditOptions.From(configuration).CheckpointDirectory);

    /// <summary>Why this installation's database is not backed up by this command, and what else to copy (PostgreSQL).</summary>
    public const string PostgresExplanation =
        "PostgreSQL 数据库不由本命令备份：请用 pg_dump 备份（例如 pg_dump -Fc -f safeharbor.dump -d safeharbor），"
        + "或用 pg_basebackup 加 WAL 归档做时间点恢复。数据库之外还须备份：文件目录（Storage:Kind=Folder 时 Storage:Directory 下的 evidence/ 和 documents/）、"
        + "审计签名密钥（Audit:SigningKeyPath）和检查点目录（Audit:CheckpointDirectory）——加 --files-only 由本命令把它们打成一个备份文件。详见 docs/operations.md。";

    public static async Task<int> CreateAsync(IServiceProvider services, IConfiguration configuration, FileInfo target, bool filesOnly, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var provider = DatabaseSetup.ProviderFrom(configuration);
        if (provider == DatabaseProvider.Postgres && !filesOnly)
        {
            error.WriteLine(PostgresExplanation);
            return 2;
        }
        var storage = StorageSetup.KindFrom(configuration);
        target.Directory?.Create();
        var partial = target.FullName + ".partial";
        var snapshot = Path.Combine(Path.GetDirectoryName(target.FullName)!, $".safeharbor-backup-{Guid.NewGuid():N}.db");
        try
        {
            var members = new List<BackupMember>();
            BackupCounts? counts = null;
            // Only the owner reads it: it holds every case and the key that signs the audit checkpoints.
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.ReadWrite, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            await using (var stream = new FileStream(partial, options))
            {
                using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
                {
                    if (!filesOnly)
                    {
                        output.WriteLine("正在复制数据库（SQLite 在线备份，应用可继续运行）……");
                        counts = CopySqlite(DatabaseSetup.ConnectionStringFrom(configuration, DatabaseProvider.Sqlite), snapshot);
                        await using (var db = File.OpenRead(snapshot))
                        {
                            members.Add(await AddAsync(zip, DatabaseMember, db, ct));
                        }
                        output.WriteLine($"数据库：{members[^1].Size} 字节（局 {counts.Bureaus} 个，案件 {counts.Cases} 件，审计记录 {counts.AuditEntries} 条）。");
                    }

                    if (storage == StorageKind.Folder)
                    {
                        var files = services.GetRequiredService<IFileStore>();
                        await using var scope = services.CreateAsyncScope();
                        foreach (var prefix in scope.ServiceProvider.GetServices<IStoredFileOwner>().Select(o => o.Prefix))
                        {
                            // Everything stored up to now; later files have no row in the copy anyway.
                            var keys = await files.ListOlderThanAsync(prefix, TimeSpan.Zero, ct);
                            var added = 0;
                            foreach (var key in keys.Order(StringComparer.Ordinal))
                            {
                                await using var content = await files.OpenAsync(key, ct);
                                if (content is null)
                                {
                                    continue; // removed since it was listed (the sweeper): it has no row
                                }
                                members.Add(await AddAsync(zip, FilesFolder + key, content, ct));
                                added++;
                            }
                            output.WriteLine($"文件 {prefix}：{added} 个。");
                        }
                    }
                    else
                    {
                        output.WriteLine(provider == DatabaseProvider.Sqlite
                            ? "文件保存在数据库中（Storage:Kind=Database），已随数据库备份。"
                            : "文件保存在数据库中（Storage:Kind=Database），请随 PostgreSQL 数据库一并备份。");
                    }

                    var signingKey = SigningKeyPathFrom(configuration);
                    if (File.Exists(signingKey))
                    {
                        await using var content = File.OpenRead(signingKey);
                        members.Add(await AddAsync(zip, KeysFolder + Path.GetFileName(signingKey), content, ct));
                        output.WriteLine($"审计签名密钥：{signingKey}。");
                    }
                    else
                    {
                        output.WriteLine($"审计签名密钥：未找到 {signingKey}，未包含。");
                    }

                    var checkpoints = CheckpointDirectoryFrom(configuration);
                    var checkpointCount = 0;
                    if (Directory.Exists(checkpoints))
                    {
                        foreach (var file in Directory.EnumerateFiles(checkpoints, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                        {
                            await using var content = File.OpenRead(file);
                            members.Add(await AddAsync(zip, CheckpointsFolder + Path.GetRelativePath(checkpoints, file).Replace(Path.DirectorySeparatorChar, '/'), content, ct));
                            checkpointCount++;
                        }
                    }
                    output.WriteLine($"检查点：{checkpointCount} 个（{checkpoints}）。");

                    var manifest = new BackupManifest(BackupManifest.CurrentFormat, DateTimeOffset.UtcNow, provider.ToString(), !filesOnly, storage.ToString(), counts, members);
                    var manifestBytes = JsonSerializer.SerializeToUtf8Bytes(manifest, Json);
                    var entry = zip.CreateEntry(ManifestName, CompressionLevel.Optimal);
                    await using (var manifestStream = await entry.OpenAsync(ct))
                    {
                        await manifestStream.WriteAsync(manifestBytes, ct);
                    }
                    output.WriteLine($"清单 SM3：{Sm3.HashHex(manifestBytes)}（可另行记录，用于核对备份未被替换）。");
                }
                await stream.FlushAsync(ct);
                stream.Flush(flushToDisk: true);
            }
            File.Move(partial, target.FullName, overwrite: true);
            FolderFileStore.SyncDirectory(Path.GetDirectoryName(target.FullName)!);
            output.WriteLine($"备份完成 → {target.FullName}（{members.Count} 个文件，{new FileInfo(target.FullName).Length} 字节）。");
            if (provider == DatabaseProvider.Postgres)
            {
                output.WriteLine("提醒：本备份不含 PostgreSQL 数据库，请确认已用 pg_dump 或 pg_basebackup 备份数据库。");
            }
            return 0;
        }
        catch (IOException e)
        {
            throw new ArgumentException($"无法写入备份 {target.FullName}：{e.Message}");
        }
        finally
        {
            File.Delete(partial);
            SqliteConnection.ClearAllPools();
            File.Delete(snapshot);
        }
    }

    /// <summary>SQLite's online backup into <paramref name="snapshot"/>, in one step (one consistent state), and what the copy holds.</summary>
    private static BackupCounts CopySqlite(string connectionString, string snapshot)
    {
        var sourcePath = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (!File.Exists(sourcePath))
        {
            throw new ArgumentException($"找不到数据库文件 {Path.GetFullPath(sourcePath)}：请确认 Database__ConnectionString 与运行中的应用一致。");
        }
        using (var source = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly }.ToString()))
        using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = snapshot, Pooling = false }.ToString()))
        {
            source.Open();
            copy.Open();
            source.BackupDatabase(copy);
            // One self-contained file: no -wal beside it.
            using var journal = copy.CreateCommand();
            journal.CommandText = "PRAGMA journal_mode=DELETE;";
            journal.ExecuteNonQuery();
        }
        using var counted = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = snapshot, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        counted.Open();
        return CountSqlite(counted) ?? throw new ArgumentException("数据库中没有本系统的表：请先运行 migrate，或确认 Database__ConnectionString。");
    }

    /// <summary>What a SQLite database holds; null when it has no SafeHarbor tables.</summary>
    private static BackupCounts? CountSqlite(SqliteConnection connection)
    {
        using var exists = connection.CreateCommand();
        exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('Bureaus', 'Cases', 'AuditEntries', 'EvidenceFiles')";
        if ((long)exists.ExecuteScalar()! < 4)
        {
            return null;
        }
        long Count(string table)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT count(*) FROM \"{table}\"";
            return (long)command.ExecuteScalar()!;
        }
        return new BackupCounts(Count("Bureaus"), Count("Cases"), Count("AuditEntries"), Count("EvidenceFiles"));
    }

    private static async Task<BackupMember> AddAsync(ZipArchive zip, string path, Stream content, CancellationToken ct)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Fastest);
        var sm3 = new Sm3();
        long size = 0;
        var buffer = new byte[81920];
        await using (var output = await entry.OpenAsync(ct))
        {
            int read;
            while ((read = await content.ReadAsync(buffer, ct)) > 0)
            {
                sm3.Append(buffer.AsSpan(0, read));
                size += read;
                await output.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }
        return new BackupMember(path, size, sm3.FinishHex());
    }

    /// <summary>
    /// Checks the archive against its manifest, refuses a target that holds data unless <paramref name="force"/>, puts the
    /// database, files, key and checkpoints where this installation's configuration says, then verifies every bureau's
    /// audit chain and prints what the restored installation holds. The app must be stopped while it runs.
    /// </summary>
    public static async Task<int> RestoreAsync(Func<WebApplication> buildServices, IConfiguration configuration, FileInfo archiveFile, bool force, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (!archiveFile.Exists)
        {
            throw new ArgumentException($"找不到备份文件 {archiveFile.FullName}。");
        }
        using var zip = OpenZip(archiveFile);
        var manifest = ReadManifest(zip);

        output.WriteLine($"正在核对备份（{manifest.Members.Count} 个文件，{manifest.CreatedAt.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm:ss} 创建）……");
        var problems = await CheckAsync(zip, manifest, ct);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                error.WriteLine(problem);
            }
            error.WriteLine($"备份文件与清单不符（{problems.Count} 处），未恢复任何内容。");
            return 1;
        }
        output.WriteLine("备份完整：每个文件的大小和 SM3 与清单一致。");

        var provider = DatabaseSetup.ProviderFrom(configuration);
        var storage = StorageSetup.KindFrom(configuration);
        if (manifest.HasDatabase && provider != DatabaseProvider.Sqlite)
        {
            throw new ArgumentException("备份中的数据库是 SQLite，当前配置的是 PostgreSQL：请把 Database__Provider 配置为 Sqlite 后恢复；PostgreSQL 数据库用 pg_restore 恢复。");
        }
        if (manifest.Storage == nameof(StorageKind.Database) && storage != StorageKind.Database)
        {
            throw new ArgumentException("备份时文件保存在数据库中（Storage:Kind=Database），当前配置为 Folder：请按备份时的 Storage:Kind 配置后再恢复，否则恢复后的系统读不到这些文件。");
        }
        var sqlite = provider == DatabaseProvider.Sqlite ? DatabaseSetup.ConnectionStringFrom(configuration, DatabaseProvider.Sqlite) : null;
        var keyPath = SigningKeyPathFrom(configuration);
        var checkpoints = CheckpointDirectoryFrom(configuration);
        var fileMembers = manifest.Members.Where(m => m.Path.StartsWith(FilesFolder, StringComparison.Ordinal)).ToList();
        var keyMember = manifest.Members.SingleOrDefault(m => m.Path.StartsWith(KeysFolder, StringComparison.Ordinal));
        var checkpointMembers = manifest.Members.Where(m => m.Path.StartsWith(CheckpointsFolder, StringComparison.Ordinal)).ToList();

        if (!force)
        {
            var present = new List<string>();
            if (manifest.HasDatabase && sqlite is not null && DescribeSqlite(sqlite) is { } database)
            {
                present.Add(database);
            }
            if (fileMembers.Count > 0 && storage == StorageKind.Folder)
            {
                var root = Path.GetFullPath(StorageSetup.DirectoryFrom(configuration));
                var existing = fileMembers.Select(m => m.Path[FilesFolder.Length..].Split('/')[0]).Distinct()
                    .Select(folder => Path.Combine(root, folder)).Where(Directory.Exists)
                    .Sum(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count());
                if (existing > 0)
                {
                    present.Add($"文件目录 {root} 已有 {existing} 个文件");
                }
            }
            if (keyMember is not null && File.Exists(keyPath))
            {
                present.Add($"审计签名密钥 {keyPath} 已存在");
            }
            if (checkpointMembers.Count > 0 && Directory.Exists(checkpoints) && Directory.EnumerateFiles(checkpoints, "*", SearchOption.AllDirectories).Any())
            {
                present.Add($"检查点目录 {checkpoints} 不是空的");
            }
            if (present.Count > 0)
            {
                error.WriteLine($"目标不是空的：{string.Join("；", present)}。恢复会覆盖这些内容，未做任何改动；确认要覆盖时加 --force（请先停止应用）。");
                return 2;
            }
        }

        if (manifest.HasDatabase)
        {
            output.WriteLine($"正在恢复数据库到 {Path.GetFullPath(new SqliteConnectionStringBuilder(sqlite).DataSource)}……");
            RestoreSqlite(zip, sqlite!);
        }
        else
        {
            output.WriteLine("备份不含数据库（--files-only）：数据库须已用 pg_restore 或 SQLite 文件另行恢复。");
        }

        await using (var app = buildServices())
        {
            var files = app.Services.GetRequiredService<IFileStore>();
            foreach (var member in fileMembers)
            {
                await using var content = await zip.GetEntry(member.Path)!.OpenAsync(ct);
                await files.PutAsync(member.Path[FilesFolder.Length..], content, ct);
            }
            if (fileMembers.Count > 0)
            {
                output.WriteLine($"已恢复文件 {fileMembers.Count} 个。");
            }
        }
        if (keyMember is not null)
        {
            await ExtractAsync(zip, keyMember.Path, keyPath, ownerOnly: true, ct);
            output.WriteLine($"已恢复审计签名密钥 → {keyPath}。");
        }
        foreach (var member in checkpointMembers)
        {
            await ExtractAsync(zip, member.Path, Path.Combine(checkpoints, member.Path[CheckpointsFolder.Length..].Replace('/', Path.DirectorySeparatorChar)), ownerOnly: false, ct);
        }
        if (checkpointMembers.Count > 0)
        {
            output.WriteLine($"已恢复检查点 {checkpointMembers.Count} 个 → {checkpoints}。");
        }

        return await VerifyRestoredAsync(buildServices, manifest.HasDatabase, output, error, ct);
    }

    private static async Task<int> VerifyRestoredAsync(Func<WebApplication> buildServices, bool restoredDatabase, TextWriter output, TextWriter error, CancellationToken ct)
    {
        await using var app = buildServices();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeHarborDb>();
        if (restoredDatabase)
        {
            // A backup of an earlier version: its schema is brought to this version's before it is read (as a start would).
            await DatabaseSetup.MigrateAsync(db, ct);
        }
        var files = app.Services.GetRequiredService<IFileStore>();
        var intact = true;
        var bureaus = await db.Bureaus.AsNoTracking().OrderBy(b => b.SortOrder).ThenBy(b => b.Code).Select(b => new { b.Id, b.Code, b.Name }).ToListAsync(ct);
        foreach (var bureau in bureaus)
        {
            var result = await AuditLog.VerifyAsync(db, bureau.Id, ct);
            (result.IsIntact ? output : error).WriteLine($"{bureau.Code}（{bureau.Name}）：{result.Message}");
            intact &= result.IsIntact;
        }
        var cases = await db.Cases.IgnoreQueryFilters([SafeHarborDb.BureauFilter]).LongCountAsync(ct);
        var entries = await db.AuditEntries.LongCountAsync(ct);
        var evidence = await db.Set<EvidenceFile>().IgnoreQueryFilters([SafeHarborDb.BureauFilter]).AsNoTracking().Select(f => f.StoredName).ToListAsync(ct);
        var missing = 0;
        foreach (var name in evidence)
        {
            await using var content = await files.OpenAsync(EvidenceStore.KeyOf(name), ct);
            if (content is null)
            {
                missing++;
            }
        }
        output.WriteLine($"恢复后：局 {bureaus.Count} 个，案件 {cases} 件，审计记录 {entries} 条，证明材料文件 {evidence.Count} 个。");
        if (missing > 0)
        {
            error.WriteLine($"有 {missing} 个证明材料在存储中缺失：请确认 Storage__Directory（或 Storage__Kind）与备份时一致。");
            intact = false;
        }
        return intact ? 0 : 1;
    }

    /// <summary>What a SQLite target holds, in Chinese; null when it is missing or has no SafeHarbor rows.</summary>
    private static string? DescribeSqlite(string connectionString)
    {
        var path = Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);
        if (!File.Exists(path))
        {
            return null;
        }
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        var counts = CountSqlite(connection);
        if (counts is null)
        {
            using var tables = connection.CreateCommand();
            tables.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table'";
            var n = (long)tables.ExecuteScalar()!;
            return n == 0 ? null : $"数据库 {path} 已有 {n} 张表";
        }
        return counts is { Bureaus: 0, Cases: 0, AuditEntries: 0, EvidenceFiles: 0 }
            ? null
            : $"数据库 {path} 已有 {counts.Bureaus} 个局、{counts.Cases} 件案件、{counts.AuditEntries} 条审计记录、{counts.EvidenceFiles} 个证明材料";
    }

    /// <summary>
    /// Through SQLite's backup API into the configured file: page by page in one transaction of the target, whose
    /// journal keeps it whole if this is cut off, and whatever WAL the target had is replaced with it.
    /// </summary>
    private static void RestoreSqlite(ZipArchive zip, string connectionString)
    {
        var target = Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var extracted = Path.Combine(Path.GetDirectoryName(target)!, $".safeharbor-restore-{Guid.NewGuid():N}.db");
        try
        {
            zip.GetEntry(DatabaseMember)!.ExtractToFile(extracted);
            SqliteConnection.ClearAllPools();
            using (var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = extracted, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString()))
            using (var destination = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString()))
            {
                source.Open();
                destination.Open();
                using (var full = destination.CreateCommand())
                {
                    full.CommandText = SqliteDurability.Pragma;
                    full.ExecuteNonQuery();
                }
                source.BackupDatabase(destination);
                using var wal = destination.CreateCommand();
                wal.CommandText = "PRAGMA journal_mode=WAL;";
                wal.ExecuteNonQuery();
            }
        }
        finally
        {
            File.Delete(extracted);
        }
    }

    private static async Task ExtractAsync(ZipArchive zip, string member, string path, bool ownerOnly, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}{FolderFileStore.TemporarySuffix}";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (ownerOnly && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        try
        {
            await using (var input = await zip.GetEntry(member)!.OpenAsync(ct))
            await using (var output = new FileStream(temporary, options))
            {
                await input.CopyToAsync(output, ct);
                output.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
            FolderFileStore.SyncDirectory(Path.GetDirectoryName(path)!);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static ZipArchive OpenZip(FileInfo file)
    {
        try
        {
            return ZipFile.OpenRead(file.FullName);
        }
        catch (InvalidDataException)
        {
            throw new ArgumentException($"{file.FullName} 不是本系统的备份文件（不是 ZIP）。");
        }
    }

    private static BackupManifest ReadManifest(ZipArchive zip)
    {
        var entry = zip.GetEntry(ManifestName) ?? throw new ArgumentException($"备份中没有 {ManifestName}：不是本系统的备份文件，或已损坏。");
        try
        {
            using var stream = entry.Open();
            var manifest = JsonSerializer.Deserialize<BackupManifest>(stream, Json);
            return manifest is { Format: BackupManifest.CurrentFormat, Members: not null }
                ? manifest
                : throw new ArgumentException($"备份清单的格式不是 {BackupManifest.CurrentFormat}，本版本无法恢复。");
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"备份清单无法读取：{e.Message}");
        }
    }

    /// <summary>Every member as the manifest says (size and SM3), nothing missing, nothing added, no path leading out.</summary>
    private static async Task<List<string>> CheckAsync(ZipArchive zip, BackupManifest manifest, CancellationToken ct)
    {
        var problems = new List<string>();
        var listed = manifest.Members.Select(m => m.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var member in manifest.Members)
        {
            if (member.Path.Split('/').Any(part => part is "" or "." or "..") || !(member.Path == DatabaseMember
                    || member.Path.StartsWith(FilesFolder, StringComparison.Ordinal) || member.Path.StartsWith(KeysFolder, StringComparison.Ordinal)
                    || member.Path.StartsWith(CheckpointsFolder, StringComparison.Ordinal)))
            {
                problems.Add($"{member.Path}：清单中的路径不合规。");
                continue;
            }
            var entry = zip.GetEntry(member.Path);
            if (entry is null)
            {
                problems.Add($"{member.Path}：缺失。");
                continue;
            }
            var sm3 = new Sm3();
            long size = 0;
            var buffer = new byte[81920];
            await using (var input = await entry.OpenAsync(ct))
            {
                int read;
                while ((read = await input.ReadAsync(buffer, ct)) > 0)
                {
                    sm3.Append(buffer.AsSpan(0, read));
                    size += read;
                }
            }
            if (size != member.Size || sm3.FinishHex() != member.Sm3)
            {
                problems.Add($"{member.Path}：内容被修改（大小或 SM3 与清单不符）。");
            }
        }
        foreach (var entry in zip.Entries.Where(e => e.FullName != ManifestName && !listed.Contains(e.FullName)))
        {
            problems.Add($"{entry.FullName}：清单中没有（多出）。");
        }
        return problems;
    }
}
