using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SafeHarbor.Crypto;

namespace SafeHarbor.Features.ArchivePackages;

/// <summary>Size, SHA-256 and SM3 of some content, computed in one pass.</summary>
internal readonly record struct FileHashes(long Size, string Sha256, string Sm3)
{
    public static FileHashes Of(ReadOnlySpan<byte> content) =>
        new(content.Length, Convert.ToHexStringLower(SHA256.HashData(content)), Crypto.Sm3.HashHex(content));

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
    private readonly HashSet<string> used = new(StringComparer.OrdinalIgnoreCase) { ArchivePackageFormat.ManifestPath, ArchivePackageFormat.SignaturePath };
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

    /// <summary>Writes manifest.json and its SM2 signature by <paramref name="key"/> (manifest.json.sig); nothing may be added after them.</summary>
    public void Finish(ArchivePackageManifest manifest, Sm2Signer key)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(manifest, ArchivePackageFormat.ManifestJson);
        Write(ArchivePackageFormat.ManifestPath, bytes);
        var signature = new ArchivePackageSignature(ArchivePackageSignature.AlgorithmName, key.PublicKeyHex, key.Fingerprint, key.Sign(bytes));
        Write(ArchivePackageFormat.SignaturePath, JsonSerializer.SerializeToUtf8Bytes(signature, ArchivePackageFormat.ManifestJson));
    }

    private void Write(string path, byte[] content)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
        entry.LastWriteTime = stamp;
        using var output = entry.Open();
        output.Write(content);
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
