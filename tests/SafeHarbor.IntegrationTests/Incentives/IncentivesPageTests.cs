using System.Net;
using System.Text.Json;
using MiniExcelLibs;
using SafeHarbor.IntegrationTests.Pages;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Incentives;

/// <summary>The 关爱激励 pages: the forms and lists, the yearly report with its Excel export, and who may open them.</summary>
[Article("13")]
public sealed class IncentivesPageTests
{
    private const string Article13Opening = "坚持严格管理和关心信任相统一";

    [Theory, AllDatabases]
    public async Task Personnel_records_a_talk_a_commendation_and_a_support_measure_through_the_forms_and_sees_them_listed(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var browser = await Browser.SignedInAsync(app, "personnel");

        var page = await browser.GetAsync("/Incentives");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(Article13Opening, page.TextOf("[data-testid=article13]"));
        Assert.Contains("信市监〔2022〕131号 第十三条", page.Text);
        Assert.Contains("关爱激励", page.MenuTexts);
        Assert.Contains($"{app.Clock.Today.Year}年", page.TextOf("[data-testid=scope]"));
        Assert.NotNull(page.Find("[data-testid=talks-empty]"));

        // A date in the future is refused next to the field, in Chinese, and the entries stay.
        var refused = await browser.SubmitAsync(page, "#talk-form", f => f
            .Set("Talk.PersonId", app.Cast.PersonOf["staffA"].ToString())
            .Set("Talk.TalkerPersonId", app.Cast.PersonOf["m1"].ToString())
            .Set("Talk.HeldOn", app.Clock.Today.AddDays(1).ToString("yyyy-MM-dd"))
            .Set("Talk.Topics", "容错免责认定后谈心，鼓励其放下包袱。"));
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("谈话日期不能晚于今天", refused.FieldError("Talk.HeldOn"));
        Assert.Equal("容错免责认定后谈心，鼓励其放下包袱。", refused.Find("#Talk_Topics")!.TextContent);
        Assert.Equal(app.Cast.PersonOf["staffA"].ToString(), refused.Find("#Talk_PersonId option[selected]")!.GetAttribute("value"));

        var saved = await browser.SubmitAsync(refused, "#talk-form", f => f.Set("Talk.HeldOn", app.Clock.Today.ToString("yyyy-MM-dd")));
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var talks = await browser.FollowAsync(saved);
        Assert.Contains("已登记周书记与何执法的谈心谈话", talks.Text);
        var row = talks.TextOf("[data-testid=talks] tbody tr");
        Assert.Contains("何执法", row);
        Assert.Contains("周书记", row);
        Assert.Contains("鼓励其放下包袱", row);

        var commendations = await browser.GetAsync("/Incentives?Tab=commendations");
        var awarded = await browser.FollowAsync(await browser.SubmitAsync(commendations, "#commendation-form", f => f
            .Set("Commendation.Kind", "Special")
            .Set("Commendation.PersonId", app.Cast.PersonOf["staffA"].ToString())
            .Set("Commendation.Title", "食品安全专项整治先进个人")
            .Set("Commendation.Basis", "排查隐患62处，整改率100%。")));
        Assert.Contains("已登记专项表彰奖励：何执法（城东分局），食品安全专项整治先进个人。", awarded.Text);
        Assert.Contains("食品安全专项整治先进个人", awarded.TextOf("[data-testid=commendations] tbody"));

        var support = await browser.GetAsync("/Incentives?Tab=support");
        var both = await browser.SubmitAsync(support, "#support-form", f => f
            .Set("Support.Kind", "待遇保障")
            .Set("Support.PersonId", app.Cast.PersonOf["staffB"].ToString())
            .Set("Support.UnitId", app.Cast.BranchB.ToString())
            .Set("Support.Description", "落实夜间执法补助。"));
        Assert.Contains("只能是一名人员或一个单位", both.FieldError("Support.UnitId"));
        var provided = await browser.FollowAsync(await browser.SubmitAsync(both, "#support-form", f => f.Set("Support.PersonId", "")));
        Assert.Contains("落实夜间执法补助", provided.TextOf("[data-testid=support-measures] tbody"));
        // Only front-line staff and enforcement units are offered.
        Assert.Null(provided.Find($"#Support_PersonId option[value='{app.Cast.PersonOf["office"]}']"));
        Assert.NotNull(provided.Find($"#Support_PersonId option[value='{app.Cast.PersonOf["staffTown"]}']"));
        Assert.Null(provided.Find($"#Support_UnitId option[value='{app.Cast.Units["人事科"]}']"));

        // Filters: 城西分局 has the support measure and no talk; another year has nothing.
        var west = await browser.GetAsync($"/Incentives?Tab=talks&UnitId={app.Cast.BranchB}&Year={app.Clock.Today.Year}");
        Assert.NotNull(west.Find("[data-testid=talks-empty]"));
        Assert.Contains("1", west.TextOf("[data-testid=tab-support] .badge"));
        var lastYear = await browser.GetAsync($"/Incentives?Tab=commendations&Year={app.Clock.Today.Year - 1}");
        Assert.NotNull(lastYear.Find("[data-testid=commendations-empty]"));
        var allYears = await browser.GetAsync("/Incentives?Tab=commendations&Year=");
        Assert.Single(allYears.All("[data-testid=commendations] tbody tr"));
    }

    [Theory, AllDatabases]
    public async Task Staff_are_refused_the_pages_and_read_their_own_records_on_mine_without_the_talks_contents(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var personnel = app.As("personnel");
        await personnel.PostJsonAsync("/api/incentives/talks", IncentivesApiTests.Talk(app, "staffA", talker: "m1", topics: "本人反映家中老人生病，夜间值班难以兼顾。")).OkAsync();
        await personnel.PostJsonAsync("/api/incentives/commendations", IncentivesApiTests.Commendation(app, "Special", person: "staffA")).OkAsync();
        await personnel.PostJsonAsync("/api/incentives/support-measures", IncentivesApiTests.SupportMeasure(app, "排忧解难", unit: "城东分局")).OkAsync();
        await personnel.PostJsonAsync("/api/incentives/commendations", IncentivesApiTests.Commendation(app, person: "staffB")).OkAsync();

        using var staffA = await Browser.SignedInAsync(app, "staffA");
        foreach (var url in new[] { "/Incentives", "/Incentives?Tab=commendations", "/Incentives/Report", $"/Incentives/Report?Year={app.Clock.Today.Year}&handler=Export" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await staffA.GetAsync(url)).Status);
        }
        var mine = await staffA.GetAsync("/Incentives/Mine");
        Assert.Equal(HttpStatusCode.OK, mine.Status);
        Assert.Contains(Article13Opening, mine.Text);
        Assert.Contains("包容审慎监管工作成效明显", mine.TextOf("[data-testid=my-commendations]"));
        Assert.Single(mine.All("[data-testid=my-commendations] tbody tr"));
        Assert.Contains("城东分局（单位）", mine.TextOf("[data-testid=my-support-measures]"));
        Assert.Contains("周书记", mine.TextOf("[data-testid=my-talks]"));
        Assert.DoesNotContain("老人生病", mine.Html);
        Assert.Null(mine.Find("a[href='/Incentives/Report']"));
        // A form posted by hand is refused too (the sign-out form's token is a valid one).
        var token = mine.Find("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var posted = await staffA.PostAsync("/Incentives?Tab=commendations&handler=Commendation", new FormFields()
            .Add("__RequestVerificationToken", token).Add("Commendation.Kind", "Regular").Add("Commendation.PersonId", app.Cast.PersonOf["staffA"].ToString())
            .Add("Commendation.Title", "自己表扬自己").Add("Commendation.Basis", "无").Add("Commendation.AwardedBy", "本人").Add("Commendation.AwardedOn", app.Clock.Today.ToString("yyyy-MM-dd")));
        Assert.Equal(HttpStatusCode.Forbidden, posted.Status);

        using var staffB = await Browser.SignedInAsync(app, "staffB");
        var other = await staffB.GetAsync("/Incentives/Mine");
        Assert.Contains("平时激励", Assert.Single(other.All("[data-testid=my-commendations] tbody tr")).TextContent);
        Assert.Null(other.Find("[data-testid=my-support-measures]"));
        Assert.Null(other.Find("[data-testid=my-talks]"));
        Assert.DoesNotContain("城东分局", other.TextOf("main"));

        using var sysadmin = await Browser.SignedInAsync(app, "sysadmin");
        Assert.Equal(HttpStatusCode.Forbidden, (await sysadmin.GetAsync("/Incentives")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await sysadmin.GetAsync("/Incentives/Mine")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await sysadmin.GetAsync("/Incentives/Report")).Status);
    }

    [Theory, AllDatabases]
    public async Task A_leader_sees_his_units_records_and_records_talks_there_only(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await IncentivesApiTests.Arrange(app);
        using var leader = await Browser.SignedInAsync(app, "leaderA");

        var page = await leader.GetAsync("/Incentives");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var people = page.All("#Talk_PersonId option[value]").Select(o => o.GetAttribute("value")!).Where(v => v != "").ToHashSet();
        Assert.Equal(new[] { "leaderA", "staffA", "staffA2" }.Select(u => app.Cast.PersonOf[u].ToString()).ToHashSet(), people);
        Assert.Equal(app.Cast.PersonOf["leaderA"].ToString(), page.Find("#Talk_TalkerPersonId option[selected]")!.GetAttribute("value"));
        Assert.Equal(3, page.All("[data-testid=talks] tbody tr").Count);
        Assert.DoesNotContain("杨执法", page.Text);
        Assert.Equal(["城东分局（一线执法单位）"], page.All("#filter-unit option[value]").Where(o => o.GetAttribute("value") != "").Select(o => o.TextContent.Trim()));

        var commendations = await leader.GetAsync("/Incentives?Tab=commendations");
        Assert.Null(commendations.Find("#commendation-form"));
        Assert.Equal(2, commendations.All("[data-testid=commendations] tbody tr").Count);

        var saved = await leader.SubmitAsync(page, "#talk-form", f => f
            .Set("Talk.PersonId", app.Cast.PersonOf["staffA2"].ToString()).Set("Talk.Topics", "了解新业态监管中的困惑。"));
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        // staffB is not on his list; a form made by hand is refused next to the field, not saved.
        var refused = await leader.SubmitAsync(page, "#talk-form", f => f
            .Set("Talk.PersonId", app.Cast.PersonOf["staffB"].ToString()).Set("Talk.Topics", "越权登记。"));
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("杨执法不在您分管的单位", refused.Summary);

        var report = await leader.GetAsync("/Incentives/Report");
        Assert.Equal(HttpStatusCode.OK, report.Status);
        var row = Assert.Single(report.All("[data-testid=incentive-report] tbody tr"));
        Assert.Contains("城东分局", row.TextContent);
        Assert.Equal("4", row.QuerySelector("[data-value=talks]")!.TextContent.Trim());
    }

    [Theory, AllDatabases]
    public async Task The_report_page_and_its_excel_export_show_the_counts_of_the_api_report(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await IncentivesApiTests.Arrange(app);
        var year = app.Clock.Today.Year;
        var api = await app.As("personnel").GetOkAsync($"/api/incentives/report?year={year}");
        var expected = api.GetProperty("rows").EnumerateArray().Select(r => new[]
        {
            r.GetProperty("unitName").GetString()!,
            r.GetProperty("frontLine").GetBoolean() ? "是" : "否",
            r.GetProperty("talks").GetInt32().ToString(),
            r.GetProperty("regularCommendations").GetInt32().ToString(),
            r.GetProperty("specialAwards").GetInt32().ToString(),
            r.GetProperty("supportMeasures").GetInt32().ToString(),
            r.GetProperty("peopleReached").GetInt32().ToString(),
            r.GetProperty("frontLinePeopleReached").GetInt32().ToString(),
        }).ToList();

        using var browser = await Browser.SignedInAsync(app, "personnel");
        var page = await browser.GetAsync("/Incentives/Report");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(Article13Opening, page.Text);
        Assert.Contains($"{year}年，全局开展谈心谈话 4 次，平时激励 2 项、专项表彰奖励 1 项，一线支持保障措施 3 项，覆盖 4 人（其中一线执法人员 3 人）", page.TextOf("[data-testid=summary]"));
        Assert.NotNull(page.Find("[data-incentive-chart][data-table=incentive-report]"));
        Assert.Contains(page.All("script[src]"), s => s.GetAttribute("src")!.StartsWith("/js/incentives.js", StringComparison.Ordinal));
        var shown = page.All("[data-testid=incentive-report] tbody tr").Select(tr => new[]
        {
            tr.QuerySelector("[data-label]")!.TextContent.Trim(),
            tr.QuerySelector("[data-testid=front-line]") is null ? "否" : "是",
            tr.QuerySelector("[data-value=talks]")!.TextContent.Trim(),
            tr.QuerySelector("[data-value=regular]")!.TextContent.Trim(),
            tr.QuerySelector("[data-value=special]")!.TextContent.Trim(),
            tr.QuerySelector("[data-value=support]")!.TextContent.Trim(),
            tr.QuerySelector("[data-value=reached]")!.TextContent.Trim(),
            tr.QuerySelector("[data-value=front-line-reached]")!.TextContent.Trim(),
        }).ToList();
        Assert.Equal(expected, shown);

        var href = page.Single("[data-testid=export]").GetAttribute("href")!;
        using var response = await browser.Client.GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"年度关爱激励情况_{year}.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["年度关爱激励情况", "谈心谈话", "表彰奖励", "支持保障措施"], MiniExcel.GetSheetNames(stream));
        var sheet = Rows(stream, "年度关爱激励情况");
        Assert.Equal(expected.Count + 2, sheet.Count);
        var exported = sheet.Take(expected.Count).Select(r => new[]
        {
            Text(r["单位"]), Text(r["一线执法单位"]), Text(r["谈心谈话（次）"]), Text(r["平时激励（项）"]), Text(r["专项表彰奖励（项）"]),
            Text(r["支持保障措施（项）"]), Text(r["覆盖人数（人）"]), Text(r["其中一线执法人员（人）"]),
        }).ToList();
        Assert.Equal(expected, exported);
        Assert.Equal(["合计", "4", "2", "1", "3", "4", "3"], new[] { "单位", "谈心谈话（次）", "平时激励（项）", "专项表彰奖励（项）", "支持保障措施（项）", "覆盖人数（人）", "其中一线执法人员（人）" }.Select(k => Text(sheet[^2][k])));
        Assert.Equal("其中一线执法单位", Text(sheet[^1]["单位"]));

        // The lists behind the figures: four talks of the year (their contents are not exported), three awards, three measures.
        var talks = Rows(stream, "谈心谈话");
        Assert.Equal(4, talks.Count);
        Assert.Equal(["日期", "谈话对象", "单位", "谈话人"], talks[0].Keys);
        Assert.Equal(3, Rows(stream, "表彰奖励").Count);
        Assert.Equal(3, Rows(stream, "支持保障措施").Count);

        // Another year: every unit is still listed, with nothing in it.
        var empty = await browser.GetAsync($"/Incentives/Report?Year={year - 3}");
        Assert.All(empty.All("[data-testid=incentive-report] tbody [data-value=talks]"), c => Assert.Equal("0", c.TextContent.Trim()));
        using var none = await browser.Client.GetAsync($"/Incentives/Report?Year={year - 3}&handler=Export");
        using var noneStream = new MemoryStream(await none.Content.ReadAsByteArrayAsync());
        Assert.Equal("本年度无记录", Text(Assert.Single(Rows(noneStream, "表彰奖励"))["日期"]));
    }

    private static List<IDictionary<string, object>> Rows(Stream stream, string sheet)
    {
        stream.Position = 0;
        return MiniExcel.Query(stream, useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object>>().ToList();
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        double d => d.ToString(System.Globalization.CultureInfo.InvariantCulture),
        JsonElement j => j.ToString(),
        _ => value.ToString() ?? "",
    };
}
