using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Security;

/// <summary>
/// Evidence uploads with hostile names and disguised content: a path in the name is cut to its last part (the file
/// is stored under a random name in any case, never where the name points), a name that cannot be made safe is
/// refused, and the content must be what the extension says (ZIP-based documents down to their entries).
/// Every refusal is a Chinese 400 and leaves no row and no stored file.
/// </summary>
public sealed class UploadValidationTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    private static readonly byte[] Exe = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF];
    private static readonly byte[] Html = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>");

    /// <summary>The multipart file name as the client writes it (<c>filename="…"</c> verbatim, or <c>filename*=</c> when it starts with UTF-8''), the content, and the code of the refusal.</summary>
    private static readonly (string Name, byte[] Content, string Code)[] Refused =
    [
        ("../../etc/passwd", Pdf, "file-type-not-allowed"),
        ("..", Pdf, "file-name-invalid"),
        (".pdf", Pdf, "file-name-invalid"),
        ("UTF-8''a%00b.pdf", Pdf, "file-name-invalid"),
        ("UTF-8''a%01b.pdf", Pdf, "file-name-invalid"),
        (new string('长', 300) + ".pdf", Pdf, "file-name-invalid"),
        ("<img src=x onerror=alert(1)>.pdf", Pdf, "file-name-invalid"),
        ("程序.pdf", Exe, "file-content-mismatch"),
        ("网页.jpg", Html, "file-content-mismatch"),
        ("网页.png", Html, "file-content-mismatch"),
        ("网页.pdf", Html, "file-content-mismatch"),
        ("程序.docx", Zip(("setup.exe", Exe)), "file-content-mismatch"),
        ("网页.xlsx", Zip(("index.html", Html)), "file-content-mismatch"),
        ("文书.ofd", Zip(("Doc_0/Document.xml", "<x/>"u8.ToArray())), "file-content-mismatch"),
        ("截断.docx", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00], "file-content-mismatch"),
        ("说明.pdf", new byte[70 * 1024].Select((_, i) => i < Pdf.Length ? Pdf[i] : (byte)' ').ToArray(), "file-too-large"),
    ];

    /// <summary>Names reduced to their last part, and the name kept.</summary>
    private static readonly (string Name, byte[] Content, string Kept)[] Reduced =
    [
        ("../../etc/cron.d/x.pdf", Pdf, "x.pdf"),
        ("..\\..\\..\\windows\\y.pdf", Pdf, "y.pdf"),
        ("/etc/z.pdf", Pdf, "z.pdf"),
        ("C:\\Users\\张三\\桌面\\情况说明.docx", Zip(("[Content_Types].xml", "<Types/>"u8.ToArray()), ("word/document.xml", "<w:document/>"u8.ToArray())), "情况说明.docx"),
        ("台账.xlsx", Zip(("[Content_Types].xml", "<Types/>"u8.ToArray()), ("xl/workbook.xml", "<workbook/>"u8.ToArray())), "台账.xlsx"),
        ("𠮷野家说明😀.txt", "情况说明：𠮷。"u8.ToArray(), ""),
    ];

    [Theory, AllDatabases]
    public async Task Hostile_file_names_are_cut_to_a_safe_name_or_refused_and_disguised_content_is_refused_writing_nothing(Db kind)
    {
        await using var app = await TestApp.StartAsync(kind, new Dictionary<string, string?> { ["Evidence:MaxFileBytes"] = (64 * 1024).ToString() });
        var c = await new Support.Procedure(app).RegisterAsync("staffA");
        _ = app.As("staffA"); // signed in first: a sign-in is itself an audit entry
        var before = await BadInput.RowCountsAsync(app);

        var problems = new List<string>();
        foreach (var (name, content, code) in Refused)
        {
            using var response = await app.As("staffA").PostAsync($"{c.Url}/evidence", Multipart(name, content, "说明"));
            if (await BadInput.ProblemWith(response, HttpStatusCode.BadRequest, code) is { } problem)
            {
                problems.Add($"{name}: {problem}");
            }
        }
        // The description is held to the same rule as any text.
        using (var nul = await app.As("staffA").PostAsync($"{c.Url}/evidence", Multipart("说明.pdf", Pdf, "说明\0")))
        {
            if (await BadInput.ProblemWith(nul, HttpStatusCode.BadRequest, "validation-failed") is { } problem)
            {
                problems.Add($"NUL in the description: {problem}");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var after = await BadInput.RowCountsAsync(app);
        Assert.True(BadInput.Changed(before, after).Length == 0, "written: " + BadInput.Changed(before, after));
        Assert.Empty(await app.StoredKeysAsync("evidence/"));

        foreach (var (name, content, kept) in Reduced)
        {
            using var response = await app.As("staffA").PostAsync($"{c.Url}/evidence", Multipart(name, content, "说明"));
            var text = await response.Content.ReadAsStringAsync();
            if (kept.Length == 0)
            {
                // Emoji cannot be printed in the 备案登记表 that lists evidence by name: refused by name, like any document text.
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest && JsonDocument.Parse(text).RootElement.GetProperty("title").GetString()!.Contains("😀", StringComparison.Ordinal), $"{name}: {(int)response.StatusCode} {text}");
                continue;
            }
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{name}: {(int)response.StatusCode} {text}");
            Assert.Equal(kept, JsonDocument.Parse(text).RootElement.GetProperty("fileName").GetString());
        }
        // Stored under random names in the evidence folder, whatever the name said; nothing was written where a name pointed.
        var stored = await app.StoredKeysAsync("evidence/");
        Assert.Equal(Reduced.Count(r => r.Kept.Length > 0), stored.Count);
        Assert.All(stored, k => Assert.Matches("^evidence/[0-9a-f]{32}\\.bin$", k));
        var root = Path.GetDirectoryName(app.StorageDirectory.TrimEnd('/'))!;
        Assert.Empty(Directory.Exists(root) ? Directory.GetFiles(root, "*.pdf", SearchOption.AllDirectories) : []);
        Assert.False(File.Exists("/etc/cron.d/x.pdf") || File.Exists("/etc/z.pdf"));
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(content);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>A multipart body written by hand, so the file name reaches the server exactly as a hostile client sends it.</summary>
    private static ByteArrayContent Multipart(string fileName, byte[] content, string description)
    {
        const string boundary = "----safeharbor-test-boundary";
        var disposition = fileName.StartsWith("UTF-8''", StringComparison.Ordinal) ? $"filename*={fileName}" : $"filename=\"{fileName}\"";
        using var body = new MemoryStream();
        void Write(string s) => body.Write(Encoding.UTF8.GetBytes(s));
        Write($"--{boundary}\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\n{description}\r\n");
        Write($"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; {disposition}\r\nContent-Type: application/octet-stream\r\n\r\n");
        body.Write(content);
        Write($"\r\n--{boundary}--\r\n");
        var result = new ByteArrayContent(body.ToArray());
        result.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={boundary}");
        return result;
    }
}
