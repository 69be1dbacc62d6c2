using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Playwright;
using SafeHarbor.Cases;
using SafeHarbor.IntegrationTests.BrowserUi;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Prevention;

/// <summary>防错分析 in Debian's Chromium: the charts are drawn from the tables, the flagged kind in red; the threshold form shows the selects its dimension uses.</summary>
[Article("9")]
public sealed class PreventionBrowserTests
{
    private static async Task<HttpClient> SignedInAsync(KestrelApp app, string userName)
    {
        var client = app.CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = TestApp.Password }).OkAsync();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("accessToken").GetString());
        return client;
    }

    [SqliteOnly("Chromium walks the pages of a Kestrel-served app; the same pages are tested on both databases without a browser")]
    public async Task The_analysis_page_draws_four_charts_and_the_flagged_kind_in_red()
    {
        await using var app = await KestrelApp.StartAsync();
        using var owner = await SignedInAsync(app, "policyowner");
        await owner.PostJsonAsync("/api/prevention/thresholds", new { dimension = "ErrorKind", value = "跟踪复查不到位", count = 2, months = 12 }).OkAsync();
        using var inv = await SignedInAsync(app, "inv");
        var matters = new (string Title, string Field, string Kind, string Subject, DateOnly StartedOn)[]
        {
            ("城东分局不予处罚后复查不及时", "食品安全", "跟踪复查不到位", "staffA", new(2026, 7, 6)),
            ("城西分局责令改正后未复查", "特种设备", "跟踪复查不到位", "staffB", new(2026, 8, 3)),
            ("城东分局容缺受理材料审核不严", "登记注册", "审核把关不严", "staffA2", new(2026, 9, 14)),
        };
        foreach (var m in matters)
        {
            await inv.PostJsonAsync("/api/cases", new
            {
                title = m.Title,
                description = m.Title + "。",
                businessField = m.Field,
                errorKind = m.Kind,
                startedBy = "局党组",
                accountabilityStartedOn = m.StartedOn,
                subjects = new[] { new { kind = SubjectKind.Person, id = app.Cast.PersonOf[m.Subject] } },
            }).OkAsync();
        }

        await using var chromium = await Chromium.LaunchAsync(app, "prevention-");
        var page = chromium.Page;
        await chromium.SignInAsync("office", "孙秘书");
        await page.GotoAsync("/Prevention");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "防错分析" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-prevention-chart] svg")).ToHaveCountAsync(4);
        // The kind that reached the threshold is the one red bar of its chart.
        var kindChart = page.Locator("[data-table=by-kind] svg");
        await Assertions.Expect(kindChart.Locator("path[fill='#b71c1c']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-table=by-field] svg path[fill='#b71c1c']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("flag")).ToContainTextAsync("城西分局责令改正后未复查");
        await chromium.ShotAsync("analysis");

        // From the flag to a risk point and a warning to the two branches.
        await page.GetByTestId("to-risk-point").ClickAsync();
        await Assertions.Expect(page.GetByTestId("prefilled")).ToBeVisibleAsync();
        await page.GetByLabel("防范措施").FillAsync("建立跟踪复查台账，到期提醒，复查到现场核实。");
        await chromium.ShotAsync("risk-point-form");
        await page.GetByTestId("risk-point-form").GetByRole(AriaRole.Button, new() { Name = "登记" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("risk-point")).ToContainTextAsync("城东分局、城西分局");
        await page.GetByTestId("to-warning").ClickAsync();
        await page.GetByTestId("warning-form").GetByRole(AriaRole.Button, new() { Name = "下发" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("ack-status")).ToContainTextAsync("已签收 0 / 2");
        await chromium.ShotAsync("warning");
        await chromium.SignOutAsync();

        await chromium.SignInAsync("leaderA", "张局长");
        await page.GetByTestId("other-todo").GetByRole(AriaRole.Link, new() { Name = "签收" }).ClickAsync();
        await page.GetByLabel("签收意见").FillAsync("已组织全分局对照检查，建立复查台账。");
        await page.GetByTestId("acknowledge").GetByRole(AriaRole.Button, new() { Name = "签收" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("ack-status")).ToContainTextAsync("已签收 1 / 2");
        await chromium.ShotAsync("acknowledged");
        await chromium.SignOutAsync();

        await chromium.SignInAsync("policyowner", "马稽查");
        await page.GotoAsync("/Prevention#thresholds");
        var form = page.GetByTestId("new-threshold");
        await Assertions.Expect(form.GetByLabel("失误类型")).ToBeVisibleAsync();
        await Assertions.Expect(form.GetByLabel("单位", new() { Exact = true })).ToBeHiddenAsync();
        await form.GetByLabel("统计维度").SelectOptionAsync("Unit");
        await Assertions.Expect(form.GetByLabel("单位", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(form.GetByLabel("失误类型")).ToBeHiddenAsync();
        await form.GetByLabel("单位", new() { Exact = true }).SelectOptionAsync("城东分局");
        await form.GetByLabel("达到案件数（件）").FillAsync("2");
        await form.GetByRole(AriaRole.Button, new() { Name = "设定" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("threshold-list")).ToContainTextAsync("单位“城东分局”在12个月内达到2件");
        await Assertions.Expect(page.GetByTestId("flag")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("cases-hidden")).ToHaveCountAsync(2);
        await chromium.ShotAsync("thresholds");
        chromium.AssertNoProblems();
    }
}
