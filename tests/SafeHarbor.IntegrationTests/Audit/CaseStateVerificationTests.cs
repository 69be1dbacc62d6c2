using System.Net;
using SafeHarbor.IntegrationTests.Cli;
using SafeHarbor.IntegrationTests.Support;
using static SafeHarbor.IntegrationTests.Audit.ChainTampering;

namespace SafeHarbor.IntegrationTests.Audit;

/// <summary>
/// The case rows are under the chain: <c>audit verify</c> recomputes each case's status, decision, result records and
/// filing from its entries, so a row changed or deleted in the case tables names the case and the field, and the
/// archive export refuses such a case instead of packaging it without the documents that no longer fit.
/// </summary>
[Article("6")]
public sealed class CaseStateVerificationTests
{
    [Theory, AllDatabases]
    public async Task A_status_changed_in_the_case_table_names_the_case_and_the_field(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var c = await FiledCaseThenSignInsAsync(app);
        Assert.Equal(0, (await VerifyAsync(app, withCheckpoints: false)).ExitCode);

        await SqlAsync(app, $"UPDATE \"Cases\" SET \"Status\" = 'Decided' WHERE \"Number\" = {c.Number}");

        var verified = await VerifyAsync(app, withCheckpoints: false);
        Assert.True(verified.ExitCode == 1, verified.ToString());
        Assert.Contains("哈希链校验通过", verified.Error);
        Assert.Contains($"案件 {c.Number} 的状态与审计日志不符：表中为“已认定待反馈”，审计日志为“已备案”。", verified.Error);
    }

    [Theory, AllDatabases]
    public async Task An_outcome_changed_in_the_case_table_fails_verify_and_the_archive_export_refuses_the_case(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var c = await FiledCaseThenSignInsAsync(app);
        var cli = CliSettings(app);
        cli["Storage:Directory"] = app.StorageDirectory;

        await SqlAsync(app, $"UPDATE \"Cases\" SET \"Decision_Outcome\" = 'NotExempted' WHERE \"Number\" = {c.Number}");

        var verified = await VerifyAsync(app, withCheckpoints: false);
        Assert.True(verified.ExitCode == 1, verified.ToString());
        Assert.Contains($"案件 {c.Number} 的认定结果与审计日志不符：表中为“不予容错免责”，审计日志为“予以容错免责”。", verified.Error);
        Assert.Contains($"案件 {c.Number} 的结果运用记录", verified.Error);
        Assert.Contains($"案件 {c.Number} 的案件内容（事实、申请、核实、报告、认定）与存档备案时不符", verified.Error);

        // Before, the package came out without the documents an exempted outcome has; now it is refused with the reason.
        var path = Path.Combine(Path.GetTempPath(), "safeharbor-tests", $"refused-{Guid.NewGuid():N}.zip");
        var exported = await AdminCli.RunAsync(["archive", "export", "--case", c.Number, "--out", path], cli);
        Assert.True(exported.ExitCode == 2, exported.ToString());
        Assert.Contains($"归档包未导出：案件 {c.Number} 的数据与备案时的记录或审计日志不符", exported.Error);
        Assert.Contains("认定结果与审计日志不符", exported.Error);
        Assert.False(File.Exists(path));
        var problem = await app.As("archivist").GetAsync($"{c.Url}/archive-package").ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("case-disagrees-with-filing", problem.Code);
    }

    [Theory, AllDatabases]
    public async Task Deleted_result_records_name_the_case_and_the_records(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var c = await FiledCaseThenSignInsAsync(app);

        var deleted = await SqlAsync(app, $"DELETE FROM \"ResultRecords\" WHERE \"CaseNumber\" = {c.Number}");
        Assert.True(deleted > 0);

        var verified = await VerifyAsync(app, withCheckpoints: false);
        Assert.True(verified.ExitCode == 1, verified.ToString());
        Assert.Contains($"案件 {c.Number} 的结果运用记录与审计日志不符：表中 0 条（无），审计日志 {deleted} 条", verified.Error);
    }

    [Theory, AllDatabases]
    public async Task A_filing_record_with_another_manifest_and_a_deleted_case_are_named(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var c = await FiledCaseThenSignInsAsync(app);

        await SqlAsync(app, $"UPDATE \"ArchiveRecords\" SET \"ManifestJson\" = '[]'");
        var manifest = await VerifyAsync(app, withCheckpoints: false);
        Assert.True(manifest.ExitCode == 1, manifest.ToString());
        Assert.Contains($"案件 {c.Number} 备案记录中的文件清单与存档备案时审计日志记下的不符", manifest.Error);

        await SqlAsync(app, $"DELETE FROM \"ArchiveRecords\"");
        await SqlAsync(app, $"DELETE FROM \"ResultRecords\"");
        await SqlAsync(app, $"DELETE FROM \"Cases\" WHERE \"Number\" = {c.Number}");
        var gone = await VerifyAsync(app, withCheckpoints: false);
        Assert.True(gone.ExitCode == 1, gone.ToString());
        Assert.Contains($"案件 {c.Number} 在审计日志中有", gone.Error);
        Assert.Contains("案件表中没有这件案件：案件被删除", gone.Error);
    }
}
