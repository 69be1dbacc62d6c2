using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Audit;
using SafeHarbor.Cases;
using SafeHarbor.Documents;
using SafeHarbor.Features.CaseDocuments;
using SafeHarbor.Features.CaseFiles;
using SafeHarbor.Features.Evidence;
using SafeHarbor.Infrastructure.Crypto;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Archive;

/// <summary>What exporting an archive package needs; resolved from a scope, so neither the web app nor the CLI registers anything more.</summary>
public sealed record ArchivePackageServices(
    SafeHarborDb Db, CaseDocumentService Documents, EvidenceStore Store, ArchiveOptions Options, PolicyCatalog Policies,
    BureauOptions Bureau, TimeProvider Time, ILoggerFactory Logs)
{
    public static ArchivePackageServices From(IServiceProvider services) => new(
        services.GetRequiredService<SafeHarborDb>(), services.GetRequiredService<CaseDocumentService>(), services.GetRequiredService<EvidenceStore>(),
        services.GetRequiredService<ArchiveOptions>(), services.GetRequiredService<PolicyCatalog>(), services.GetRequiredService<BureauOptions>(),
        services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILoggerFactory>());
}

/// <summary>The parts of a DA/T 22-style archive number (档号): 全宗号-年度-保管期限-机构（问题）代码-件号.</summary>
public sealed record ArchiveNumberParts(string Fonds, int Year, string Retention, string OrganisationCode, string Item)
{
    private static readonly Regex Shape = new(@"^(?<fonds>.+?)-(?<year>\d{4})-(?<retention>[^-]+)-(?<org>.+)-(?<item>\d+)$", RegexOptions.CultureInvariant);

    /// <summary>
    /// Splits a number as <see cref="ArchiveApi"/> builds it. The configured 全宗号 and 机构代码 are tried
    /// first, so a code that itself contains "-" still splits right; a number filed under other
    /// settings is split by its shape. Null when the number has neither.
    /// </summary>
    public static ArchiveNumberParts? Parse(string number, ArchiveOptions options)
    {
        var rest = number;
        string? fonds = null;
        if (number.StartsWith(options.Fonds + "-", StringComparison.Ordinal))
        {
            fonds = options.Fonds;
            rest = number[(options.Fonds.Length + 1)..];
        }
        var configured = Regex.Match(rest, $@"^(?<year>\d{{4}})-(?<retention>[^-]+)-{Regex.Escape(options.OrganisationCode)}-(?<item>\d+)$", RegexOptions.CultureInvariant);
        if (fonds is not null && configured.Success && ArchiveApi.Retentions.ContainsKey(configured.Groups["retention"].Value))
        {
            return new(fonds, int.Parse(configured.Groups["year"].Value, CultureInfo.InvariantCulture), configured.Groups["retention"].Value,
                options.OrganisationCode, configured.Groups["item"].Value);
        }
        var m = Shape.Match(number);
        return m.Success && ArchiveApi.Retentions.ContainsKey(m.Groups["retention"].Value)
            ? new(m.Groups["fonds"].Value, int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture), m.Groups["retention"].Value, m.Groups["org"].Value, m.Groups["item"].Value)
            : null;
    }
}

/// <summary>manifest.json of an archive package. Every file of the package but this one is listed with its size, SHA-256 and SM3.</summary>
public sealed record ArchivePackageManifest(
    string Format,
    int FormatVersion,
    string ArchiveNumber,
    ArchiveNumberParts? ArchiveNumberParts,
    ArchivePackageManifest.RetentionPeriod Retention,
    ArchivePackageManifest.CaseSummary Case,
    DateOnly ArchivedOn,
    string? ArchivedBy,
    DateTimeOffset ExportedAt,
    string ExportedBy,
    ArchivePackageManifest.AuditChainState AuditChain,
    ArchivePackageManifest.CaseRecordState CaseRecord,
    IReadOnlyList<ArchivePackageManifest.PackageFile> Files,
    IReadOnlyList<ArchivePackageManifest.Omission> NotIncluded)
{
    public sealed record RetentionPeriod(string Code, string Name);

    public sealed record CaseSummary(string Number, string Title, string Result, string Policy);

    /// <param name="FinalHash">Hash (SM3) of the case's last audit entry when the package was made.</param>
    /// <param name="FiledHash">The same, as recorded when the case was filed.</param>
    public sealed record AuditChainState(string Algorithm, string FinalHash, int Entries, string FiledHash);

    /// <param name="MatchesFiling">Whether case-record.json has the SM3 and SHA-256 the filing recorded (and the audit chain holds).</param>
    public sealed record CaseRecordState(string Path, string? FiledSha256, string? FiledSm3, bool MatchesFiling);

    /// <param name="Kind">document, evidence, case-record, filing-form or summary.</param>
    /// <param name="Title">What the file is: the document's name and number, or the evidence file's name as uploaded.</param>
    public sealed record PackageFile(string Path, string Kind, string Title, long Size, string Sha256, string Sm3);

    public sealed record Omission(string Document, string Reason);
}

/// <summary>
/// The archive package (归档包) of a filed case: one ZIP with every document (DOCX) and evidence file,
/// the case record, the 备案登记表 (DOCX and plain text) and manifest.json with the archive number,
/// retention, the case's final audit-chain hash and the SHA-256 and SM3 of every file. <see cref="Verify"/>
/// checks a package against its manifest without the database.
/// </summary>
public static class ArchivePackage
{
    public const string ManifestPath = "manifest.json";
    public const string FormatName = "safeharbor-archive-package";
    public const int FormatVersion = 1;
    public const string ZipType = "application/zip";
    public const string FilingFormDocx = "备案登记表.docx";
    public const string FilingFormText = "备案登记表.txt";
    public const string CaseRecordPath = "case-record.json";

    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    internal static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public sealed record Exported(string FileName, string ArchiveNumber, string CaseNumber, int FileCount);

    /// <summary>Who exported, as the manifest records it.</summary>
    public static string Describe(Actor actor) => $"{actor.DisplayName}（{actor.UserName}）";

    /// <summary>
    /// Writes the package of a filed case the actor may see to <paramref name="destination"/>. Refuses
    /// a case not yet filed (409) and fails, writing nothing usable, when an evidence file does not match
    /// its registered hashes. Rendering may issue document numbers not issued before (audited, as a
    /// download would); the audit hash is read after that, so the manifest names the real last entry.
    /// </summary>
    public static async Task<Exported> ExportAsync(Guid caseId, Actor actor, string exportedBy, Stream destination, ArchivePackageServices s, CancellationToken ct)
    {
        var c = await CaseFilesApi.LoadVisibleAsync(caseId, actor, s.Db, ct);
        actor.EnsureShows(c, CaseSection.Archive);
        var record = await s.Db.Set<ArchiveRecord>().AsNoTracking().SingleOrDefaultAsync(a => a.CaseId == c.Id, ct);
        if (c.Status != CaseStatus.Archived || record is null)
        {
            throw DomainException.Conflict("case-not-archived",
                $"案件 {c.Number} 尚未存档备案（当前状态：{c.Status.Chinese()}），不能导出归档包。局机关党委存档备案后方可导出。");
        }
        var policy = s.Policies.Get(c.PolicyId);
        var now = s.Time.GetUtcNow();
        var exportedAt = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        var data = await DocumentDataBuilder.BuildAsync(s.Db, c, policy, s.Bureau, null, ct);
        var result = data["case.status"] as string ?? c.Status.Chinese();

        // Documents first: a first rendering may issue a number, which is an audited step of the case.
        var documents = new List<(string Name, CaseDocumentService.Rendered Rendered)>();
        var omitted = new List<ArchivePackageManifest.Omission>();
        CaseDocumentService.Rendered? filingForm = null;
        var producible = await s.Documents.ListAsync(c, actor, ct);
        foreach (var available in producible.Where(a => a.Available))
        {
            var several = available.Kind is DocumentKind.GuidanceRequest or DocumentKind.SupplementNotice && available.Instances > 0;
            var instances = several ? Enumerable.Range(0, available.Instances).Select(i => (int?)i) : new int?[] { null };
            foreach (var instance in instances)
            {
                var label = available.Instances > 1 && instance is { } i ? $"{available.Name}（第{i + 1}份）" : available.Name;
                try
                {
                    var rendered = await RenderAsync(s.Documents, c, available.Kind, instance, actor, ct);
                    if (available.Kind == DocumentKind.FilingForm)
                    {
                        filingForm = rendered;
                        continue;
                    }
                    documents.Add((rendered.Number is { } n ? $"{label}（{n}）" : label, rendered));
                }
                catch (DocumentUnavailableException e)
                {
                    omitted.Add(new(label, e.Message));
                }
            }
        }
        if (filingForm is null)
        {
            var reason = producible.FirstOrDefault(a => a.Kind == DocumentKind.FilingForm)?.Reason
                ?? omitted.FirstOrDefault(o => o.Document == DocumentKind.FilingForm.Chinese())?.Reason;
            throw DomainException.Conflict("document-unavailable", $"归档包未导出：备案登记表无法生成（{reason}）。");
        }

        var lastAudit = await s.Db.AuditEntries.AsNoTracking().Where(e => e.CaseId == c.Id)
            .OrderByDescending(e => e.Sequence).Select(e => e.Hash).FirstOrDefaultAsync(ct) ?? AuditEntry.GenesisHash;
        var auditCount = await s.Db.AuditEntries.AsNoTracking().CountAsync(e => e.CaseId == c.Id, ct);
        var archivedBy = await s.Db.Users.AsNoTracking().Where(u => u.Id == record.ArchivedBy).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        var filedItems = JsonSerializer.Deserialize<List<ManifestItem>>(record.ManifestJson, AuditLog.DetailsJson) ?? [];
        var filedRecord = filedItems.FirstOrDefault(m => m.Kind == "case-record");

        using var writer = new ArchivePackageWriter(destination, exportedAt);
        foreach (var (name, rendered) in documents)
        {
            writer.Add("documents", $"{name}.docx", "document", name, rendered.Content);
        }

        var evidence = await s.Db.Set<EvidenceFile>().AsNoTracking().Where(f => f.CaseId == c.Id).ToListAsync(ct);
        foreach (var f in evidence.OrderBy(f => f.UploadedAt).ThenBy(f => f.Id))
        {
            await AddEvidenceAsync(writer, c, f, actor, s, ct);
        }

        var caseRecord = ArchiveApi.CaseRecordJson(c);
        var recordFile = writer.Add(null, CaseRecordPath, "case-record", $"{c.Number} 案件记录（备案时的案件事实）", caseRecord);
        writer.Add(null, FilingFormDocx, "filing-form", "备案登记表", filingForm.Content);

        var retention = new ArchivePackageManifest.RetentionPeriod(record.Retention, ArchiveApi.Retentions.GetValueOrDefault(record.Retention, record.Retention));
        var manifest = new ArchivePackageManifest(
            FormatName, FormatVersion, record.ArchiveNumber, ArchiveNumberParts.Parse(record.ArchiveNumber, s.Options), retention,
            new(c.Number, c.Title, result, policy.DocumentNumber),
            record.ArchivedOn, archivedBy, exportedAt, exportedBy,
            new("SM3", lastAudit, auditCount, record.AuditChainHash),
            new(CaseRecordPath, filedRecord?.Sha256, filedRecord?.Sm3,
                filedRecord is not null && filedRecord.Sha256 == recordFile.Sha256 && filedRecord.Sm3 == recordFile.Sm3),
            [], omitted);

        writer.Add(null, FilingFormText, "summary", "备案登记表（纯文本）", Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(SummaryText(manifest with { Files = writer.Files }, c, data))).ToArray());
        var count = writer.Files.Count;
        writer.Finish(manifest with { Files = [.. writer.Files] });
        return new Exported($"{record.ArchiveNumber} 归档包.zip", record.ArchiveNumber, c.Number, count);
    }

    /// <summary>Exports into a temporary file (deleted when the returned stream is closed), so a failure never sends half a package.</summary>
    public static async Task<(Stream Content, Exported Exported)> ExportToTempFileAsync(Guid caseId, Actor actor, string exportedBy, ArchivePackageServices s, CancellationToken ct)
    {
        var temp = new FileStream(Path.Combine(Path.GetTempPath(), $"safeharbor-archive-{Guid.NewGuid():N}.zip"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var exported = await ExportAsync(caseId, actor, exportedBy, temp, s, ct);
            temp.Position = 0;
            return (temp, exported);
        }
        catch
        {
            await temp.DisposeAsync();
            throw;
        }
    }

    private static async Task<CaseDocumentService.Rendered> RenderAsync(CaseDocumentService documents, Case c, DocumentKind kind, int? instance, Actor actor, CancellationToken ct)
    {
        try
        {
            return await documents.RenderDocxAsync(c, kind, instance, actor, ct);
        }
        catch (TemplateException e)
        {
            throw new DomainException(ErrorKind.Corrupted, "template-invalid", $"归档包未导出：{kind.Chinese()}的模板有误（{e.Message}）。");
        }
    }

    /// <summary>Through the hash-checked path, and hashed again while copied: a file changed in between fails the export too.</summary>
    private static async Task AddEvidenceAsync(ArchivePackageWriter writer, Case c, EvidenceFile f, Actor actor, ArchivePackageServices s, CancellationToken ct)
    {
        var refused = new DomainException(ErrorKind.Corrupted, "archive-evidence-corrupted",
            $"归档包未导出：案件 {c.Number} 的证明材料“{f.FileName}”未通过哈希校验（存储中缺失，或内容与登记的 SHA-256/SM3 不符，可能已损坏或被篡改）。请联系系统管理员核查该文件。");
        Stream content;
        try
        {
            (_, content) = await EvidenceApi.OpenCheckedAsync(c.Id, f.Id, actor, s.Db, s.Store, s.Logs, ct);
        }
        catch (DomainException e) when (e.Code == "evidence-corrupted")
        {
            throw refused;
        }
        await using (content)
        {
            var added = await writer.AddAsync("evidence", f.FileName, "evidence", f.FileName, content, ct);
            if (added.Sha256 != f.Sha256 || added.Sm3 != f.Sm3)
            {
                s.Logs.CreateLogger("Evidence").LogError("Evidence {FileId} of case {CaseId} changed while it was packaged", f.Id, c.Id);
                throw refused;
            }
        }
    }

    private static string SummaryText(ArchivePackageManifest m, Case c, DocumentData data)
    {
        static string Date(object? value) => value switch
        {
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => value?.ToString() ?? "",
        };
        var lines = new List<string>
        {
            "容错免责事项备案登记表（归档包说明）",
            "",
            $"档号：{m.ArchiveNumber}",
        };
        if (m.ArchiveNumberParts is { } p)
        {
            lines.Add($"　　全宗号 {p.Fonds}；年度 {p.Year}；保管期限 {p.Retention}；机构代码 {p.OrganisationCode}；件号 {p.Item}");
        }
        lines.AddRange(
        [
            $"保管期限：{m.Retention.Name}（{m.Retention.Code}）",
            $"案件编号：{m.Case.Number}",
            $"事项名称：{m.Case.Title}",
            $"问责对象：{string.Join("、", c.Subjects.Select(x => x.Name))}",
            $"业务领域：{c.BusinessField}",
            $"启动问责：{c.StartedBy}，{Date(c.AccountabilityStartedOn)}",
        ]);
        if (c.Application is { } a)
        {
            lines.Add($"申请人：{a.ApplicantName}，{Date(a.SubmittedOn)}申请");
        }
        lines.Add($"办理结果：{m.Case.Result}");
        if (c.Decision is { } d)
        {
            lines.Add($"认定日期：{Date(d.DecidedOn)}");
        }
        if (data["feedback.deliveredOn"] is DateOnly delivered)
        {
            lines.Add($"反馈送达：{Date(delivered)}");
        }
        if (data["publication.publishedOn"] is DateOnly published)
        {
            lines.Add($"公开日期：{Date(published)}");
        }
        lines.AddRange(
        [
            $"备案日期：{Date(m.ArchivedOn)}{(m.ArchivedBy is { } by ? $"，备案人 {by}" : "")}",
            $"适用办法：{m.Case.Policy}",
            $"导出时间：{m.ExportedAt.ToOffset(ChinaOffset):yyyy-MM-dd HH:mm:ss}（北京时间）",
            $"导出人：{m.ExportedBy}",
            $"审计链哈希（SM3，本案最后一条审计记录，共 {m.AuditChain.Entries} 条）：{m.AuditChain.FinalHash}",
            $"备案时的审计链哈希：{m.AuditChain.FiledHash}",
            $"案件记录（{m.CaseRecord.Path}）{(m.CaseRecord.MatchesFiling ? "与备案时登记的哈希一致" : "与备案时登记的哈希不一致，请核查")}",
            "",
            $"归档文件（{m.Files.Count} 个；本表和 manifest.json 除外，manifest.json 另列有本表的哈希）：",
        ]);
        var index = 0;
        foreach (var f in m.Files)
        {
            index++;
            var named = f.Title == Path.GetFileNameWithoutExtension(f.Path) || f.Title == Path.GetFileName(f.Path);
            lines.Add($"{index,3}. {f.Path}（{(named ? "" : f.Title + "，")}{f.Size} 字节）");
            lines.Add($"     SM3     {f.Sm3}");
            lines.Add($"     SHA-256 {f.Sha256}");
        }
        if (m.NotIncluded.Count > 0)
        {
            lines.Add("");
            lines.Add("未能生成的公文：");
            lines.AddRange(m.NotIncluded.Select(o => $"  {o.Document}：{o.Reason}"));
        }
        lines.AddRange(
        [
            "",
            "校验方法：safeharbor archive verify 本归档包.zip —— 逐一重算每个文件的 SHA-256 和 SM3，",
            "指出内容被修改、缺失或多出的文件。",
        ]);
        return string.Join("\r\n", lines) + "\r\n";
    }

    // ---- verification: pure, no database ---------------------------------------------------------

    /// <summary>
    /// Checks a package against its manifest: every listed file must be there with the listed size,
    /// SHA-256 and SM3; every other entry (but the manifest and folder entries) is reported as added.
    /// Never throws for bad input: an unreadable ZIP or manifest is a problem in the result.
    /// </summary>
    public static ArchivePackageVerification Verify(Stream package)
    {
        ZipArchive zip;
        List<ZipArchiveEntry> entries;
        try
        {
            zip = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true, Encoding.UTF8);
            entries = zip.Entries.Where(e => !(e.FullName.EndsWith('/') && e.Length == 0)).ToList();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
        {
            return new([new(ArchivePackageProblemKind.Unreadable, null, $"归档包无法读取：不是有效的 ZIP 文件（{e.Message}）。")], 0, null, null);
        }
        using (zip)
        {
            var byName = entries.GroupBy(e => Key(e.FullName)).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            if (!byName.TryGetValue(ManifestPath, out var manifestEntries))
            {
                return new([new(ArchivePackageProblemKind.ManifestMissing, ManifestPath, "缺少清单：归档包中没有 manifest.json，无法校验。")], 0, null, null);
            }
            var manifest = ReadManifest(manifestEntries[0], out var manifestError);
            if (manifest is null)
            {
                return new([new(ArchivePackageProblemKind.ManifestInvalid, ManifestPath, $"清单无法读取：manifest.json {manifestError}，无法校验。")], 0, null, null);
            }

            var problems = new List<ArchivePackageProblem>();
            if (manifestEntries.Count > 1)
            {
                problems.Add(new(ArchivePackageProblemKind.Added, ManifestPath, "多出：manifest.json（重复的清单条目）"));
            }
            var listed = new HashSet<string>(StringComparer.Ordinal) { ManifestPath };
            foreach (var file in manifest.Files)
            {
                listed.Add(file.Key);
                if (!byName.TryGetValue(file.Key, out var found))
                {
                    problems.Add(new(ArchivePackageProblemKind.Missing, file.Path, $"缺失：{file.Path}（清单中有，归档包中没有）"));
                    continue;
                }
                if (Compare(found[0], file) is { } difference)
                {
                    problems.Add(new(ArchivePackageProblemKind.Changed, file.Path, $"内容被修改：{file.Path}（{difference}）"));
                }
                if (found.Count > 1)
                {
                    problems.Add(new(ArchivePackageProblemKind.Added, file.Path, $"多出：{file.Path}（同名的重复条目，共 {found.Count} 个）"));
                }
            }
            foreach (var entry in entries.Where(e => !listed.Contains(Key(e.FullName))).DistinctBy(e => Key(e.FullName)))
            {
                problems.Add(new(ArchivePackageProblemKind.Added, entry.FullName, $"多出：{entry.FullName}（归档包中有，清单中没有）"));
            }
            return new(problems, manifest.Files.Count, manifest.ArchiveNumber, manifest.CaseNumber);
        }
    }

    private sealed record ListedFile(string Path, string Key, long? Size, string Sha256, string Sm3);

    private sealed record ReadManifestResult(IReadOnlyList<ListedFile> Files, string? ArchiveNumber, string? CaseNumber);

    private static readonly Regex Hex64 = new("^[0-9a-fA-F]{64}$", RegexOptions.CultureInvariant);

    private const long MaxManifestBytes = 16L * 1024 * 1024;

    private static ReadManifestResult? ReadManifest(ZipArchiveEntry entry, out string error)
    {
        error = "";
        try
        {
            if (entry.Length > MaxManifestBytes)
            {
                error = "过大";
                return null;
            }
            using var stream = entry.Open();
            using var document = JsonDocument.Parse(stream);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "不是 JSON 对象";
                return null;
            }
            if (root.TryGetProperty("formatVersion", out var version) && (version.ValueKind != JsonValueKind.Number || version.GetInt32() > FormatVersion))
            {
                error = $"的格式版本 {version} 不受支持（本程序支持第 {FormatVersion} 版）";
                return null;
            }
            if (!root.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Array)
            {
                error = "缺少文件清单（files）";
                return null;
            }
            var list = new List<ListedFile>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var f in files.EnumerateArray())
            {
                index++;
                var path = f.ValueKind == JsonValueKind.Object && f.TryGetProperty("path", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
                var sha = f.ValueKind == JsonValueKind.Object && f.TryGetProperty("sha256", out var h) && h.ValueKind == JsonValueKind.String ? h.GetString() : null;
                var sm3 = f.ValueKind == JsonValueKind.Object && f.TryGetProperty("sm3", out var g) && g.ValueKind == JsonValueKind.String ? g.GetString() : null;
                long? size = f.ValueKind == JsonValueKind.Object && f.TryGetProperty("size", out var z) && z.ValueKind == JsonValueKind.Number ? z.GetInt64() : null;
                if (string.IsNullOrEmpty(path) || sha is null || sm3 is null || !Hex64.IsMatch(sha) || !Hex64.IsMatch(sm3))
                {
                    error = $"第 {index} 个文件的记录不完整（须有 path、sha256、sm3）";
                    return null;
                }
                if (!seen.Add(Key(path)) || Key(path) == ManifestPath)
                {
                    error = $"重复列出了 {path}";
                    return null;
                }
                list.Add(new(path, Key(path), size, sha, sm3));
            }
            return new(list, Text(root, "archiveNumber"), root.TryGetProperty("case", out var c) && c.ValueKind == JsonValueKind.Object ? Text(c, "number") : null);
        }
        catch (JsonException e)
        {
            error = $"不是有效的 JSON（{e.Message}）";
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException or InvalidOperationException)
        {
            error = $"无法读出（{e.Message}）";
        }
        return null;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Null when the entry matches; otherwise what differs.</summary>
    private static string? Compare(ZipArchiveEntry entry, ListedFile file)
    {
        FileHashes actual;
        try
        {
            using var stream = entry.Open();
            actual = FileHashes.Of(stream);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return $"数据损坏，无法读出：{e.Message}";
        }
        var differences = new List<string>();
        if (file.Size is { } size && size != actual.Size)
        {
            differences.Add($"大小应为 {size} 字节，实为 {actual.Size} 字节");
        }
        var hashes = new List<string>();
        if (!string.Equals(file.Sha256, actual.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            hashes.Add("SHA-256");
        }
        if (!string.Equals(file.Sm3, actual.Sm3, StringComparison.OrdinalIgnoreCase))
        {
            hashes.Add("SM3");
        }
        if (hashes.Count > 0)
        {
            differences.Add($"{string.Join("、", hashes)} 与清单不符：SM3 应为 {file.Sm3[..16]}…，实为 {actual.Sm3[..16]}…");
        }
        return differences.Count == 0 ? null : string.Join("；", differences);
    }

    /// <summary>Entry names compared as Unicode NFC (some tools re-encode names on re-zipping).</summary>
    private static string Key(string path) => path.Normalize(NormalizationForm.FormC);
}

public enum ArchivePackageProblemKind
{
    /// <summary>内容被修改: a listed file whose size or hashes differ.</summary>
    Changed,

    /// <summary>缺失: a listed file not in the package.</summary>
    Missing,

    /// <summary>多出: an entry the manifest does not list.</summary>
    Added,

    ManifestMissing,
    ManifestInvalid,

    /// <summary>Not a ZIP at all.</summary>
    Unreadable,
}

public sealed record ArchivePackageProblem(ArchivePackageProblemKind Kind, string? Path, string Message);

public sealed record ArchivePackageVerification(IReadOnlyList<ArchivePackageProblem> Problems, int FilesChecked, string? ArchiveNumber, string? CaseNumber)
{
    public bool IsIntact => Problems.Count == 0;

    public bool IsUnreadable => Problems.Any(p => p.Kind == ArchivePackageProblemKind.Unreadable);

    public string Summary
    {
        get
        {
            if (IsIntact)
            {
                return $"归档包完整：{FilesChecked} 个文件，哈希全部一致。";
            }
            if (Problems.Any(p => p.Kind is ArchivePackageProblemKind.Unreadable or ArchivePackageProblemKind.ManifestMissing or ArchivePackageProblemKind.ManifestInvalid))
            {
                return "归档包校验未通过：无法按清单校验。";
            }
            int Count(ArchivePackageProblemKind kind) => Problems.Count(p => p.Kind == kind);
            var parts = new[]
            {
                (ArchivePackageProblemKind.Changed, "内容被修改"), (ArchivePackageProblemKind.Missing, "缺失"), (ArchivePackageProblemKind.Added, "多出"),
            }.Where(x => Count(x.Item1) > 0).Select(x => $"{x.Item2} {Count(x.Item1)} 个");
            return $"归档包校验未通过：{string.Join("，", parts)}（清单共 {FilesChecked} 个文件）。";
        }
    }
}

/// <summary>Size, SHA-256 and SM3 of some content, computed in one pass.</summary>
internal readonly record struct FileHashes(long Size, string Sha256, string Sm3)
{
    public static FileHashes Of(ReadOnlySpan<byte> content) =>
        new(content.Length, Convert.ToHexStringLower(SHA256.HashData(content)), Infrastructure.Crypto.Sm3.HashHex(content));

    public static FileHashes Of(Stream content)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var sm3 = new Sm3();
        var buffer = new byte[81920];
        long size = 0;
        int read;
        while ((read = content.Read(buffer)) > 0)
        {
            size += read;
            sha.AppendData(buffer, 0, read);
            sm3.Append(buffer.AsSpan(0, read));
        }
        return new(size, Convert.ToHexStringLower(sha.GetHashAndReset()), sm3.FinishHex());
    }
}

/// <summary>
/// Writes the entries of a package in the order added, each file hashed as written, then the
/// manifest last. Names are made safe for any unzip tool (no folders or traversal from a file name,
/// no characters Windows refuses) and unique (case-insensitively) by a " (2)" suffix.
/// </summary>
public sealed class ArchivePackageWriter : IDisposable
{
    private static readonly char[] Unsafe = ['/', '\\', ':', '*', '?', '"', '<', '>', '|'];
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    private readonly ZipArchive zip;
    private readonly DateTimeOffset stamp;
    private readonly HashSet<string> used = new(StringComparer.OrdinalIgnoreCase) { ArchivePackage.ManifestPath };
    private readonly List<ArchivePackageManifest.PackageFile> files = [];

    public ArchivePackageWriter(Stream destination, DateTimeOffset timestamp)
    {
        zip = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);
        stamp = timestamp.ToOffset(TimeSpan.FromHours(8));
    }

    public IReadOnlyList<ArchivePackageManifest.PackageFile> Files => files;

    /// <summary>Adds content as <paramref name="name"/> (one segment, made safe) in <paramref name="folder"/> (null: the top); answers the entry as listed, with its final path.</summary>
    public ArchivePackageManifest.PackageFile Add(string? folder, string name, string kind, string title, byte[] content)
    {
        var entry = Create(folder, name);
        using (var output = entry.Open())
        {
            output.Write(content);
        }
        return Listed(entry.FullName, kind, title, FileHashes.Of(content));
    }

    public async Task<ArchivePackageManifest.PackageFile> AddAsync(string? folder, string name, string kind, string title, Stream content, CancellationToken ct)
    {
        var entry = Create(folder, name);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var sm3 = new Sm3();
        long size = 0;
        var buffer = new byte[81920];
        await using (var output = entry.Open())
        {
            int read;
            while ((read = await content.ReadAsync(buffer, ct)) > 0)
            {
                size += read;
                sha.AppendData(buffer, 0, read);
                sm3.Append(buffer.AsSpan(0, read));
                await output.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }
        return Listed(entry.FullName, kind, title, new FileHashes(size, Convert.ToHexStringLower(sha.GetHashAndReset()), sm3.FinishHex()));
    }

    /// <summary>Writes manifest.json; nothing may be added after it.</summary>
    public void Finish(ArchivePackageManifest manifest)
    {
        var entry = zip.CreateEntry(ArchivePackage.ManifestPath, CompressionLevel.Optimal);
        entry.LastWriteTime = stamp;
        using var output = entry.Open();
        JsonSerializer.Serialize(output, manifest, ArchivePackage.ManifestJson);
    }

    public void Dispose() => zip.Dispose();

    /// <summary>One path segment made safe: unsafe and control characters become "_", no leading or trailing dots or spaces, no device names, at most 120 characters.</summary>
    public static string SafeName(string name)
    {
        var chars = name.Normalize(NormalizationForm.FormC).Select(ch => char.IsControl(ch) || Unsafe.Contains(ch) ? '_' : ch).ToArray();
        var safe = new string(chars).Trim().Trim('.').Trim();
        if (safe.Length == 0)
        {
            safe = "未命名";
        }
        var extension = Path.GetExtension(safe);
        var stem = safe[..^extension.Length];
        if (extension.Length > 20)
        {
            (stem, extension) = (safe, "");
        }
        if (Reserved.Contains(stem))
        {
            stem = "_" + stem;
        }
        if (stem.Length + extension.Length > 120)
        {
            stem = stem[..(120 - extension.Length)];
        }
        return stem + extension;
    }

    private ZipArchiveEntry Create(string? folder, string name)
    {
        var prefix = folder is null ? "" : SafeName(folder) + "/";
        var safe = SafeName(name);
        var extension = Path.GetExtension(safe);
        var stem = safe[..^extension.Length];
        var candidate = prefix + safe;
        for (var n = 2; !used.Add(candidate); n++)
        {
            candidate = $"{prefix}{stem} ({n}){extension}";
        }
        var entry = zip.CreateEntry(candidate, CompressionLevel.Optimal);
        entry.LastWriteTime = stamp;
        return entry;
    }

    private ArchivePackageManifest.PackageFile Listed(string path, string kind, string title, FileHashes hashes)
    {
        var file = new ArchivePackageManifest.PackageFile(path, kind, title, hashes.Size, hashes.Sha256, hashes.Sm3);
        files.Add(file);
        return file;
    }
}
