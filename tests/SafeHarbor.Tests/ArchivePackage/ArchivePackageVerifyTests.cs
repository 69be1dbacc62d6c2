using System.IO.Compression;
using System.Text;
using SafeHarbor.Crypto;
using SafeHarbor.Features.Archive;
using SafeHarbor.Features.ArchivePackages;
using SafeHarbor.TestSupport;

namespace SafeHarbor.Tests.ArchivePackage;

/// <summary>
/// <see cref="VerifyArchivePackage.Verify"/> on packages built in memory by the same writer the export uses:
/// each changed, missing or added file is named, and a package without a readable manifest says so.
/// </summary>
[Article("5(6)")]
public sealed class ArchivePackageVerifyTests
{
    private const string Document = "documents/认定意见（青禾市监党认〔2026〕1号）.docx";
    private const string Evidence = "evidence/不予处罚决定书.pdf";

    private static readonly Sm2Signer Key = Sm2Signer.Generate();

    private static readonly DateTimeOffset ExportedAt = new(2026, 10, 20, 2, 0, 0, TimeSpan.Zero);

    /// <summary>A small package: a document, an evidence file and the case record, then the manifest.</summary>
    private static byte[] CleanPackage()
    {
        using var zip = new MemoryStream();
        using (var writer = new ArchivePackageWriter(zip, ExportedAt))
        {
            writer.Add("documents", "认定意见（青禾市监党认〔2026〕1号）.docx", "document", "认定意见", Encoding.UTF8.GetBytes("PK 认定意见：予以容错免责。"));
            writer.Add("evidence", "不予处罚决定书.pdf", "evidence", "不予处罚决定书.pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n"));
            writer.Add(null, "case-record.json", "case-record", "案件记录", Encoding.UTF8.GetBytes("""{"number":"2026-0001"}"""));
            writer.Finish(Manifest(writer.Files), Key);
        }
        return zip.ToArray();
    }

    private static ArchivePackageManifest Manifest(IReadOnlyList<ArchivePackageManifest.PackageFile> files) => new(
        ArchivePackageFormat.FormatName, ArchivePackageFormat.FormatVersion, "J031-2026-D30-JGDW-0001", ArchiveNumberParts.Parse("J031-2026-D30-JGDW-0001", new ArchiveOptions()),
        new("D30", "定期30年"), new("2026-0001", "跟踪抽检不及时", "予以容错免责", "信市监〔2022〕131号"),
        new DateOnly(2026, 10, 19), "吴党委", ExportedAt, "吴党委（archivist）",
        new("SM3", new string('a', 64), 21, new string('b', 64)), new("case-record.json", null, null, false),
        [.. files], []);

    private static byte[] FlipOneByte(byte[] content)
    {
        var copy = (byte[])content.Clone();
        copy[copy.Length / 2] ^= 0x01;
        return copy;
    }

    private static ArchivePackageVerification Verify(byte[] package) => VerifyArchivePackage.Verify(new MemoryStream(package));

    [Fact]
    public void A_package_as_written_verifies_with_every_file_counted()
    {
        var result = Verify(CleanPackage());

        Assert.True(result.IsIntact, string.Join("\n", result.Problems));
        Assert.Equal(3, result.FilesChecked);
        Assert.Equal("J031-2026-D30-JGDW-0001", result.ArchiveNumber);
        Assert.Equal("2026-0001", result.CaseNumber);
        Assert.Equal("归档包完整：3 个文件，哈希全部一致。", result.Summary);
    }

    [Fact]
    public void One_byte_changed_in_one_file_names_that_file_as_changed()
    {
        var result = Verify(ZipRewrite.Copy(CleanPackage(), (name, content) => name == Document ? FlipOneByte(content) : content));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ArchivePackageProblemKind.Changed, problem.Kind);
        Assert.Equal(Document, problem.Path);
        Assert.StartsWith($"内容被修改：{Document}（SHA-256、SM3 与清单不符", problem.Message);
    }

    [Fact]
    public void A_removed_file_is_named_as_missing()
    {
        var result = Verify(ZipRewrite.Copy(CleanPackage(), (name, content) => name == Evidence ? null : content));

        var problem = Assert.Single(result.Problems);
        Assert.Equal((ArchivePackageProblemKind.Missing, Evidence), (problem.Kind, problem.Path));
        Assert.Equal($"缺失：{Evidence}（清单中有，归档包中没有）", problem.Message);
    }

    [Fact]
    public void An_entry_the_manifest_does_not_list_is_named_as_added()
    {
        var result = Verify(ZipRewrite.Copy(CleanPackage(), (_, content) => content, ("evidence/补充说明.txt", Encoding.UTF8.GetBytes("后来放进去的文件"))));

        var problem = Assert.Single(result.Problems);
        Assert.Equal((ArchivePackageProblemKind.Added, "evidence/补充说明.txt"), (problem.Kind, problem.Path));
        Assert.Equal("多出：evidence/补充说明.txt（归档包中有，清单中没有）", problem.Message);
    }

    [Fact]
    public void Changed_missing_and_added_at_once_are_each_named_and_counted()
    {
        var result = Verify(ZipRewrite.Copy(CleanPackage(),
            (name, content) => name == Evidence ? null : name == Document ? FlipOneByte(content) : content, ("stray.bin", [1, 2, 3])));

        Assert.Equal(
            [(ArchivePackageProblemKind.Changed, Document), (ArchivePackageProblemKind.Missing, Evidence), (ArchivePackageProblemKind.Added, "stray.bin")],
            result.Problems.Select(p => (p.Kind, p.Path)).ToArray());
        Assert.Equal("归档包校验未通过：内容被修改 1 个，缺失 1 个，多出 1 个（清单共 3 个文件）。", result.Summary);
    }

    [Fact]
    public void Folder_entries_added_by_re_zipping_are_not_reported()
    {
        var result = Verify(ZipRewrite.Copy(CleanPackage(), (_, content) => content, ("documents/", []), ("evidence/", [])));

        Assert.True(result.IsIntact, string.Join("\n", result.Problems));
    }

    [Theory]
    [InlineData("missing", ArchivePackageProblemKind.ManifestMissing, "缺少清单：归档包中没有 manifest.json")]
    [InlineData("{ \"files\": [ { \"path\": ", ArchivePackageProblemKind.ManifestInvalid, "清单无法读取：manifest.json 不是有效的 JSON")]
    [InlineData("{ \"formatVersion\": 1 }", ArchivePackageProblemKind.ManifestInvalid, "清单无法读取：manifest.json 缺少文件清单（files）")]
    [InlineData("{ \"files\": [ { \"path\": \"a.pdf\", \"sha256\": \"00\" } ] }", ArchivePackageProblemKind.ManifestInvalid, "清单无法读取：manifest.json 第 1 个文件的记录不完整")]
    public void A_missing_or_garbled_manifest_is_reported_and_nothing_is_called_intact(string manifest, ArchivePackageProblemKind kind, string message)
    {
        var result = Verify(ZipRewrite.Copy(CleanPackage(),
            (name, content) => name != ArchivePackageFormat.ManifestPath ? content : manifest == "missing" ? null : Encoding.UTF8.GetBytes(manifest)));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(kind, problem.Kind);
        Assert.StartsWith(message, problem.Message);
        Assert.Equal("归档包校验未通过：无法按清单校验。", result.Summary);
    }

    [Fact]
    public void A_file_that_is_not_a_zip_is_unreadable()
    {
        var result = Verify(Encoding.UTF8.GetBytes("这不是 ZIP 文件"));

        Assert.True(result.IsUnreadable);
        Assert.StartsWith("归档包无法读取：不是有效的 ZIP 文件", Assert.Single(result.Problems).Message);
    }

    [Fact]
    public void Entry_names_are_made_safe_and_unique()
    {
        using var zip = new MemoryStream();
        using (var writer = new ArchivePackageWriter(zip, ExportedAt))
        {
            writer.Add("evidence", "现场照片.jpg", "evidence", "", [1]);
            writer.Add("evidence", "现场照片.JPG", "evidence", "", [2]);
            writer.Add("evidence", @"..\..\windows\evil.pdf", "evidence", "", [3]);
            writer.Add("evidence", "../../etc/passwd", "evidence", "", [4]);
            writer.Add("evidence", "CON.txt", "evidence", "", [5]);
            writer.Add("evidence", "..", "evidence", "", [6]);
            writer.Add(null, "manifest.json", "evidence", "", [7]);

            Assert.Equal(
                ["evidence/现场照片.jpg", "evidence/现场照片 (2).JPG", "evidence/_.._windows_evil.pdf", "evidence/_.._etc_passwd", "evidence/_CON.txt", "evidence/未命名", "manifest (2).json"],
                writer.Files.Select(f => f.Path).ToArray());
            writer.Finish(Manifest(writer.Files), Key);
        }
        Assert.True(Verify(zip.ToArray()).IsIntact);
    }

    [Theory]
    [InlineData("J031-2026-D30-JGDW-0007", "J031", 2026, "D30", "JGDW", "0007")]
    [InlineData("J031-2027-Y-JGDW-0120", "J031", 2027, "Y", "JGDW", "0120")]
    [InlineData("X-9-2026-D10-JG-DW-0002", "X-9", 2026, "D10", "JG-DW", "0002")]
    public void An_archive_number_splits_into_its_DA_T_22_parts(string number, string fonds, int year, string retention, string organisation, string item)
    {
        var options = new ArchiveOptions { Fonds = "X-9", OrganisationCode = "JG-DW" };
        var parts = ArchiveNumberParts.Parse(number, number.StartsWith("X-9") ? options : new ArchiveOptions());

        Assert.Equal(new ArchiveNumberParts(fonds, year, retention, organisation, item), parts);
        Assert.Null(ArchiveNumberParts.Parse("2026-0001", new ArchiveOptions()));
    }
}
