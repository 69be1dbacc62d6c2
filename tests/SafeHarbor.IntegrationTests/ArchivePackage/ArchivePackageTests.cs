using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Features.ArchivePackages;
using SafeHarbor.Infrastructure.Storage;
using SafeHarbor.IntegrationTests.Cli;
using SafeHarbor.IntegrationTests.Pages;
using SafeHarbor.IntegrationTests.Support;
using SafeHarbor.PolicyRules;
using SafeHarbor.TestSupport;

namespace SafeHarbor.IntegrationTests.ArchivePackage;

/// <summary>
/// The archive package of a filed case (备案): exported through the API, the case page and the CLI,
/// verified by <c>archive verify</c>, which names every file changed, missing or added afterwards.
/// </summary>
[Article("5(6)")]
public sealed class ArchivePackageTests
{
    private const string EvidencePath = "evidence/不予处罚决定书.pdf";

    /// <summary>An exempted case with one evidence file, taken through feedback and publication; not yet filed.</summary>
    private static async Task<CaseRef> PublishedCaseWithEvidenceAsync(TestApp app)
    {
        var flow = new Support.Procedure(app);
        var c = await flow.RegisterAsync("staffA");
        await app.UploadThroughApiAsync(c, "staffA", "不予处罚决定书.pdf", "不予处罚决定书扫描件");
        await flow.ApplyAsync(c);
        await flow.VerifyAsync(c);
        await flow.ReportAsync(c, Outcome.Exempted);
        await flow.DecideAtMeetingAsync(c, Outcome.Exempted);
        await flow.FeedbackDeliveredAndAcknowledgedAsync(c);
        await flow.PublishAsync(c);
        return c;
    }

    private static string TempZip() => Path.Combine(Path.GetTempPath(), "safeharbor-tests", $"archive-{Guid.NewGuid():N}.zip");

    /// <summary>Rewrites a ZIP on disk: entries changed (null drops one), then entries added.</summary>
    private static void Tamper(string path, Func<string, byte[], byte[]?> change, params (string Name, byte[] Content)[] added) =>
        File.WriteAllBytes(path, ZipRewrite.Copy(File.ReadAllBytes(path), change, added));

    private static JsonElement ManifestOf(byte[] package)
    {
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var manifest = zip.GetEntry("manifest.json")!.Open();
        return JsonDocument.Parse(manifest).RootElement.Clone();
    }

    [Theory, AllDatabases]
    public async Task A_filed_case_exports_through_the_api_the_page_and_the_cli_and_verify_names_each_file_changed_removed_or_added(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var c = await PublishedCaseWithEvidenceAsync(app);
        var cli = AdminCli.DatabaseOf(app);
        cli["Storage:Directory"] = app.StorageDirectory;

        // Not filed yet: refused everywhere; outside the unit the case does not exist.
        var early = await app.As("archivist").GetAsync($"{c.Url}/archive-package").ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("case-not-archived", early.Code);
        Assert.Contains("尚未存档备案", early.Title);
        var refusedOut = TempZip();
        var refused = await AdminCli.RunAsync(["archive", "export", "--case", c.Number, "--out", refusedOut], cli);
        Assert.True(refused.ExitCode == 2, refused.ToString());
        Assert.Contains($"案件 {c.Number} 尚未存档备案", refused.Error);
        Assert.False(File.Exists(refusedOut));

        await new Support.Procedure(app).ArchiveAsync(c);
        var detail = await new Support.Procedure(app).GetAsync(c);
        var archiveNumber = detail.GetProperty("archive").GetProperty("archiveNumber").GetString()!;
        var evidenceSm3 = detail.GetProperty("evidence")[0].GetProperty("sm3").GetString();
        Assert.Equal("case-not-found", (await app.As("staffB").GetAsync($"{c.Url}/archive-package").ProblemAsync(HttpStatusCode.NotFound)).Code);

        // The package holds the report and the minutes: it stays with the bodies of the procedure (docs/disclosure.md).
        Assert.Equal("not-disclosed", (await app.As("staffA").GetAsync($"{c.Url}/archive-package").ProblemAsync(HttpStatusCode.Forbidden)).Code);

        // Through the API: a ZIP named by the archive number, with the layout and manifest the issue asks for.
        using var response = await app.As("archivist").GetAsync($"{c.Url}/archive-package");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"{archiveNumber} 归档包.zip", response.Content.Headers.ContentDisposition?.FileNameStar);
        var package = await response.Content.ReadAsByteArrayAsync();
        Assert.True(VerifyArchivePackage.Verify(new MemoryStream(package)).IsIntact);

        var manifest = ManifestOf(package);
        Assert.Equal(archiveNumber, manifest.GetProperty("archiveNumber").GetString());
        var parts = manifest.GetProperty("archiveNumberParts");
        Assert.Equal(["J031", "D30", "JGDW", "0001"], new[] { "fonds", "retention", "organisationCode", "item" }.Select(p => parts.GetProperty(p).GetString()));
        Assert.Equal("定期30年", manifest.GetProperty("retention").GetProperty("name").GetString());
        Assert.Equal(c.Number, manifest.GetProperty("case").GetProperty("number").GetString());
        Assert.Equal("予以容错免责", manifest.GetProperty("case").GetProperty("result").GetString());
        Assert.Equal("吴党委（archivist）", manifest.GetProperty("exportedBy").GetString());
        var (lastHash, entries) = await app.WithDbAsync(async d =>
        {
            var audit = await d.AuditEntries.Where(e => e.CaseId == c.Id).OrderBy(e => e.Sequence).Select(e => e.Hash).ToListAsync();
            return (audit[^1], audit.Count);
        });
        Assert.Equal(lastHash, manifest.GetProperty("auditChain").GetProperty("finalHash").GetString());
        Assert.Equal(entries, manifest.GetProperty("auditChain").GetProperty("entries").GetInt32());
        Assert.True(manifest.GetProperty("caseRecord").GetProperty("matchesFiling").GetBoolean());

        var files = manifest.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("path").GetString()!, f => f);
        Assert.Equal(evidenceSm3, files[EvidencePath].GetProperty("sm3").GetString());
        Assert.Contains(files.Keys, p => p.StartsWith("documents/认定意见（", StringComparison.Ordinal) && p.EndsWith("号）.docx", StringComparison.Ordinal));
        Assert.Contains("documents/会议纪要摘录.docx", files.Keys);
        Assert.DoesNotContain(files.Keys, p => p.Contains("不予受理", StringComparison.Ordinal));
        Assert.Equal(["case-record.json", "备案登记表.docx", "备案登记表.txt"], files.Keys.Where(p => !p.Contains('/')).ToArray());
        using (var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read))
        {
            Assert.Equal([.. files.Keys, "manifest.json", "manifest.json.sig"], zip.Entries.Select(e => e.FullName).ToArray());
            using var text = new StreamReader(zip.GetEntry("备案登记表.txt")!.Open(), Encoding.UTF8);
            var summary = await text.ReadToEndAsync();
            Assert.Contains($"档号：{archiveNumber}", summary);
            Assert.Contains("保管期限：定期30年（D30）", summary);
            Assert.Contains($"{EvidencePath}（{files[EvidencePath].GetProperty("size").GetInt64()} 字节）", summary);
            Assert.Contains($"SM3     {evidenceSm3}", summary);
        }

        // The case page links the same package.
        using (var browser = await Browser.SignedInAsync(app, "archivist"))
        {
            var page = await browser.GetAsync($"/Cases/{c.Id}");
            var link = page.Single("section[aria-labelledby=s-archive] [data-testid=archive-package]").GetAttribute("href")!;
            Assert.Contains("下载归档包（ZIP）", page.TextOf("section[aria-labelledby=s-archive]"));
            using var download = await browser.Client.GetAsync(link);
            Assert.Equal("application/zip", download.Content.Headers.ContentType?.MediaType);
            Assert.True(VerifyArchivePackage.Verify(await download.Content.ReadAsStreamAsync()).IsIntact);
        }

        // Through the CLI, then verified clean.
        var path = TempZip();
        try
        {
            var exported = await AdminCli.RunAsync(["archive", "export", "--case", c.Number, "--out", path], cli);
            Assert.True(exported.ExitCode == 0, exported.ToString());
            Assert.Contains($"归档包 {archiveNumber}（案件 {c.Number}，{files.Count} 个文件）", exported.Output);
            var clean = await AdminCli.RunAsync(["archive", "verify", path], cli);
            Assert.True(clean.ExitCode == 0, clean.ToString());
            Assert.Equal($"归档包完整：{files.Count} 个文件，哈希全部一致。", clean.OutputLines[^1]);

            // One byte of a document changed, the evidence file removed, a stray file added: each named, exit 1.
            var document = files.Keys.First(p => p.StartsWith("documents/", StringComparison.Ordinal));
            Tamper(path, (name, content) =>
            {
                if (name == document)
                {
                    content[content.Length / 2] ^= 0x20;
                }
                return name == EvidencePath ? null : content;
            }, ("evidence/补充说明.pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n")));
            var tampered = await AdminCli.RunAsync(["archive", "verify", path], cli);
            Assert.True(tampered.ExitCode == 1, tampered.ToString());
            Assert.Contains($"内容被修改：{document}（", tampered.Error);
            Assert.Contains($"缺失：{EvidencePath}（清单中有，归档包中没有）", tampered.Error);
            Assert.Contains("多出：evidence/补充说明.pdf（归档包中有，清单中没有）", tampered.Error);
            Assert.Contains("归档包校验未通过：内容被修改 1 个，缺失 1 个，多出 1 个", tampered.Error);
        }
        finally
        {
            File.Delete(path);
        }

        // A stored evidence file that no longer matches its hashes is never packaged.
        var stored = Assert.Single(await app.StoredKeysAsync("evidence/"));
        var bytes = (await app.Files.ReadAllAsync(stored, CancellationToken.None))!;
        bytes[^2] ^= 0x01;
        await app.Files.PutAsync(stored, bytes, CancellationToken.None);
        var corrupted = await app.As("archivist").GetAsync($"{c.Url}/archive-package").ProblemAsync(HttpStatusCode.InternalServerError);
        Assert.Equal("archive-evidence-corrupted", corrupted.Code);
        Assert.Contains("证明材料“不予处罚决定书.pdf”未通过哈希校验", corrupted.Title);
        var cliOut = TempZip();
        var cliCorrupted = await AdminCli.RunAsync(["archive", "export", "--case", c.Number, "--out", cliOut], cli);
        Assert.True(cliCorrupted.ExitCode == 2, cliCorrupted.ToString());
        Assert.Contains("归档包未导出", cliCorrupted.Error);
        Assert.False(File.Exists(cliOut));
        Assert.False(File.Exists(cliOut + ".partial"));
    }
}
