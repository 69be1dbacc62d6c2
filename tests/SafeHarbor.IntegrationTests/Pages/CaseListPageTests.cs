using System.Net;
using MiniExcelLibs;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Pages;

/// <summary>The case list: filters, paging and sorting on the server, and the Excel export of exactly the filtered list.</summary>
public sealed class CaseListPageTests
{
    private sealed record Row(string Number, string Title, string Field, string StartedOn, string Status);

    private static Row[] Rows(WebPage page) =>
        page.All("[data-testid=case-list] tbody tr").Select(tr =>
        {
            var cells = tr.QuerySelectorAll("td").Select(td => Browser.Squash(td.TextContent)).ToArray();
            return new Row(cells[0], cells[1], cells[3], cells[4], Browser.Squash(tr.QuerySelector("td:nth-child(6) .badge")?.TextContent));
        }).ToArray();

    private static string[] Numbers(WebPage page) => Rows(page).Select(r => r.Number).ToArray();

    private static int Total(WebPage page) => int.Parse(page.TextOf("[data-testid=total]").Replace("共", "").Replace("件", "").Trim());

    private static string PageLink(WebPage page, int number) =>
        page.All("nav[aria-label=分页] .page-link").Single(a => Browser.Squash(a.TextContent) == number.ToString()).GetAttribute("href")!;

    private static string SortLink(WebPage page, string column) =>
        page.All("[data-testid=case-list] thead a").Single(a => Browser.Squash(a.TextContent) == column).GetAttribute("href")!;

    /// <summary>Three advertising matters whose accountability started in 2025; twenty-two food-safety matters of 2026, the first four applied for.</summary>
    private static async Task<(CaseRef[] Advertising, CaseRef[] Food)> ArrangeAsync(TestApp app)
    {
        var flow = new Support.Procedure(app);
        var advertising = new List<CaseRef>();
        for (var i = 0; i < 3; i++)
        {
            advertising.Add(await flow.RegisterAsync("staffA", startedOn: new DateOnly(2025, 6, 10), title: $"广告事项{i + 1}", field: "广告"));
        }
        var food = new List<CaseRef>();
        for (var i = 0; i < 22; i++)
        {
            food.Add(await flow.RegisterAsync("staffA", title: $"食品安全事项{i + 1:00}", field: "食品安全"));
        }
        foreach (var c in food.Take(4))
        {
            await flow.ApplyAsync(c);
        }
        return ([.. advertising], [.. food]);
    }

    private static async Task<List<IDictionary<string, object>>> ExportAsync(Browser browser, WebPage list)
    {
        var href = list.Single("#results a[href*='handler=Export']").GetAttribute("href")!;
        using var response = await browser.Client.GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
    }

    [Theory, AllDatabases]
    public async Task The_list_shows_twenty_cases_a_page_and_the_page_links_reach_the_rest_with_the_filters_kept(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var (advertising, food) = await ArrangeAsync(app);
        using var inv = await Browser.SignedInAsync(app, "inv");

        var first = await inv.GetAsync("/Cases");
        Assert.Equal(25, Total(first));
        var page1 = Numbers(first);
        Assert.Equal(20, page1.Length);
        Assert.Equal(page1.OrderDescending(StringComparer.Ordinal), page1);
        Assert.Equal(["1", "2"], first.All("nav[aria-label=分页] .page-link").Select(a => Browser.Squash(a.TextContent)).ToArray());

        var second = await inv.GetAsync(PageLink(first, 2));
        var page2 = Numbers(second);
        Assert.False(page2.SequenceEqual(page1), $"{PageLink(first, 2)} shows the first page again");
        Assert.Contains("active", second.All("nav[aria-label=分页] .page-item")[1].ClassList);
        Assert.Equal(5, page2.Length);
        Assert.Equal(advertising.Concat(food).Select(c => c.Number).Order(), page1.Concat(page2).Order());

        var allFood = await inv.SubmitAsync(first, "form[method=get]", f => f.Set("BusinessField", "食品安全"));
        Assert.Equal(22, Total(allFood));
        var foodPage2Link = PageLink(allFood, 2);
        Assert.Contains("BusinessField=", foodPage2Link);
        var foodPage2 = await inv.GetAsync(foodPage2Link);
        Assert.Equal(2, Rows(foodPage2).Length);
        Assert.All(Rows(foodPage2), r => Assert.Equal("食品安全", r.Field));
    }

    [Theory, AllDatabases]
    public async Task The_filter_form_narrows_the_list_by_status_business_field_and_year(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var (advertising, food) = await ArrangeAsync(app);
        using var inv = await Browser.SignedInAsync(app, "inv");
        var list = await inv.GetAsync("/Cases");

        var submitted = await inv.SubmitAsync(list, "form[method=get]", f => f.Set("Status", "Submitted"));
        Assert.Equal(4, Total(submitted));
        Assert.All(Rows(submitted), r => Assert.Equal("待核实", r.Status));
        Assert.Equal(food.Take(4).Select(c => c.Number).Order(), Numbers(submitted).Order());
        Assert.Equal("Submitted", FormFields.Of(submitted.Form("form[method=get]"))["Status"]); // the form shows the filter in force

        var byField = await inv.SubmitAsync(list, "form[method=get]", f => f.Set("BusinessField", "广告"));
        Assert.Equal(3, Total(byField));
        Assert.All(Rows(byField), r => Assert.Equal("广告", r.Field));
        Assert.Equal(advertising.Select(c => c.Number).Order(), Numbers(byField).Order());

        var in2025 = await inv.SubmitAsync(list, "form[method=get]", f => f.Set("Year", "2025"));
        Assert.Equal(3, Total(in2025));
        Assert.All(Rows(in2025), r => Assert.StartsWith("2025-", r.StartedOn));

        var combined = await inv.SubmitAsync(list, "form[method=get]", f => f.Set("Year", "2026").Set("BusinessField", "食品安全").Set("Status", "Registered"));
        Assert.Equal(18, Total(combined));
        Assert.Null(combined.Find("nav[aria-label=分页]"));

        // Someone of another unit finds none of these.
        using var staffB = await Browser.SignedInAsync(app, "staffB");
        Assert.Equal(0, Total(await staffB.GetAsync("/Cases")));
    }

    [Theory, AllDatabases]
    public async Task The_column_links_sort_the_list_and_a_second_click_reverses_the_order(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var (advertising, food) = await ArrangeAsync(app);
        using var inv = await Browser.SignedInAsync(app, "inv");
        var list = await inv.GetAsync("/Cases");
        var all = advertising.Concat(food).Select(c => c.Number).ToArray();

        var ascending = await inv.GetAsync(SortLink(list, "案件编号"));
        Assert.Equal(all.Order(StringComparer.Ordinal).Take(20), Numbers(ascending));
        var toggle = SortLink(ascending, "案件编号");
        Assert.Contains("Sort=-number", toggle);
        Assert.Equal(all.OrderDescending(StringComparer.Ordinal).Take(20), Numbers(await inv.GetAsync(toggle)));

        var byStart = await inv.GetAsync(SortLink(list, "启动问责"));
        Assert.Equal(["2025-06-10", "2025-06-10", "2025-06-10", "2026-09-21"], Rows(byStart).Take(4).Select(r => r.StartedOn).ToArray());
        var byStartDescending = await inv.GetAsync(SortLink(byStart, "启动问责"));
        Assert.All(Rows(byStartDescending), r => Assert.Equal("2026-09-21", r.StartedOn));

        // Sorting keeps the filters.
        var submitted = await inv.SubmitAsync(list, "form[method=get]", f => f.Set("Status", "Submitted"));
        var submittedAscending = await inv.GetAsync(SortLink(submitted, "案件编号"));
        Assert.Equal(food.Take(4).Select(c => c.Number).Order(StringComparer.Ordinal), Numbers(submittedAscending));
    }

    [Theory, AllDatabases]
    public async Task The_Excel_export_holds_exactly_the_filtered_list_across_all_pages(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var (advertising, food) = await ArrangeAsync(app);
        using var inv = await Browser.SignedInAsync(app, "inv");
        var list = await inv.GetAsync("/Cases");

        var submitted = await inv.SubmitAsync(list, "form[method=get]", f => f.Set("Status", "Submitted"));
        var exportedSubmitted = await ExportAsync(inv, submitted);
        Assert.Equal(Numbers(submitted).Order(), exportedSubmitted.Select(r => (string)r["案件编号"]).Order());
        Assert.All(exportedSubmitted, r => Assert.Equal("待核实", r["状态"]));
        Assert.All(exportedSubmitted, r => Assert.Equal("何执法", r["申请人"]));
        Assert.All(exportedSubmitted, r => Assert.Equal("何执法", r["问责对象"]));

        var in2025 = await inv.SubmitAsync(list, "form[method=get]", f => f.Set("Year", "2025"));
        var exported2025 = await ExportAsync(inv, in2025);
        Assert.Equal(
            Rows(in2025).Select(r => (r.Number, r.Title, r.Field, r.StartedOn)).Order(),
            exported2025.Select(r => ((string)r["案件编号"], (string)r["事项名称"], (string)r["业务领域"], (string)r["启动问责日期"])).Order());

        // More than one page of cases: the export holds them all, not the page shown.
        var allFood = await inv.SubmitAsync(list, "form[method=get]", f => f.Set("BusinessField", "食品安全"));
        var exportedFood = await ExportAsync(inv, allFood);
        Assert.Equal(food.Select(c => c.Number).Order(), exportedFood.Select(r => (string)r["案件编号"]).Order());
        Assert.All(exportedFood, r => Assert.Equal("食品安全", r["业务领域"]));
        Assert.Equal(25, (await ExportAsync(inv, list)).Count);

        // Someone of another unit exports nothing of these.
        using var staffB = await Browser.SignedInAsync(app, "staffB");
        using var response = await staffB.Client.GetAsync("/Cases?handler=Export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        Assert.Empty(MiniExcel.Query(stream, useHeaderRow: true));
    }
}
