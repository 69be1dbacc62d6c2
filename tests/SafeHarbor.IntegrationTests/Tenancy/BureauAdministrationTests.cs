using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeHarbor.IntegrationTests.Documents;
using SafeHarbor.IntegrationTests.Pages;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Tenancy;

/// <summary>
/// A city bureau's system administrator adds a county bureau with its own administrator, who keeps that bureau's
/// organisation and nothing else; a bureau corrects its own names; the city's statistics show its counties as counts.
/// </summary>
public sealed class BureauAdministrationTests
{
    // The password TestApp signs in with (TestApp.As), so the new accounts can be used like the cast's.
    private const string CountyPassword = TestApp.Password;

    [Theory, AllDatabases]
    public async Task A_city_administrator_adds_a_county_bureau_whose_administrator_keeps_only_its_own_organisation(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var city = app.As("sysadmin");
        var request = new
        {
            code = "test-ns",
            names = new { name = "南山县市场监督管理局", shortName = "南市监" },
            adminUserName = "nsadmin",
            adminDisplayName = "南山县局系统管理员",
            adminPassword = CountyPassword,
        };

        // Refused as a whole, every field named: a bad code, a user name taken in another bureau, a weak password.
        var refused = await city.PostJsonAsync("/api/admin/bureaus", new
        {
            code = "南山", names = new { name = "南山县市场监督管理局", shortName = "南市监" }, adminUserName = "INV", adminDisplayName = "x", adminPassword = "short",
        }).ProblemAsync(HttpStatusCode.BadRequest);
        var errors = refused.Body.GetProperty("errors");
        Assert.Contains("局代码须为", errors.GetProperty("code")[0].GetString());
        Assert.Contains("用户名在所有局中唯一", errors.GetProperty("adminUserName")[0].GetString());
        Assert.True(errors.TryGetProperty("adminPassword", out _));
        Assert.Equal(1, await app.WithDbAsync(d => d.Bureaus.CountAsync()));

        var created = await city.PostJsonAsync("/api/admin/bureaus", request).OkAsync();
        Assert.Equal("County", created.GetProperty("level").GetString());
        Assert.Equal("中共南山县市场监督管理局党组", created.GetProperty("partyGroup").GetString());
        var listed = await city.GetOkAsync("/api/admin/bureaus");
        Assert.Equal(["test", "test-ns"], listed.EnumerateArray().Select(b => b.GetProperty("code").GetString()));

        // The county's administrator signs in and works in the county only.
        var county = app.As("nsadmin");
        var units = await county.GetOkAsync("/api/units");
        Assert.Equal(["南山县市场监督管理局"], units.EnumerateArray().Select(u => u.GetProperty("name").GetString()));
        var top = units[0].GetProperty("id").GetGuid();
        // Unit names are unique within a bureau, not across: the county has its own 办公室 as the city has.
        await county.PostJsonAsync("/api/admin/units", new { name = "办公室", type = "Section", parentId = top }).OkAsync();
        await county.PostJsonAsync("/api/admin/users", new { userName = "nsclerk", displayName = "南山办事员", password = CountyPassword }).OkAsync();
        Assert.DoesNotContain("nsclerk", (await city.GetOkAsync("/api/admin/users")).EnumerateArray().Select(u => u.GetProperty("userName").GetString()));
        Assert.Equal(["nsadmin", "nsclerk"], (await county.GetOkAsync("/api/admin/users")).EnumerateArray().Select(u => u.GetProperty("userName").GetString()).Order());
        Assert.DoesNotContain(app.Cast.Units["城东分局"], (await county.GetOkAsync("/api/units")).EnumerateArray().Select(u => u.GetProperty("id").GetGuid()));
        Assert.Equal(HttpStatusCode.OK, (await county.PostJsonAsync("/api/admin/units", new { name = "城东分局", type = "Branch", parentId = top })).StatusCode);

        // A county administrator adds no bureau; the chains of both bureaus hold what each did.
        var notCity = await county.PostJsonAsync("/api/admin/bureaus", request).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("not-city-bureau", notCity.Code);
        await using var scope = app.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<SafeHarbor.Infrastructure.Persistence.SafeHarborDb>();
        var bureaus = await context.Bureaus.AsNoTracking().ToDictionaryAsync(b => b.Code, b => b.Id);
        // The county administrator's sign-in, password change and enrolment are security events of her chain; the records here are the rest.
        var actions = await context.AuditEntries.AsNoTracking().Where(e => e.EntityType != "Security").Select(e => new { e.BureauId, e.Action }).ToListAsync();
        Assert.Contains(actions, a => a.BureauId == bureaus["test"] && a.Action == "CreateBureau");
        Assert.Equal(["CreateUser", "CreateUnit", "CreateUser", "CreateUnit"],
            actions.Where(a => a.BureauId == bureaus["test-ns"]).Select(a => a.Action));
        foreach (var id in bureaus.Values)
        {
            Assert.True((await SafeHarbor.Audit.AuditLog.VerifyAsync(context, id, default)).IsIntact);
        }
    }

    [Theory, AllDatabases]
    public async Task A_bureau_corrects_its_names_and_its_next_document_prints_them(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var procedure = new Support.Procedure(app);
        var c = await procedure.ReportedCaseAsync();

        var empty = await app.As("sysadmin").PutJsonAsync("/api/admin/bureau", new { name = "", shortName = "" }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("请填写局名称。", empty.Body.GetProperty("errors").GetProperty("name")[0].GetString());
        var saved = await app.As("sysadmin").PutJsonAsync("/api/admin/bureau", new { name = "测试市市场监管局", shortName = "测监" }).OkAsync();
        Assert.Equal("中共测试市市场监管局党组", saved.GetProperty("partyGroup").GetString());

        using var response = await app.As("inv").GetAsync($"{c.Url}/documents/investigation-report");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var docx = new RenderedDocx(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("测试市市场监管局", docx.Text);
        Assert.Contains("测监", docx.Text);
    }

    [Theory, AllDatabases]
    public async Task The_city_dashboard_and_prevention_page_count_the_county_bureaus_cases_and_a_county_sees_no_such_table(Db db)
    {
        await using var demo = await DemoBureau.StartAsync(db);
        using var city = new Browser(demo);
        Assert.Equal(HttpStatusCode.Redirect, (await city.SignInAsync("liuzg", SafeHarbor.Host.DemoData.Password)).Status);
        foreach (var url in new[] { "/Dashboard", "/Prevention" })
        {
            var page = await city.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            var rows = page.Document.QuerySelectorAll("[data-testid=county-figures] tbody tr");
            Assert.Equal(["qh-bh", "qh-ds"], rows.Select(r => r.GetAttribute("data-bureau")));
            // 白河县: 2 cases, one decided and exempted; 东山区: 2 cases, none decided (the demo's county scripts).
            Assert.Equal(["白河县市场监督管理局", "2", "1", "1", "1", "0", "0"], rows[0].Children.Take(7).Select(x => x.TextContent.Trim()));
            Assert.Equal(["东山区市场监督管理局", "2", "2", "0", "0", "0", "0"], rows[1].Children.Take(7).Select(x => x.TextContent.Trim()));
            // Counts only: no case number or title of a county leaks into the page.
            Assert.DoesNotContain("城关所对首次使用未经检定电子秤", page.Html);
        }

        using var county = new Browser(demo);
        Assert.Equal(HttpStatusCode.Redirect, (await county.SignInAsync("jiangt", SafeHarbor.Host.DemoData.Password)).Status);
        var own = await county.GetAsync("/Dashboard");
        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.Null(own.Document.QuerySelector("[data-testid=county-figures]"));
        Assert.DoesNotContain("城东分局对首次轻微违法食品经营者", own.Html);
    }
}
