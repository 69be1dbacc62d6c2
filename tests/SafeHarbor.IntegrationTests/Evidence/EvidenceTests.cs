using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SafeHarbor.Crypto;
using SafeHarbor.Infrastructure.Storage;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Evidence;

/// <summary>Evidence files: streamed in with limits on type, content and size, kept with SHA-256 and SM3, checked again on the way out.</summary>
[Article("5(1)")]
public sealed class EvidenceTests
{
    private static readonly byte[] SmallPdf = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n" +
        "trailer << /Root 1 0 R >>\n%%EOF\n");

    private static readonly byte[] PngHeader = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, CaseRef c, string fileName, byte[] content, string description = "执法记录仪截图和不予处罚决定书")
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(description), "description");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await client.PostAsync($"{c.Url}/evidence", form);
    }

    private static Task<IReadOnlyList<string>> StoredFiles(TestApp app) => app.StoredKeysAsync("evidence/");

    [Theory, AllDatabases]
    public async Task An_uploaded_pdf_is_kept_with_its_sha256_and_sm3_and_downloads_byte_for_byte_only_within_the_unit(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var c = await new Support.Procedure(app).RegisterAsync("staffA");

        using var created = await UploadAsync(app.As("staffA"), c, "不予处罚决定书.pdf", SmallPdf);
        var text = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"{(int)created.StatusCode}: {text}");
        var body = JsonDocument.Parse(text).RootElement;
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(SmallPdf));
        var sm3 = Sm3.HashHex(SmallPdf);
        Assert.Equal(SmallPdf.Length, body.GetProperty("size").GetInt64());
        Assert.Equal(sha256, body.GetProperty("sha256").GetString());
        Assert.Equal(sm3, body.GetProperty("sm3").GetString());
        Assert.Equal("不予处罚决定书.pdf", body.GetProperty("fileName").GetString());
        Assert.Equal("application/pdf", body.GetProperty("contentType").GetString());
        Assert.Equal("执法记录仪截图和不予处罚决定书", body.GetProperty("description").GetString());
        Assert.Equal("申请材料", body.GetProperty("stage").GetString());
        var url = $"{c.Url}/evidence/{body.GetProperty("id").GetGuid()}";
        Assert.Equal(url, created.Headers.Location?.OriginalString);

        using var download = await app.As("staffA").GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(SmallPdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(sha256, Assert.Single(download.Headers.GetValues("X-Content-SHA256")));
        Assert.Equal(sm3, Assert.Single(download.Headers.GetValues("X-Content-SM3")));

        // The investigator (bureau-wide duty) reads it too; a colleague of another branch sees neither the case nor the file.
        using var byInvestigator = await app.As("inv").GetAsync(url);
        Assert.Equal(SmallPdf, await byInvestigator.Content.ReadAsByteArrayAsync());
        var otherUnitDownload = await app.As("staffB").GetAsync(url).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("evidence-not-found", otherUnitDownload.Code);
        var otherUnitUpload = await UploadAsync(app.As("staffB"), c, "说明.pdf", SmallPdf).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("case-not-found", otherUnitUpload.Code);
        Assert.Single(await StoredFiles(app));
    }

    [Theory, AllDatabases]
    public async Task A_stored_file_changed_in_storage_is_refused_for_download_as_corrupted(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var c = await new Support.Procedure(app).RegisterAsync("staffA");
        var body = await UploadAsync(app.As("staffA"), c, "整改报告.pdf", SmallPdf).OkAsync();

        var stored = Assert.Single(await StoredFiles(app));
        var altered = (byte[])SmallPdf.Clone();
        altered[^3] = (byte)'X'; // same size, still starts with %PDF: only the hashes tell
        await app.Files.PutAsync(stored, altered, CancellationToken.None);

        var refused = await app.As("staffA").GetAsync($"{c.Url}/evidence/{body.GetProperty("id").GetGuid()}")
            .ProblemAsync(HttpStatusCode.InternalServerError);
        Assert.Equal("evidence-corrupted", refused.Code);
        Assert.Contains("整改报告.pdf", refused.Title);
        Assert.Contains("哈希不符", refused.Title);
        Assert.Contains("已拒绝下载", refused.Title);
    }

    [Theory, AllDatabases]
    public async Task Files_of_a_refused_type_mislabelled_content_or_over_the_size_limit_are_refused_and_leave_nothing_behind(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var c = await new Support.Procedure(app).RegisterAsync("staffA");
        var staffA = app.As("staffA");

        var exe = await UploadAsync(staffA, c, "tool.exe", [0x4D, 0x5A, 0x90, 0x00]).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("file-type-not-allowed", exe.Code);
        Assert.Contains("不支持的文件类型“.exe”", exe.Title);

        var png = await UploadAsync(staffA, c, "现场照片.pdf", PngHeader).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("file-content-mismatch", png.Code);
        Assert.Contains("文件内容与扩展名“.pdf”不符", png.Title);
        Assert.Empty(await StoredFiles(app));

        var large = new byte[2 * 1024 * 1024 + 1];
        SmallPdf.CopyTo(large, 0);
        var tooLarge = await UploadAsync(staffA, c, "全部案卷.pdf", large).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("file-too-large", tooLarge.Code);
        Assert.Contains("文件超过允许的大小（2 MB）", tooLarge.Title);
        Assert.Empty(await StoredFiles(app));

        var detail = await new Support.Procedure(app).GetAsync(c, "staffA");
        Assert.Empty(detail.GetProperty("evidence").EnumerateArray());
    }

    [Theory, AllDatabases]
    public async Task An_archived_case_accepts_no_more_evidence(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var flow = new Support.Procedure(app);
        var c = await flow.RegisterAsync("staffA");
        await flow.ApplyAsync(c);
        await app.As("staffA").PostJsonAsync($"{c.Url}/withdrawal", new { reason = "问责程序已终止，撤回申请。" }).OkAsync();
        await flow.ArchiveAsync(c);

        var refused = await UploadAsync(app.As("staffA"), c, "补充说明.pdf", SmallPdf).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("case-archived", refused.Code);
        Assert.Contains("已存档备案", refused.Title);
        Assert.Empty(await StoredFiles(app));
    }

    [NoDatabase("a hash of a constant string")]
    public void Sm3_of_abc_is_the_GBT_32905_test_vector()
    {
        Assert.Equal("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0", Sm3.HashHex("abc"));
        // The second vector of the standard: "abcd" repeated 16 times (512 bits).
        Assert.Equal("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732", Sm3.HashHex(string.Concat(Enumerable.Repeat("abcd", 16))));
    }
}
