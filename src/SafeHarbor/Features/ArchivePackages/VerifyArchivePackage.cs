using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SafeHarbor.Features.ArchivePackages;

/// <summary>Checks an archive package against its manifest, without the database (the CLI's <c>archive verify</c>).</summary>
public static class VerifyArchivePackage
{

    /// <summary>
    /// Checks a package against its manifest: every listed file must be there with the listed size,
    /// SHA-256 and SM3; every other entry (but the manifest and folder entries) is reported as added.
    /// Never throws for bad input: an unreadable ZIP or manifest is a problem in the result.
    /// </summary>
    /// <param name="expectedPublicKey">The key the manifest must be signed by (the installation's, or one given); null: any valid signature, named by its fingerprint.</param>
    public static ArchivePackageVerification Verify(Stream package, string? expectedPublicKey = null)
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
            if (!byName.TryGetValue(ArchivePackageFormat.ManifestPath, out var manifestEntries))
            {
                return new([new(ArchivePackageProblemKind.ManifestMissing, ArchivePackageFormat.ManifestPath, "缺少清单：归档包中没有 manifest.json，无法校验。")], 0, null, null);
            }
            var manifest = ReadManifest(manifestEntries[0], out var manifestError);
            if (manifest is null)
            {
                return new([new(ArchivePackageProblemKind.ManifestInvalid, ArchivePackageFormat.ManifestPath, $"清单无法读取：manifest.json {manifestError}，无法校验。")], 0, null, null);
            }

            var problems = new List<ArchivePackageProblem>();
            var signer = CheckSignature(manifestEntries[0], byName, expectedPublicKey, problems);
            if (manifestEntries.Count > 1)
            {
                problems.Add(new(ArchivePackageProblemKind.Added, ArchivePackageFormat.ManifestPath, "多出：manifest.json（重复的清单条目）"));
            }
            var listed = new HashSet<string>(StringComparer.Ordinal) { ArchivePackageFormat.ManifestPath, ArchivePackageFormat.SignaturePath };
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
            return new(problems, manifest.Files.Count, manifest.ArchiveNumber, manifest.CaseNumber) { SignerFingerprint = signer };
        }
    }

    /// <summary>
    /// The manifest's bytes against manifest.json.sig: a manifest rewritten to fit changed files no longer matches its
    /// signature unless re-signed, and a re-signing key other than the expected one is named. Answers the fingerprint of
    /// a valid signature's key.
    /// </summary>
    private static string? CheckSignature(ZipArchiveEntry manifestEntry, Dictionary<string, List<ZipArchiveEntry>> byName, string? expectedPublicKey,
        List<ArchivePackageProblem> problems)
    {
        if (!byName.TryGetValue(ArchivePackageFormat.SignaturePath, out var signatureEntries))
        {
            problems.Add(new(ArchivePackageProblemKind.SignatureInvalid, ArchivePackageFormat.SignaturePath,
                "清单未签名：归档包中没有 manifest.json.sig，无法证明清单出自本系统（第 1 版归档包没有签名，请重新导出）。"));
            return null;
        }
        ArchivePackageSignature? signature;
        byte[] manifest;
        try
        {
            using (var stream = signatureEntries[0].Open())
            {
                signature = JsonSerializer.Deserialize<ArchivePackageSignature>(stream, ArchivePackageFormat.ManifestJson);
            }
            using var content = new MemoryStream();
            using (var stream = manifestEntry.Open())
            {
                stream.CopyTo(content);
            }
            manifest = content.ToArray();
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or IOException)
        {
            problems.Add(new(ArchivePackageProblemKind.SignatureInvalid, ArchivePackageFormat.SignaturePath, $"清单签名无法读取：manifest.json.sig {e.Message}"));
            return null;
        }
        if (signature is not { PublicKey: { } key, Signature: { } value } || signature.KeyFingerprint != Crypto.Sm2Signer.FingerprintOf(key)
            || !Crypto.Sm2Signer.Verify(key, manifest, value))
        {
            problems.Add(new(ArchivePackageProblemKind.SignatureInvalid, ArchivePackageFormat.SignaturePath,
                "清单签名无效：manifest.json 或 manifest.json.sig 在签名后被改动。"));
            return null;
        }
        if (expectedPublicKey is not null && !string.Equals(key, expectedPublicKey.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(new(ArchivePackageProblemKind.SignatureInvalid, ArchivePackageFormat.SignaturePath,
                $"清单由另一把密钥签名（指纹 {signature.KeyFingerprint}），不是应有的密钥（指纹 {Crypto.Sm2Signer.FingerprintOf(expectedPublicKey)}）：清单被改写后重新签名。"));
            return null;
        }
        return signature.KeyFingerprint;
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
            if (root.TryGetProperty("formatVersion", out var version) && (version.ValueKind != JsonValueKind.Number || version.GetInt32() > ArchivePackageFormat.FormatVersion))
            {
                error = $"的格式版本 {version} 不受支持（本程序支持第 {ArchivePackageFormat.FormatVersion} 版）";
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
                if (!seen.Add(Key(path)) || Key(path) == ArchivePackageFormat.ManifestPath)
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

    /// <summary>The manifest is unsigned, its signature does not hold, or it is by another key than expected.</summary>
    SignatureInvalid,

    /// <summary>Not a ZIP at all.</summary>
    Unreadable,
}

public sealed record ArchivePackageProblem(ArchivePackageProblemKind Kind, string? Path, string Message);

public sealed record ArchivePackageVerification(IReadOnlyList<ArchivePackageProblem> Problems, int FilesChecked, string? ArchiveNumber, string? CaseNumber)
{
    /// <summary>The fingerprint of the key whose valid signature the manifest carries; null when it carries none.</summary>
    public string? SignerFingerprint { get; init; }

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
            var signature = Problems.Any(p => p.Kind == ArchivePackageProblemKind.SignatureInvalid) ? new[] { "清单签名未通过" } : [];
            return $"归档包校验未通过：{string.Join("，", signature.Concat(parts))}（清单共 {FilesChecked} 个文件）。";
        }
    }
}
