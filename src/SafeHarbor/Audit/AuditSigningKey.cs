using SafeHarbor.Crypto;

namespace SafeHarbor.Audit;

/// <summary>
/// Settings of the section <c>Audit</c>: where the installation's SM2 key and the signed checkpoints live, and how
/// often a bureau's chain head is signed. The backup command copies the two paths by these names.
/// </summary>
public sealed class AuditOptions
{
    /// <summary>The installation's SM2 private key (64 hex digits, file mode 0600), created at first start when missing; never in git.</summary>
    public string SigningKeyPath { get; set; } = "data/keys/audit-sm2.key";

    /// <summary>Signed checkpoints, one file per bureau and sequence: <c>&lt;bureau code&gt;/&lt;sequence&gt;.json</c>. Outside the database on purpose.</summary>
    public string CheckpointDirectory { get; set; } = "data/checkpoints";

    /// <summary>Sign a bureau's head once this many entries were added since its latest checkpoint …</summary>
    public int CheckpointEveryEntries { get; set; } = 100;

    /// <summary>… or once this many minutes passed since its latest checkpoint, whichever comes first (only when the head moved).</summary>
    public double CheckpointMinutes { get; set; } = 10;

    /// <summary>How often the background service looks at the heads.</summary>
    public double CheckpointPollSeconds { get; set; } = 15;

    /// <summary>The section <c>Audit</c> of the configuration, or the defaults.</summary>
    public static AuditOptions From(IConfiguration configuration) => configuration.GetSection("Audit").Get<AuditOptions>() ?? new AuditOptions();
}

/// <summary>
/// The key file of <see cref="AuditOptions.SigningKeyPath"/>: the private key as one line of hex, readable by the
/// app's user only. Replacing it with a certified crypto device is the operator's choice (docs/adr/0016).
/// </summary>
public static class SigningKeyFile
{
    public static bool Exists(string path) => File.Exists(path);

    /// <summary>Loads the key; a missing or malformed file is an <see cref="InvalidOperationException"/> with a Chinese reason.</summary>
    public static Sm2Signer Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InvalidOperationException($"找不到审计签名密钥文件 {Path.GetFullPath(path)}：请运行 safeharbor keys create，或启动一次应用（首次启动时自动生成）。");
        }
        try
        {
            return Sm2Signer.FromPrivateKeyHex(text);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"审计签名密钥文件 {Path.GetFullPath(path)} 无效：{e.Message}");
        }
    }

    /// <summary>
    /// Writes a new key, never over an existing one (the old key signed the existing checkpoints): temporary file
    /// created with mode 0600, flushed to the disk, then moved into place. False when the file already existed.
    /// </summary>
    public static bool TryCreate(string path, out Sm2Signer key)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        if (File.Exists(full))
        {
            key = Load(full);
            return false;
        }
        var created = Sm2Signer.Generate();
        var temporary = $"{full}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        try
        {
            using (var output = new FileStream(temporary, options))
            {
                output.Write(System.Text.Encoding.ASCII.GetBytes(created.PrivateKeyHex + "\n"));
                output.Flush(flushToDisk: true);
            }
            try
            {
                File.Move(temporary, full, overwrite: false);
            }
            catch (IOException) when (File.Exists(full))
            {
                // Another process created it first: that key is the installation's.
                key = Load(full);
                return false;
            }
        }
        finally
        {
            File.Delete(temporary);
        }
        key = created;
        return true;
    }
}

/// <summary>The installation's signing key, loaded (or created, at the first start) once per process.</summary>
public sealed class AuditSigningKey(AuditOptions options)
{
    private readonly Lazy<Sm2Signer> key = new(() => SigningKeyFile.Load(options.SigningKeyPath));

    public string Path => options.SigningKeyPath;

    /// <summary>The key; throws <see cref="InvalidOperationException"/> with a Chinese reason when the file is missing or bad.</summary>
    public Sm2Signer Signer => key.Value;

    /// <summary>Creates the key file when missing; true when it did.</summary>
    public bool EnsureExists() => SigningKeyFile.TryCreate(options.SigningKeyPath, out _);
}
