using System.Net;
using MiniExcelLibs;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.IntegrationTests.Admin;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Security;

/// <summary>安全审计: the audit administrator searches the bureau's chain by kind, user, address, date and text, pages it and exports it, and reads no case contents.</summary>
public sealed class SecurityEventsPageTests
{
    private static List<(string What, string Row)> Rows(AdminPage page) =>
        page.Document.QuerySelectorAll("tr[data-sequence]").Select(r => (r.QuerySelector("[data-testid='what']")!.TextContent.Trim(), r.TextContent)).ToList();

    private static int Total(AdminPage page) =>
        int.Parse(System.Text.RegularExpressions.Regex.Match(page.Find("[data-testid='total']")!.TextContent, @"共 (\d+) 条").Groups[1].Value);

    [Theory, AllDatabases]
    public async Task The_audit_administrator_filters_the_trail_by_kind_user_address_date_and_text_and_sees_no_case_contents(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var c = await new Support.Procedure(app).RegisterAsync();
        foreach (var user in new[] { "staffA", "staffB" })
        {
            using var refused = await app.As(user).GetAsync("/api/admin/users");
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        await app.As("sysadmin").PostJsonAsync("/api/admin/users", new { userName = "clerk9", displayName = "新办事员", password = TestApp.Password }).OkAsync();
        using var audit = await AdminBrowser.SignInAsync(app, "auditadmin");

        var security = await audit.GetAsync("/Admin/AuditTrail?kind=Security");
        Assert.Equal(HttpStatusCode.OK, security.Status);
        Assert.Equal(2, Rows(security).Count(r => r.What == "越权访问被拒绝"));
        Assert.All(Rows(security), r => Assert.Contains("安全事件", r.Row));
        Assert.Contains("/api/admin/users", security.Text);

        var staffA = await audit.GetAsync("/Admin/AuditTrail?kind=Security&user=staffA");
        Assert.Single(Rows(staffA), r => r.What == "越权访问被拒绝");
        Assert.All(Rows(staffA), r => Assert.Contains("staffA", r.Row));

        var accounts = Rows(await audit.GetAsync("/Admin/AuditTrail?kind=Accounts"));
        Assert.Contains(accounts, r => r.Row.Contains("clerk9"));
        Assert.DoesNotContain(accounts, r => r.What == "越权访问被拒绝");

        // Every entry: the case's steps show their name and the case number, never what the case is about.
        var all = await audit.GetAsync("/Admin/AuditTrail");
        Assert.Contains(Rows(all), r => r.Row.Contains(c.Number) && r.Row.Contains("案件办理"));
        Assert.DoesNotContain("跟踪抽检", all.Html);
        Assert.DoesNotContain("跟踪抽检", (await audit.GetAsync("/Admin/AuditTrail?text=%E8%B7%9F%E8%B8%AA%E6%8A%BD%E6%A3%80")).Html.Replace("value=\"跟踪抽检\"", ""));
        Assert.Equal(0, Total(await audit.GetAsync("/Admin/AuditTrail?text=%E8%B7%9F%E8%B8%AA%E6%8A%BD%E6%A3%80")));
        var byNumber = Rows(await audit.GetAsync($"/Admin/AuditTrail?text={c.Number}"));
        Assert.NotEmpty(byNumber);
        Assert.All(byNumber, r => Assert.Contains(c.Number, r.Row));

        // China dates: today holds everything, yesterday nothing; an address nobody used finds nothing.
        var today = app.Clock.Today.ToString("yyyy-MM-dd");
        Assert.Equal(Total(all), Total(await audit.GetAsync($"/Admin/AuditTrail?from={today}&to={today}")));
        Assert.Equal(0, Total(await audit.GetAsync($"/Admin/AuditTrail?to={app.Clock.Today.AddDays(-1):yyyy-MM-dd}")));
        Assert.Equal(0, Total(await audit.GetAsync($"/Admin/AuditTrail?from={app.Clock.Today.AddDays(1):yyyy-MM-dd}")));
        Assert.Equal(0, Total(await audit.GetAsync("/Admin/AuditTrail?address=203.0.113.9")));

        // The API pages the same search, newest first.
        var first = await app.As("auditadmin").GetOkAsync("/api/audit/events?pageSize=1&page=1");
        var second = await app.As("auditadmin").GetOkAsync("/api/audit/events?pageSize=1&page=2");
        Assert.Equal(first.GetProperty("total").GetInt32(), second.GetProperty("total").GetInt32());
        Assert.True(first.GetProperty("items")[0].GetProperty("sequence").GetInt64() > second.GetProperty("items")[0].GetProperty("sequence").GetInt64());
        var securityApi = await app.As("auditadmin").GetOkAsync("/api/audit/events?kind=Security&user=staffB");
        Assert.Contains(securityApi.GetProperty("items").EnumerateArray(), i => i.GetProperty("what").GetString() == "越权访问被拒绝");
    }

    [Theory, AllDatabases]
    public async Task The_export_is_a_workbook_with_a_title_row_and_date_cells_and_is_itself_an_Export_entry(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using (var refused = await app.As("staffA").GetAsync("/api/admin/users"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        using var audit = await AdminBrowser.SignInAsync(app, "auditadmin");

        var file = await audit.DownloadAsync("/Admin/AuditTrail?kind=Security&user=staffA&handler=Export");
        Assert.Equal(HttpStatusCode.OK, file.Status);
        using var stream = new MemoryStream(file.Body);
        var rows = MiniExcel.Query(stream, useHeaderRow: false).Cast<IDictionary<string, object>>().ToList();
        Assert.StartsWith("测试市市场监督管理局安全审计记录（安全事件，用户：staffA", (string)rows[0]["A"]);
        Assert.Equal("序号", rows[1]["A"]);
        Assert.Equal("时间", rows[1]["B"]);
        var denied = rows.Skip(2).Single(r => (string)r["D"] == "越权访问被拒绝");
        var at = Assert.IsType<DateTime>(denied["B"]);
        Assert.Equal(app.Clock.Now.ToOffset(TimeSpan.FromHours(8)).DateTime, at, TimeSpan.FromSeconds(1));

        var export = await app.WithDbAsync(d => d.AuditEntries.AsNoTracking().Where(e => e.EntityType == "Security" && e.Action == "Export").ToListAsync());
        var entry = Assert.Single(export);
        Assert.Equal("auditadmin", entry.EntityId);
        Assert.Contains($"安全审计记录（{rows.Count - 2} 条）", entry.Details); // staffA's sign-ins and the refusal
    }

    [Theory, AllDatabases]
    public async Task Only_the_audit_administrator_opens_the_trail(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        foreach (var user in new[] { "sysadmin", "secadmin", "inv" })
        {
            using var browser = await AdminBrowser.SignInAsync(app, user);
            Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/Admin/AuditTrail")).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await browser.DownloadAsync("/Admin/AuditTrail?handler=Export")).Status);
            using var api = await app.As(user).GetAsync("/api/audit/events");
            Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        }
        Assert.False(await app.WithDbAsync(d => d.AuditEntries.AnyAsync(e => e.EntityType == "Security" && e.Action == "Export")));
    }
}
