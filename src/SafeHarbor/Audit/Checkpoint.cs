using System.Globalization;
using System.Text;
using System.Text.Json;
using SafeHarbor.Crypto;

namespace SafeHarbor.Audit;

/// <summary>
/// A bureau's chain head signed with the installation's SM2 key and kept outside the database: whoever can
/// rewrite the chain and its head in the database cannot make the chain agree with a checkpoint again
/// without the key file (docs/adr/0016-signed-checkpoints.md).
/// </summary>
public sealed record Checkpoint(string BureauCode, Guid BureauId, long Sequence, string Hash, DateTimeOffset SignedAt, string KeyFingerprint, string Signature)
{
    public static readonly JsonSerializerOptions FileJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The exact bytes signed: every field but the signature, one per line.</summary>
    public byte[] SignedContent() => Encoding.UTF8.GetBytes(string.Join('\n',
        "safeharbor-audit-checkpoint/1",
        BureauCode,
        BureauId.ToString(),
        Sequence.ToString(CultureInfo.InvariantCulture),
        Hash,
        SignedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        KeyFingerprint));

    public static Checkpoint Sign(Sm2Signer key, string bureauCode, Guid bureauId, long sequence, string hash, DateTimeOffset now)
    {
        var at = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
        var unsigned = new Checkpoint(bureauCode, bureauId, sequence, hash, at, key.Fingerprint, "");
        return unsigned with { Signature = key.Sign(unsigned.SignedContent()) };
    }

    /// <summary>Signed by the key <paramref name="publicKeyHex"/> and unchanged since.</summary>
    public bool IsSignedBy(string publicKeyHex) =>
        KeyFingerprint == Sm2Signer.FingerprintOf(publicKeyHex) && Sm2Signer.Verify(publicKeyHex, SignedContent(), Signature);
}

/// <summary>A checkpoint file as found in the folder, or why it could not be read.</summary>
public sealed record CheckpointFile(string Path, Checkpoint? Checkpoint, string? Problem);

/// <summary>
/// The folder of <see cref="AuditOptions.CheckpointDirectory"/>: <c>&lt;bureau code&gt;/&lt;sequence&gt;.json</c>. Several
/// nodes may sign the same head: the first file written stays (writing is idempotent per bureau and sequence).
/// </summary>
public sealed class CheckpointStore(string directory)
{
    public string Directory { get; } = System.IO.Path.GetFullPath(directory);

    public string PathOf(string bureauCode, long sequence) =>
        System.IO.Path.Combine(Directory, bureauCode, sequence.ToString(CultureInfo.InvariantCulture) + ".json");

    /// <summary>Writes durably (temporary file, fsync, rename); false when that bureau and sequence already has a checkpoint.</summary>
    public bool Write(Checkpoint checkpoint)
    {
        var path = PathOf(checkpoint.BureauCode, checkpoint.Sequence);
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        if (File.Exists(path))
        {
            return false;
        }
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                JsonSerializer.Serialize(output, checkpoint, Checkpoint.FileJson);
                output.Flush(flushToDisk: true);
            }
            try
            {
                File.Move(temporary, path, overwrite: false);
                return true;
            }
            catch (IOException) when (File.Exists(path))
            {
                return false;
            }
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>The codes of the bureaus that have a folder of checkpoints.</summary>
    public IReadOnlyList<string> BureauCodes() =>
        System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.GetDirectories(Directory).Select(d => System.IO.Path.GetFileName(d)).Order(StringComparer.Ordinal).ToList()
            : [];

    /// <summary>A bureau's checkpoint files in sequence order (by file name); a file that does not parse is listed with its problem.</summary>
    public IReadOnlyList<CheckpointFile> Read(string bureauCode)
    {
        var folder = System.IO.Path.Combine(Directory, bureauCode);
        if (!System.IO.Directory.Exists(folder))
        {
            return [];
        }
        var files = new List<(long Sequence, string Path)>();
        foreach (var path in System.IO.Directory.GetFiles(folder, "*.json"))
        {
            if (long.TryParse(System.IO.Path.GetFileNameWithoutExtension(path), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
            {
                files.Add((sequence, path));
            }
        }
        return files.OrderBy(f => f.Sequence).Select(f => ReadFile(f.Path)).ToList();
    }

    /// <summary>The bureau's checkpoint of the highest sequence that reads, or null.</summary>
    public Checkpoint? Latest(string bureauCode) => Read(bureauCode).LastOrDefault(f => f.Checkpoint is not null)?.Checkpoint;

    private static CheckpointFile ReadFile(string path)
    {
        try
        {
            var checkpoint = JsonSerializer.Deserialize<Checkpoint>(File.ReadAllBytes(path), Checkpoint.FileJson);
            return checkpoint is { BureauCode: not null, Hash: not null, KeyFingerprint: not null, Signature: not null }
                ? new(path, checkpoint, null)
                : new(path, null, "缺少字段");
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return new(path, null, $"无法读取（{e.Message}）");
        }
    }
}
