using Microsoft.Playwright;
using SafeHarbor.IntegrationTests.Support;
using static Microsoft.Playwright.Assertions;

namespace SafeHarbor.IntegrationTests.BrowserUi;

/// <summary>The strict Content-Security-Policy breaks nothing: Chromium walks every menu page of several roles and reports no violation.</summary>
public sealed class SecurityHeadersBrowserTests
{
    /// <summary>Each violation the page meets becomes a console error, which <see cref="Chromium.ScriptErrors"/> collects.</summary>
    private const string ReportViolations =
        "document.addEventListener('securitypolicyviolation', e => console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + (e.sourceFile || location.pathname) + ':' + e.lineNumber));";

    [SqliteOnly("Chromium walks the pages of a Kestrel-served app; the headers themselves are tested on both databases in SecurityHeadersTests")]
    public async Task The_menu_pages_of_several_roles_and_the_api_reference_raise_no_content_security_policy_violation()
    {
        await using var app = await KestrelApp.StartAsync();
        using (var api = new ApiArrange(app))
        {
            await api.ReportedCaseAsync("城东分局对首次轻微违法经营者不予处罚后跟踪抽检不及时"); // lists, counts and charts have something to draw
        }
        await using var chromium = await Chromium.LaunchAsync(app, "csp-");
        await chromium.Context.AddInitScriptAsync(ReportViolations);
        var page = chromium.Page;
        var visited = new List<string>();
        foreach (var (user, name) in new[]
        {
            ("inv", "刘纪检"), ("staffA", "何执法"), ("office", "孙秘书"), ("m1", "周书记"), ("personnel", "黄人事"),
            ("policyowner", "马稽查"), ("sysadmin", "系统管理员"), ("auditadmin", "审计管理员"),
        })
        {
            await chromium.SignInAsync(user, name);
            var links = await page.Locator("header nav a[href^='/']").EvaluateAllAsync<string[]>(
                "links => [...new Set(links.map(a => a.getAttribute('href')))]");
            foreach (var href in links.Where(h => h != "/"))
            {
                await page.GotoAsync(href);
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                visited.Add($"{user} {href}");
                // A chart's tooltip is drawn too (ECharts' HTML tooltip would need inline style).
                var chart = page.Locator(".dashboard-chart svg, .prevention-chart svg, .incentive-chart svg").First;
                if (await chart.CountAsync() > 0)
                {
                    await chart.HoverAsync();
                }
            }
            await chromium.SignOutAsync();
        }
        Assert.Contains(visited, v => v.EndsWith("/Dashboard", StringComparison.Ordinal));
        Assert.Contains(visited, v => v.Contains("/Prevention", StringComparison.Ordinal));
        Assert.Contains(visited, v => v.Contains("/Incentives", StringComparison.Ordinal));

        // The Scalar API reference runs under its own, wider policy (SecurityHeaders.ScalarPolicy).
        await page.GotoAsync("/scalar/v1");
        await Expect(page.GetByText("SafeHarbor 容错免责与激励管理系统 API").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        chromium.AssertNoProblems();
    }
}
