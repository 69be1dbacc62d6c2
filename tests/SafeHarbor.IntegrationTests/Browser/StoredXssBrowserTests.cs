using SafeHarbor.IntegrationTests.Security;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.BrowserUi;

/// <summary>
/// In a real Chromium, markup stored in a unit's name and a case's texts never runs: not on the pages that show
/// them, and not in the charts' tooltips, which ECharts writes as HTML (the unit's name is a chart's row label).
/// A script that ran would open a dialog; none may open, and the payload is read back as text.
/// </summary>
public sealed class StoredXssBrowserTests
{
    [SqliteOnly("a real browser over the app: the pages are the same on either database, checked on both by StoredXssTests")]
    public async Task Markup_in_names_and_texts_never_runs_in_pages_or_chart_tooltips()
    {
        await using var app = await KestrelApp.StartAsync();
        using var arrange = new ApiArrange(app);
        var unit = await arrange.As("sysadmin").PostJsonAsync("/api/admin/units", new { name = "城南" + StoredXssTests.Img, type = "Branch" }).OkAsync();
        var unitId = unit.GetProperty("id").GetGuid();
        var created = await arrange.As("inv").PostJsonAsync("/api/cases", new
        {
            title = "抽检不及时" + StoredXssTests.Script,
            description = "事实" + StoredXssTests.Img + " " + StoredXssTests.Link,
            businessField = "食品安全",
            startedBy = "局党组",
            accountabilityStartedOn = app.Clock.Today,
            subjects = new object[] { new { kind = "Unit", id = unitId } },
        }).OkAsync();
        var caseId = created.GetProperty("id").GetGuid();

        await using var chromium = await Chromium.LaunchAsync(app, "xss-");
        var dialogs = new List<string>();
        chromium.Page.Dialog += async (_, dialog) =>
        {
            dialogs.Add($"{chromium.Page.Url}: {dialog.Type} {dialog.Message}");
            await dialog.DismissAsync();
        };
        await chromium.SignInAsync("inv", "刘纪检");

        var tooltips = new List<string>();
        foreach (var url in new[] { "/Cases", $"/Cases/{caseId}", "/Dashboard", "/Prevention" })
        {
            await chromium.Page.GotoAsync(url);
            await chromium.Page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
            // Every data point of every chart shows its tooltip once, as a pointer over it would.
            tooltips.AddRange(await chromium.Page.EvaluateAsync<string[]>("""
                async () => {
                    const texts = [];
                    if (typeof echarts === "undefined") { return texts; }
                    for (const el of document.querySelectorAll("[data-chart]")) {
                        const chart = echarts.getInstanceByDom(el);
                        if (!chart) { continue; }
                        const series = chart.getOption().series || [];
                        for (let s = 0; s < series.length; s++) {
                            const count = (series[s].data || []).length;
                            for (let i = 0; i < count; i++) {
                                chart.dispatchAction({ type: "showTip", seriesIndex: s, dataIndex: i });
                                await new Promise(r => setTimeout(r, 30));
                                texts.push(el.innerText);
                            }
                        }
                    }
                    return texts;
                }
                """));
            var text = await chromium.Page.Locator("main").InnerTextAsync();
            if (url.StartsWith("/Cases", StringComparison.Ordinal))
            {
                Assert.Contains(StoredXssTests.Script, text, StringComparison.Ordinal);
            }
            Assert.Equal(0, await chromium.Page.Locator("main img[src='x'], main script:not([src])").CountAsync());
        }
        Assert.True(dialogs.Count == 0, "a stored script ran: " + string.Join("; ", dialogs));
        Assert.Contains(tooltips, t => t.Contains(StoredXssTests.Img, StringComparison.Ordinal));
    }
}
