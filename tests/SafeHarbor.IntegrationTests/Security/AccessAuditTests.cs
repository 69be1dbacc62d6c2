using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Audit;
using SafeHarbor.IntegrationTests.Admin;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Security;

/// <summary>
/// Access to the system in the audit chain: each refused request (403) of a signed-in user, and each export or
/// download of case material, is exactly one security entry naming who and what — never the query string or the
/// material's contents.
/// </summary>
public sealed class AccessAuditTests
{
    private static Task<List<AuditEntry>> SecurityEntriesAsync(TestApp app, string kind) =>
        app.WithDbAsync(d => d.AuditEntries.AsNoTracking().Where(e => e.EntityType == "Security" && e.Action == kind).OrderBy(e => e.Sequence).ToListAsync());

    [Theory, AllDatabases]
    public async Task Each_refused_request_is_one_AccessDenied_entry_with_method_path_and_user_but_not_the_query(Db db)
    {
        await using var app = await TestApp.StartAsync(db);

        // Refused by an endpoint's role (API), by a page's role check, and by a rule (DomainException) — one entry each.
        using (var api = await app.As("staffA").GetAsync("/api/admin/users?name=李某某涉嫌"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        }
        using (var browser = await AdminBrowser.SignInAsync(app, "staffA"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/Admin/People?q=1")).Status);
        }
        await app.As("sysadmin").PostJsonAsync("/api/admin/users", new { userName = "x1", displayName = "x", password = TestApp.Password, roles = new[] { "Investigator" } })
            .ProblemAsync(HttpStatusCode.Forbidden);
        // Not refusals: a record that is not there, and nobody signed in.
        using (var missing = await app.As("inv").GetAsync($"/api/cases/{Guid.NewGuid()}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }
        using (var anonymous = await app.CreateClient().GetAsync("/api/admin/users"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        var denied = await SecurityEntriesAsync(app, "AccessDenied");
        Assert.Equal(["staffA", "staffA", "sysadmin"], denied.Select(e => e.EntityId));
        var paths = denied.Select(e => JsonDocument.Parse(e.Details).RootElement.GetProperty("details")).Select(d => $"{d.GetProperty("method").GetString()} {d.GetProperty("path").GetString()}");
        Assert.Equal(["GET /api/admin/users", "GET /Admin/People", "POST /api/admin/users"], paths);
        Assert.All(denied, e => Assert.DoesNotContain("李某某", e.Details));
        Assert.All(denied, e => Assert.Equal("越权访问被拒绝", JsonDocument.Parse(e.Details).RootElement.GetProperty("step").GetString()));
        Assert.Equal(app.Cast.UserIdOf["staffA"], denied[0].ActorUserId);
        var chain = await app.WithDbAsync(d => AuditLog.VerifyAsync(d, app.Cast.BureauId, default));
        Assert.True(chain.IsIntact, chain.Message);
    }

    [Theory, AllDatabases]
    public async Task Exports_and_downloads_of_case_material_are_one_entry_each_naming_the_case_and_file_without_contents(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var flow = new Support.Procedure(app);
        var c = await flow.RegisterAsync();
        await flow.ApplyAsync(c);
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent("情况说明：内容不入审计"u8.ToArray()) { Headers = { ContentType = new("text/plain") } }, "file", "情况说明.txt" },
            { new StringContent("情况说明"), "description" },
        };
        using var upload = await app.As("staffA").PostAsync($"{c.Url}/evidence", form);
        Assert.True(upload.IsSuccessStatusCode, await upload.Content.ReadAsStringAsync());
        var fileId = JsonDocument.Parse(await upload.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();

        using (var evidence = await app.As("inv").GetAsync($"{c.Url}/evidence/{fileId}"))
        {
            Assert.Equal(HttpStatusCode.OK, evidence.StatusCode);
        }
        using (var docx = await app.As("inv").GetAsync($"{c.Url}/documents/application"))
        {
            Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        }
        using (var browser = await AdminBrowser.SignInAsync(app, "inv"))
        {
            var list = await browser.DownloadAsync("/Cases?handler=Export");
            Assert.Equal(HttpStatusCode.OK, list.Status);
            var page = await browser.DownloadAsync($"/Cases/{c.Id}?handler=Evidence&fileId={fileId}");
            Assert.Equal(HttpStatusCode.OK, page.Status);
        }

        var downloads = await SecurityEntriesAsync(app, "Download");
        Assert.Equal(3, downloads.Count);
        var what = downloads.Select(e => JsonDocument.Parse(e.Details).RootElement.GetProperty("details")).ToList();
        Assert.Equal(["证明材料", "公文（DOCX）", "证明材料"], what.Select(d => d.GetProperty("what").GetString()));
        Assert.All(what, d => Assert.Equal(c.Number, d.GetProperty("caseNumber").GetString()));
        Assert.Equal("情况说明.txt", what[0].GetProperty("file").GetString());
        Assert.All(downloads, e => Assert.Equal("inv", e.EntityId));
        Assert.All(downloads, e => Assert.DoesNotContain("内容不入审计", e.Details));

        var export = Assert.Single(await SecurityEntriesAsync(app, "Export"));
        var exported = JsonDocument.Parse(export.Details).RootElement.GetProperty("details");
        Assert.Equal("案件列表（1 件）", exported.GetProperty("what").GetString());
        Assert.EndsWith(".xlsx", exported.GetProperty("file").GetString());
    }
}
