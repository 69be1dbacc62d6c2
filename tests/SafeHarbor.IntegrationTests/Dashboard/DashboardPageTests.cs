using System.Net;
using System.Net.Http.Headers;
using SafeHarbor.Cases;
using SafeHarbor.IntegrationTests.Support;
using SafeHarbor.Organisation;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.IntegrationTests.Dashboard;

/// <summary>统计分析: the numbers in the page's tables, its filters, and who may open it.</summary>
public sealed class DashboardPageTests
{
    private static readonly string[] StageLabels =
        ["登记→申请", "申请→调查报告（核实）", "调查报告→认定", "认定→签收确认（反馈）", "确认或公开→存档备案"];

    /// <summary>
    /// Six cases walked through the procedure around the 2026 Mid-Autumn and National Day holidays:
    /// A (城东分局, 食品安全) all the way to archive; B (城西分局, 广告) applied; C (城关所, 特种设备)
    /// refused as late; D (城东分局) and F (城东分局, started 2025) never applied, deadline passed;
    /// E (two people of 城东分局 and 城西分局 as a unit) registered today.
    /// </summary>
    private static async Task SeedAsync(TestApp app)
    {
        var flow = new Support.Procedure(app);
        await MoveToAsync(app, new DateOnly(2026, 9, 21)); // Monday

        var a = await flow.RegisterAsync("staffA");
        var b = await flow.RegisterAsync("staffB", title: "城西分局广告案件核查延误", field: "广告");
        var c = await flow.RegisterAsync("staffTown", startedOn: new DateOnly(2026, 9, 1), title: "城关所电梯维保检查遗漏", field: "特种设备");
        await flow.RegisterAsync("staffA2", startedOn: new DateOnly(2026, 9, 1), title: "城东分局抽检计划未按期完成");
        await flow.RegisterAsync("staffA", startedOn: new DateOnly(2025, 12, 1), title: "城东分局2025年抽检任务延误");
        Assert.Equal("Refused", (await flow.ApplyAsync(c, "staffTown")).GetProperty("status").GetString());

        // Case A, stage by stage (working days after the start day, up to and including the end day):
        // Half past midnight in Beijing, still 09-21 in UTC: the step counts on the China date.
        await MoveToAsync(app, new DateOnly(2026, 9, 22), new TimeOnly(0, 30));
        await flow.ApplyAsync(a);                       // registration → application: 22 = 1
        await MoveToAsync(app, new DateOnly(2026, 9, 23));
        await flow.ApplyAsync(b, "staffB");             // (case B) registration → application: 22, 23 = 2
        await MoveToAsync(app, new DateOnly(2026, 9, 24));
        await flow.VerifyAsync(a);
        await flow.ReportAsync(a, Outcome.Exempted);    // application → report: 23, 24 = 2
        await MoveToAsync(app, new DateOnly(2026, 9, 29));
        await flow.DecideAtMeetingAsync(a, Outcome.Exempted); // report → decision: 中秋节 25–27 off; 28, 29 = 2
        await MoveToAsync(app, new DateOnly(2026, 10, 9));
        await flow.FeedbackDeliveredAndAcknowledgedAsync(a);  // decision → acknowledgement: 30; 国庆节 10-01–07 off; 8, 9 = 3
        await MoveToAsync(app, new DateOnly(2026, 10, 10));   // the Saturday worked in exchange (调休)
        await flow.PublishAsync(a);
        await MoveToAsync(app, new DateOnly(2026, 10, 12));
        await flow.ArchiveAsync(a);                     // publication → archive: Sun 11 rest, Mon 12 = 1

        await app.As("inv").PostJsonAsync("/api/cases", new
        {
            title = "城东分局、城西分局联合检查中执法文书送达不及时",
            description = "联合检查中部分执法文书未按期送达当事人。",
            businessField = "食品安全",
            startedBy = "局党组",
            accountabilityStartedOn = app.Clock.Today,
            subjects = new object[]
            {
                new { kind = SubjectKind.Person, id = app.Cast.PersonOf["staffA"] },
                new { kind = SubjectKind.Person, id = app.Cast.PersonOf["staffA2"] },
                new { kind = SubjectKind.Unit, id = app.Cast.BranchB },
            },
        }).OkAsync();
    }

    /// <summary>
    /// Moves the clock to another day (10:00 Beijing time unless given). Bearer tokens last 8 hours by
    /// that clock, so the cast's cached API clients get fresh ones from the real login endpoint.
    /// </summary>
    private static async Task MoveToAsync(TestApp app, DateOnly date, TimeOnly? at = null)
    {
        app.Clock.Now = new DateTimeOffset(date.ToDateTime(at ?? new TimeOnly(10, 0)), TimeSpan.FromHours(8)).ToUniversalTime();
        using var login = app.CreateClient();
        foreach (var user in new[] { "inv", "office", "archivist", "staffA", "staffB", "staffTown" }.Concat(Cast.Members))
        {
            var body = await login.PostJsonAsync("/api/auth/login", new { userName = user, password = TestApp.Password }).OkAsync();
            app.As(user).DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("accessToken").GetString());
        }
    }

    [Theory, AllDatabases]
    public async Task Dashboard_tables_show_the_counts_and_the_working_days_each_stage_took(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await SeedAsync(app);
        using var pages = await SignedInPages.SignInAsync(app, "inv");

        var page = await pages.GetAsync("/Dashboard");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("6", page.Document.QuerySelector("[data-testid=total]")!.TextContent);
        Assert.Equal(3, page.Count("by-status", "待申请"));
        Assert.Equal(1, page.Count("by-status", "不予受理"));
        Assert.Equal(1, page.Count("by-status", "待核实"));
        Assert.Equal(1, page.Count("by-status", "已备案"));
        Assert.Equal(0, page.Count("by-status", "核实中"));
        Assert.Equal("6", page.Document.QuerySelector("#by-status tfoot [data-total]")!.TextContent);

        Assert.Equal([("予以容错免责", "1"), ("从轻或减轻处理", "0"), ("不予容错免责", "0"), ("未认定", "5")], page.Rows("by-outcome"));
        Assert.Equal([("食品安全", "4"), ("特种设备", "1"), ("广告", "1")], page.Rows("by-field"));
        // E counts once for 城东分局 (two of its people) and once for 城西分局 (the unit itself).
        Assert.Equal([("城东分局", "4"), ("城西分局", "2"), ("东山县局城关所", "1")], page.Rows("by-unit"));
        Assert.Equal(
            [("按期申请", "2"), ("逾期申请（不予受理）", "1"), ("逾期未申请", "2"), ("申请期限内尚未申请", "1"), ("逾期待定（期限暂定）", "0")],
            page.Rows("timeliness"));

        Assert.Equal(StageLabels.Zip(new[] { "1.5", "2", "2", "3", "1" }).ToList(), page.Rows("stages"));
        Assert.Equal(["2", "1", "1", "1", "1"], page.Document.QuerySelectorAll("#stages [data-cases]").Select(td => td.TextContent));

        // Every chart has its table right below it, with a caption, and the chart script is served locally.
        // (No assessment yet, so the grades panel says so instead of drawing a chart.)
        var charts = page.Document.QuerySelectorAll("[data-chart]");
        Assert.Equal(
            ["by-status", "by-outcome", "by-field", "by-unit", "timeliness", "stages", "correction-stages", "overdue-by-unit", "prevention-flags", "records-by-use", "incentives"],
            charts.Select(c => c.GetAttribute("data-table")));
        foreach (var chart in charts)
        {
            var table = chart.NextElementSibling;
            Assert.Equal("TABLE", table?.TagName);
            Assert.Equal(chart.GetAttribute("data-table"), table!.Id);
            Assert.False(string.IsNullOrWhiteSpace(table.QuerySelector("caption")?.TextContent));
        }
        var scripts = page.Document.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).ToList();
        Assert.Contains("/lib/echarts/echarts.min.js", scripts);
        Assert.Contains(scripts, s => s.StartsWith("/js/dashboard.js", StringComparison.Ordinal));
    }

    [Theory, AllDatabases]
    public async Task Dashboard_filters_by_year_of_accountability_start_and_business_field(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await SeedAsync(app);
        using var pages = await SignedInPages.SignInAsync(app, "m1");

        var lastYear = await pages.GetAsync("/Dashboard?Year=2025");
        Assert.Equal("1", lastYear.Document.QuerySelector("[data-testid=total]")!.TextContent);
        Assert.Equal([("食品安全", "1")], lastYear.Rows("by-field"));
        Assert.Equal(1, lastYear.Count("timeliness", "逾期未申请"));
        Assert.Equal("2025", lastYear.Document.QuerySelector("select[name=Year] option[selected]")?.GetAttribute("value"));
        Assert.Equal(["", "2026", "2025"], lastYear.Document.QuerySelectorAll("select[name=Year] option").Select(o => o.GetAttribute("value")));

        var food2026 = await pages.GetAsync("/Dashboard?Year=2026&BusinessField=" + Uri.EscapeDataString("食品安全"));
        Assert.Equal("3", food2026.Document.QuerySelector("[data-testid=total]")!.TextContent);
        Assert.Equal([("城东分局", "3"), ("城西分局", "1")], food2026.Rows("by-unit"));
        Assert.Equal("食品安全", food2026.Document.QuerySelector("select[name=BusinessField] option[selected]")?.TextContent);
        Assert.Contains("2026年启动问责 · 食品安全", food2026.Document.QuerySelector("[data-testid=scope]")!.TextContent);

        var advertising = await pages.GetAsync("/Dashboard?BusinessField=" + Uri.EscapeDataString("广告"));
        Assert.Equal("1", advertising.Document.QuerySelector("[data-testid=total]")!.TextContent);
        Assert.Equal(1, advertising.Count("by-status", "待核实"));
        Assert.Equal([("登记→申请", "2")], advertising.Rows("stages").Where(r => r.Value != "").ToList());
    }

    [Theory, AllDatabases]
    public async Task Plain_staff_leaders_and_administrators_are_refused_the_dashboard(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await new Support.Procedure(app).RegisterAsync("staffA");

        foreach (var user in new[] { "staffA", "leaderA", "sysadmin" })
        {
            using var pages = await SignedInPages.SignInAsync(app, user);
            var answer = await pages.GetAsync("/Dashboard");
            Assert.True(answer.Status == HttpStatusCode.Forbidden, $"{user}: {(int)answer.Status}");
            Assert.Null(answer.Document.GetElementById("by-status"));
            var home = await pages.GetAsync("/");
            Assert.Null(home.Document.QuerySelector("a[href='/Dashboard']"));
        }

        using var investigator = await SignedInPages.SignInAsync(app, "inv");
        Assert.NotNull((await investigator.GetAsync("/")).Document.QuerySelector("a[href='/Dashboard']"));
        Assert.Equal(HttpStatusCode.OK, (await investigator.GetAsync("/Dashboard")).Status);
    }

    [Theory, AllDatabases]
    public async Task Policy_owner_and_personnel_see_bureau_wide_counts_but_no_case_contents(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var flow = new Support.Procedure(app);
        var branchA = await flow.RegisterAsync("staffA");
        var branchB = await flow.RegisterAsync("staffB", title: "城西分局广告案件核查延误", field: "广告");
        // The cast's 执法稽查科 and 人事科 accounts.
        foreach (var user in new[] { "policyowner", "personnel" })
        {
            // They hold no duty in the procedure, so they read no case …
            Assert.Equal(0, (await app.As(user).GetOkAsync("/api/cases")).GetProperty("total").GetInt32());

            // … yet the dashboard counts every case of the bureau, without a title or a number.
            using var pages = await SignedInPages.SignInAsync(app, user);
            var page = await pages.GetAsync("/Dashboard");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal("2", page.Document.QuerySelector("[data-testid=total]")!.TextContent);
            Assert.Equal([("城东分局", "1"), ("城西分局", "1")], page.Rows("by-unit"));
            Assert.Equal(2, page.Count("by-status", "待申请"));
            foreach (var c in new[] { branchA, branchB })
            {
                Assert.DoesNotContain(c.Number, page.Html);
                Assert.DoesNotContain(c.Id.ToString(), page.Html);
            }
            Assert.DoesNotContain("城东分局对首次轻微违法经营者不予处罚后跟踪抽检不及时", page.Html);
            Assert.DoesNotContain("城西分局广告案件核查延误", page.Html);
            Assert.Empty(page.Document.QuerySelectorAll("a[href^='/Cases/']"));
        }
    }
}
