using System.Security.Cryptography;
using SafeHarbor.Cases;
using SafeHarbor.Crypto;
using SafeHarbor.Infrastructure.Storage;

namespace SafeHarbor.Features.Evidence;

public sealed class EvidenceOptions
{
    public long MaxFileBytes { get; set; } = 50L * 1024 * 1024;
}

public sealed record StoredFile(string StoredName, long Size, string Sha256, string Sm3);

/// <summary>
/// Evidence in the shared file store (<see cref="IFileStore"/>, key <c>evidence/{stored name}</c>), named by a
/// random id; content is hashed while it streams in and checked before it streams out.
/// </summary>
public sealed class EvidenceStore(EvidenceOptions options, IFileStore files)
{    /// <summary>Accepted kinds: extension, MIME type and the leading bytes the content must start with.</summary>
    private static readonly Dictionary<string, (string Mime, byte[][] Magic)> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", [[0x25, 0x50, 0x44, 0x46]]),
        [".jpg"] = ("image/jpeg", [[0xFF, 0xD8, 0xFF]]),
        [".jpeg"] = ("image/jpeg", [[0xFF, 0xD8, 0xFF]]),
        [".png"] = ("image/png", [[0x89, 0x50, 0x4E, 0x47]]),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", [[0x50, 0x4B, 0x03, 0x04]]),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [[0x50, 0x4B, 0x03, 0x04]]),
        [".ofd"] = ("application/ofd", [[0x50, 0x4B, 0x03, 0x04]]),
        [".zip"] = ("application/zip", [[0x50, 0x4B, 0x03, 0x04]]),
        [".doc"] = ("application/msword", [[0xD0, 0xCF, 0x11, 0xE0]]),
        [".xls"] = ("application/vnd.ms-excel", [[0xD0, 0xCF, 0x11, 0xE0]]),
        [".txt"] = ("text/plain; charset=utf-8", []),
    };

    public long MaxFileBytes => options.MaxFileBytes;

    public static string AcceptedExtensions => string.Join("、", Kinds.Keys);

    /// <summary>The key of a stored file; a folder store keeps it as <c>{Storage:Directory}/evidence/{name}</c>, where earlier versions kept evidence.</summary>
    public static string KeyOf(string storedName) => "evidence/" + Path.GetFileName(storedName);

    public static string MimeFor(string fileName) =>
        Kinds.TryGetValue(Path.GetExtension(fileName), out var kind) ? kind.Mime : "application/octet-stream";

    /// <summary>
    /// The name a client sent, reduced to its last part: a browser on Windows may send <c>C:\材料\说明.pdf</c>, a hostile
    /// client <c>../../etc/passwd</c> or <c>..\x.pdf</c>. The name is only shown and used for downloads and the archive
    /// package's entries (the stored file has a random name), where a folder in it would lead out of the folder it is unpacked into.
    /// </summary>
    public static string? SafeName(string? sent) =>
        sent is null ? null : sent[(sent.LastIndexOfAny(['/', '\\']) + 1)..].Trim();

    /// <summary>Characters Windows does not allow in a file name (the archive package is unpacked there) and that read as markup.</summary>
    private static readonly char[] ForbiddenInName = ['<', '>', ':', '"', '|', '?', '*', '/', '\\'];

    public static void ValidateName(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName) || fileName.Length > 255)
        {
            throw DomainException.Invalid("file-name-invalid", "文件名不能为空，且不能超过 255 个字符。");
        }
        if (fileName.StartsWith('.') || fileName.IndexOfAny(ForbiddenInName) >= 0)
        {
            throw DomainException.Invalid("file-name-invalid", "文件名不能以“.”开头，也不能含有 < > : \" | ? * / \\ 等字符，请重命名后再上传。");
        }
        if (Validation.UnprintableIn(fileName) is { } bad)
        {
            // The name is printed in the 备案登记表: what the document fonts cannot show is refused here.
            throw DomainException.Invalid("file-name-invalid", $"文件名含有不能打印的字符（{bad}），请重命名后再上传。");
        }
        if (!Kinds.ContainsKey(Path.GetExtension(fileName)))
        {
            throw DomainException.Invalid("file-type-not-allowed", $"不支持的文件类型“{Path.GetExtension(fileName)}”，可上传：{AcceptedExtensions}。");
        }
    }

    /// <summary>
    /// Streams content to a local temporary file, hashing as it goes, then puts it whole into the store;
    /// refuses oversize or mislabelled content and leaves nothing behind.
    /// </summary>
    public async Task<StoredFile> SaveAsync(string fileName, Stream content, CancellationToken ct)
    {
        ValidateName(fileName);
        var storedName = $"{Guid.NewGuid():N}.bin";
        var path = UploadBuffer.NewPath();
        try
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var sm3 = new Sm3();
            long size = 0;
            var head = new byte[8];
            var headLength = 0;
            var buffer = new byte[81920];
            await using (var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    size += read;
                    if (size > options.MaxFileBytes)
                    {
                        throw new DomainException(ErrorKind.Invalid, "file-too-large", $"文件超过允许的大小（{options.MaxFileBytes / 1024 / 1024} MB）。");
                    }
                    var chunk = buffer.AsSpan(0, read);
                    if (headLength < head.Length)
                    {
                        var take = Math.Min(head.Length - headLength, read);
                        chunk[..take].CopyTo(head.AsSpan(headLength));
                        headLength += take;
                    }
                    sha.AppendData(chunk);
                    sm3.Append(chunk);
                    await output.WriteAsync(buffer.AsMemory(0, read), ct);
                }
                await output.FlushAsync(ct);
            }
            if (size == 0)
            {
                throw DomainException.Invalid("file-empty", "文件是空的。");
            }
            CheckContent(fileName, head.AsSpan(0, headLength), path);
            // Durable in the store before the caller commits the row that names it (IFileStore.PutAsync returns only
            // then); a row that never commits leaves a file LeftoverSweeper removes.
            await using (var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true))
            {
                await files.PutAsync(KeyOf(storedName), input, ct);
            }
            return new StoredFile(storedName, size, Convert.ToHexStringLower(sha.GetHashAndReset()), sm3.FinishHex());
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Recomputes both hashes of a stored file; null when the file is missing.</summary>
    public async Task<(string Sha256, string Sm3)?> HashAsync(string storedName, CancellationToken ct)
    {
        await using var input = await files.OpenAsync(KeyOf(storedName), ct);
        if (input is null)
        {
            return null;
        }
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var sm3 = new Sm3();
        var buffer = new byte[81920];
        int read;
        while ((read = await input.ReadAsync(buffer, ct)) > 0)
        {
            sha.AppendData(buffer, 0, read);
            sm3.Append(buffer.AsSpan(0, read));
        }
        return (Convert.ToHexStringLower(sha.GetHashAndReset()), sm3.FinishHex());
    }

    /// <summary>The stored content; a missing file is reported as evidence that failed its check.</summary>
    public async Task<Stream> OpenReadAsync(string storedName, CancellationToken ct) =>
        await files.OpenAsync(KeyOf(storedName), ct)
        ?? throw new DomainException(ErrorKind.Corrupted, "evidence-corrupted", "文件在存储中缺失，请联系系统管理员。");

    public Task DeleteAsync(string storedName, CancellationToken ct) => files.DeleteAsync(KeyOf(storedName), ct);

    /// <summary>
    /// Office and OFD files are ZIP packages: the leading bytes only say "ZIP", so the entries that make the package a
    /// document of its kind must be there too (any program or web page zipped and renamed .docx is refused).
    /// </summary>
    private static readonly Dictionary<string, string[]> ZipEntries = new(StringComparer.OrdinalIgnoreCase)
    {
        [".docx"] = ["[Content_Types].xml", "word/document.xml"],
        [".xlsx"] = ["[Content_Types].xml", "xl/workbook.xml"],
        [".ofd"] = ["OFD.xml"],
        [".zip"] = [],
    };

    private static bool HasEntries(string path, string[] required)
    {
        try
        {
            using var zip = System.IO.Compression.ZipFile.OpenRead(path);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return required.All(names.Contains);
        }
        catch (InvalidDataException)
        {
            return false; // not a readable ZIP at all
        }
    }

    private static void CheckContent(string fileName, ReadOnlySpan<byte> head, string path)
    {
        var kind = Kinds[Path.GetExtension(fileName)];
        if (kind.Magic.Length == 0)
        {
            // Plain text: must be UTF-8 without NUL bytes.
            var bytes = File.ReadAllBytes(path);
            var valid = !bytes.Contains((byte)0) && System.Text.Unicode.Utf8.IsValid(bytes);
            if (!valid)
            {
                throw DomainException.Invalid("file-content-mismatch", "文本文件须为 UTF-8 编码的纯文本。");
            }
            return;
        }
        foreach (var magic in kind.Magic)
        {
            if (head.StartsWith(magic) && (!ZipEntries.TryGetValue(Path.GetExtension(fileName), out var entries) || HasEntries(path, entries)))
            {
                return;
            }
        }
        throw DomainException.Invalid("file-content-mismatch", $"文件内容与扩展名“{Path.GetExtension(fileName)}”不符，请确认文件未损坏且类型正确。");
    }
}
