using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SafeHarbor.Crypto;
using SafeHarbor.IntegrationTests.Cli;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Operations;

/// <summary>
/// <c>safeharbor backup</c> while the app runs and <c>safeharbor restore</c> into another installation: the copy holds the
/// database, the stored files, the audit signing key and the checkpoints, each checked by SM3 against the manifest; a
/// restore refuses to overwrite data unless told, verifies every chain and prints what it restored, and the restored
/// installation serves the evidence and the documents.
/// </summary>
public sealed class BackupRestoreTests
{
    private static readonly byte[] SmallPdf = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private const string KeyText = "test signing key (the checkpoint work writes the real one)";

    /// <summary>An installation's places: the database, the file folder, the signing key and the checkpoints.</summary>
    private sealed record Place(string Root)
    {
        public string Database => Path.Combine(Root, "safeharbor.db");
        public string Files => Path.Combine(Root, "files");
        public string Key => Path.Combine(Root, "keys", "audit-sm2.key");
        public string Checkpoints => Path.Combine(Root, "checkpoints");

        public Dictionary<string, string?> Settings(string? connectionString = null) => new()
        {
            ["Database:Provider"] = connectionString is null ? "Sqlite" : "Postgres",
            ["Database:ConnectionString"] = connectionString ?? new SqliteConnectionStringBuilder { DataSource = Database }.ToString(),
            ["Storage:Kind"] = "Folder",
            ["Storage:Directory"] = Files,
            ["Audit:SigningKeyPath"] = Key,
            ["Audit:CheckpointDirectory"] = Checkpoints,
            ["Security:PasswordHashIterations"] = "1000",
        };
    }

    private static async Task<(CaseRef Case, Guid EvidenceId)> CaseWithEvidenceAsync(TestApp app)
    {
        var procedure = new Support.Procedure(app);
        var c = await procedure.RegisterAsync("staffA");
        await procedure.ApplyAsync(c, "staffA");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(SmallPdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "不予处罚决定书.pdf");
        var evidence = await app.As("staffA").PostAsync($"{c.Url}/evidence", form).OkAsync();
        return (c, evidence.GetProperty("id").GetGuid());
    }

    private static UnixFileMode ModeOf(string path) =>
        OperatingSystem.IsWindows() ? throw new PlatformNotSupportedException("file modes are checked on Linux") : File.GetUnixFileMode(path);

    private static void WriteKeyAndCheckpoint(Place place)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(place.Key)!);
        File.WriteAllText(place.Key, KeyText);
        Directory.CreateDirectory(place.Checkpoints);
        File.WriteAllText(Path.Combine(place.Checkpoints, "000001.json"), "{\"seq\":1}");
    }

    [SqliteOnly("the SQLite online backup API and the built app started on the restored file; PostgreSQL is backed up with pg_dump (Backup_on_postgres_…)")]
    public async Task Backup_while_the_app_runs_then_restore_into_an_empty_installation_verifies_every_chain_and_serves_evidence_and_documents()
    {
        var source = new Place(HostSettings.NewWorkDirectory());
        var target = new Place(HostSettings.NewWorkDirectory());
        WriteKeyAndCheckpoint(source);
        var overrides = source.Settings();
        overrides.Remove("Database:Provider");
        overrides.Remove("Database:ConnectionString");
        overrides.Remove("Security:PasswordHashIterations");
        await using var app = await TestApp.StartAsync(Db.Sqlite, overrides);
        try
        {
            var (c, evidenceId) = await CaseWithEvidenceAsync(app);
            var backupFile = Path.Combine(source.Root, "backup", "safeharbor.zip");

            // The app keeps running (and writing) while the backup is taken.
            var writing = Task.Run(async () =>
            {
                for (var i = 0; i < 5; i++)
                {
                    await new Support.Procedure(app).RegisterAsync("staffB", title: $"备份期间登记的问责事项 {i}");
                }
            });
            var cli = AdminCli.DatabaseOf(app);
            foreach (var (k, v) in overrides)
            {
                cli[k] = v;
            }
            var backup = await AdminCli.RunAsync(["backup", "--out", backupFile], cli);
            await writing;
            Assert.True(backup.ExitCode == 0, backup.ToString());
            Assert.Contains("正在复制数据库（SQLite 在线备份，应用可继续运行）……", backup.Output);
            Assert.Contains("文件 evidence/：1 个。", backup.Output);
            Assert.Contains($"审计签名密钥：{source.Key}。", backup.Output);
            Assert.Contains("检查点：1 个", backup.Output);
            Assert.Contains("备份完成 → ", backup.Output);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, ModeOf(backupFile));

            using (var zip = ZipFile.OpenRead(backupFile))
            {
                var manifest = JsonDocument.Parse(zip.GetEntry("manifest.json")!.Open()).RootElement;
                var members = manifest.GetProperty("members").EnumerateArray().ToDictionary(m => m.GetProperty("path").GetString()!, m => m.GetProperty("sm3").GetString()!);
                Assert.Contains("database/safeharbor.db", members.Keys);
                Assert.Equal(Sm3.HashHex(SmallPdf), Assert.Single(members, m => m.Key.StartsWith("files/evidence/", StringComparison.Ordinal)).Value);
                Assert.Equal(Sm3.HashHex(Encoding.UTF8.GetBytes(KeyText)), members["keys/audit-sm2.key"]);
                Assert.Contains("checkpoints/000001.json", members.Keys);
            }

            var restore = await AdminCli.RunAsync(["restore", backupFile], target.Settings());
            Assert.True(restore.ExitCode == 0, restore.ToString());
            Assert.Contains("备份完整：每个文件的大小和 SM3 与清单一致。", restore.Output);
            Assert.Contains(restore.OutputLines, l => l.StartsWith("test（", StringComparison.Ordinal) && l.Contains("审计日志完整"));
            Assert.Matches(@"恢复后：局 1 个，案件 \d+ 件，审计记录 \d+ 条，证明材料文件 1 个。", restore.Output);
            Assert.Equal(KeyText, File.ReadAllText(target.Key));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, ModeOf(target.Key));
            Assert.True(File.Exists(Path.Combine(target.Checkpoints, "000001.json")));

            // The restored installation, started as the built app, serves the evidence byte for byte and the case's documents.
            var environment = target.Settings().ToDictionary(kv => kv.Key.Replace(":", "__"), kv => kv.Value!);
            environment["Demo__Seed"] = "false";
            environment["Logging__LogLevel__Default"] = "Warning";
            await using (var restored = await AppProcess.StartAsync("restored", environment, Path.Combine(target.Root, "work")))
            {
                var token = await restored.BearerTokenAsync("staffA", TestApp.Password);
                using var download = await restored.Client.SendAsync(restored.Bearer(HttpMethod.Get, $"{c.Url}/evidence/{evidenceId}", token));
                Assert.Equal(HttpStatusCode.OK, download.StatusCode);
                Assert.Equal(SmallPdf, await download.Content.ReadAsByteArrayAsync());
                var investigator = await restored.BearerTokenAsync("inv", TestApp.Password);
                using var document = await restored.Client.SendAsync(restored.Bearer(HttpMethod.Get, $"{c.Url}/documents/application", investigator));
                Assert.True(document.StatusCode == HttpStatusCode.OK, await document.Content.ReadAsStringAsync());
                Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", document.Content.Headers.ContentType?.MediaType);
            }

            // Restoring again over what is now there is refused with what is there, and nothing changes; --force restores.
            var again = await AdminCli.RunAsync(["restore", backupFile], target.Settings());
            Assert.Equal(2, again.ExitCode);
            Assert.Matches(@"目标不是空的：数据库 .+ 已有 1 个局、\d+ 件案件、\d+ 条审计记录、1 个证明材料；文件目录 .+ 已有 1 个文件；审计签名密钥 .+ 已存在；检查点目录 .+ 不是空的。", again.Error);
            Assert.Contains("加 --force", again.Error);
            var forced = await AdminCli.RunAsync(["restore", backupFile, "--force"], target.Settings());
            Assert.True(forced.ExitCode == 0, forced.ToString());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(source.Root, recursive: true);
            Directory.Delete(target.Root, recursive: true);
        }
    }

    [SqliteOnly("checks the archive, not a database: the SQLite backup is the one with a database member to alter")]
    public async Task Restore_of_an_archive_whose_member_was_altered_names_it_and_writes_nothing()
    {
        var source = new Place(HostSettings.NewWorkDirectory());
        var target = new Place(HostSettings.NewWorkDirectory());
        await using var app = await TestApp.StartAsync(Db.Sqlite, new Dictionary<string, string?> { ["Storage:Directory"] = source.Files });
        try
        {
            await CaseWithEvidenceAsync(app);
            var backupFile = Path.Combine(source.Root, "safeharbor.zip");
            var cli = AdminCli.DatabaseOf(app);
            cli["Storage:Directory"] = source.Files;
            cli["Audit:SigningKeyPath"] = source.Key;
            cli["Audit:CheckpointDirectory"] = source.Checkpoints;
            var backup = await AdminCli.RunAsync(["backup", "--out", backupFile], cli);
            Assert.True(backup.ExitCode == 0, backup.ToString());
            Assert.Contains($"审计签名密钥：未找到 {source.Key}，未包含。", backup.Output);

            // Someone with access to the backup replaces the evidence file with other content of the same name.
            string altered;
            using (var zip = ZipFile.Open(backupFile, ZipArchiveMode.Update))
            {
                var entry = zip.Entries.Single(e => e.FullName.StartsWith("files/evidence/", StringComparison.Ordinal));
                altered = entry.FullName;
                entry.Delete();
                using var stream = zip.CreateEntry(altered).Open();
                stream.Write(Encoding.ASCII.GetBytes("%PDF-1.4 forged"));
                using var extra = zip.CreateEntry("files/evidence/planted.bin").Open();
                extra.Write([1, 2, 3]);
            }

            var restore = await AdminCli.RunAsync(["restore", backupFile], target.Settings());
            Assert.Equal(1, restore.ExitCode);
            Assert.Contains($"{altered}：内容被修改（大小或 SM3 与清单不符）。", restore.Error);
            Assert.Contains("files/evidence/planted.bin：清单中没有（多出）。", restore.Error);
            Assert.Contains("未恢复任何内容", restore.Error);
            Assert.False(File.Exists(target.Database));
            Assert.False(Directory.Exists(target.Files));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(source.Root, recursive: true);
            if (Directory.Exists(target.Root))
            {
                Directory.Delete(target.Root, recursive: true);
            }
        }
    }

    [PostgresOnly("PostgreSQL is backed up by pg_dump; what the command does there (explain, and --files-only) exists only on PostgreSQL")]
    public async Task Backup_on_postgres_explains_pg_dump_and_with_files_only_packs_files_key_and_checkpoints_that_restore_puts_back()
    {
        var source = new Place(HostSettings.NewWorkDirectory());
        var target = new Place(HostSettings.NewWorkDirectory());
        WriteKeyAndCheckpoint(source);
        var overrides = source.Settings();
        overrides.Remove("Database:Provider");
        overrides.Remove("Database:ConnectionString");
        overrides.Remove("Security:PasswordHashIterations");
        await using var app = await TestApp.StartAsync(Db.Postgres, overrides);
        try
        {
            await CaseWithEvidenceAsync(app);
            var backupFile = Path.Combine(source.Root, "files.zip");
            var cli = source.Settings(app.Database.ConnectionString);

            var refused = await AdminCli.RunAsync(["backup", "--out", backupFile], cli);
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("PostgreSQL 数据库不由本命令备份：请用 pg_dump 备份", refused.Error);
            Assert.Contains("--files-only", refused.Error);
            Assert.False(File.Exists(backupFile));

            var backup = await AdminCli.RunAsync(["backup", "--out", backupFile, "--files-only"], cli);
            Assert.True(backup.ExitCode == 0, backup.ToString());
            Assert.Contains("文件 evidence/：1 个。", backup.Output);
            Assert.Contains("提醒：本备份不含 PostgreSQL 数据库", backup.Output);
            using (var zip = ZipFile.OpenRead(backupFile))
            {
                Assert.DoesNotContain(zip.Entries, e => e.FullName.StartsWith("database/", StringComparison.Ordinal));
            }

            // The database itself came back by pg_restore (here: it is the same database); restore puts back the rest.
            var restore = await AdminCli.RunAsync(["restore", backupFile], target.Settings(app.Database.ConnectionString));
            Assert.True(restore.ExitCode == 0, restore.ToString());
            Assert.Contains("备份不含数据库（--files-only）", restore.Output);
            Assert.Contains(restore.OutputLines, l => l.StartsWith("test（", StringComparison.Ordinal) && l.Contains("审计日志完整"));
            Assert.Matches(@"恢复后：局 1 个，案件 1 件，审计记录 \d+ 条，证明材料文件 1 个。", restore.Output);
            Assert.Equal(SmallPdf, File.ReadAllBytes(Assert.Single(Directory.GetFiles(Path.Combine(target.Files, "evidence")))));
            Assert.Equal(KeyText, File.ReadAllText(target.Key));
        }
        finally
        {
            Directory.Delete(source.Root, recursive: true);
            Directory.Delete(target.Root, recursive: true);
        }
    }
}
