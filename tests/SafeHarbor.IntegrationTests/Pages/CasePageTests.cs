using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using SafeHarbor.Cases;
using SafeHarbor.IntegrationTests.Support;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.IntegrationTests.Pages;

/// <summary>The case page: facts, advice, evidence and the whole timeline; printable; read-only once archived.</summary>
public sealed class CasePageTests
{
    [Theory, AllDatabases]
    public async Task The_case_page_shows_the_facts_the_advice_the_evidence_and_the_timeline_in_order_with_actor_and_role(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var flow = new Support.Procedure(app);
        var c = await flow.RegisterAsync("staffA");
        await app.UploadThroughApiAsync(c, "staffA", "不予处罚决定书.pdf", "不予处罚决定书扫描件");
        await flow.ApplyAsync(c);
        await flow.VerifyAsync(c);
        await flow.ReportAsync(c, Outcome.Exempted);

        using var inv = await Browser.SignedInAsync(app, "inv");
        var page = await inv.GetAsync($"/Cases/{c.Id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("待认定", page.TextOf("[data-testid=status]"));
        Assert.Contains("对辖区首次轻微违法的小微食品经营者依法不予处罚后", page.TextOf("section[aria-labelledby=s-matter]"));
        var application = page.TextOf("section[aria-labelledby=s-app]");
        Assert.Contains("依据不予处罚清单作出决定并开展教育引导，因同期任务集中，跟踪抽检复查延迟。", application);
        Assert.Contains("何执法（个人）", application);
        Assert.Contains("第四条第（一）项", application);
        Assert.Contains("经调查核实，综合各方面因素，出具本报告。", page.TextOf("section[aria-labelledby=s-verify]"));

        // Both advice tables: by what was claimed and by what was verified, item by item.
        foreach (var stage in new[] { "Claimed", "Verified" })
        {
            var advice = page.Single($"[data-testid=advice-{stage}]");
            Assert.NotEmpty(advice.QuerySelectorAll("tbody tr"));
            Assert.NotEqual("", Browser.Squash(advice.QuerySelector("[data-testid=recommendation]")?.TextContent));
        }
        Assert.Equal("建议予以容错免责", Browser.Squash(page.Single("[data-testid=advice-Verified]").QuerySelector("[data-testid=recommendation]")!.TextContent));

        // The timeline: every step in order, who did it and in which capacity, in Beijing time.
        var timeline = page.All("[data-testid=timeline] li").Select(li => Browser.Squash(li.TextContent)).ToArray();
        string[] expected =
        [
            "登记问责事项 · 刘纪检（局机关纪委）",
            "上传证明材料 · 何执法（申请人）",
            "提出容错免责申请 · 何执法（申请人）",
            "开始调查核实 · 刘纪检（局机关纪委）",
            .. Support.Procedure.BaseAndExclusions.Concat(["c1", "c6"]).Select(_ => "记录核实意见 · 刘纪检（局机关纪委）"),
            "提交书面调查报告 · 刘纪检（局机关纪委）",
        ];
        Assert.Equal(expected, timeline.Select(t => t["2026-09-21 10:00 ".Length..]).ToArray());
        Assert.All(timeline, t => Assert.StartsWith("2026-09-21 10:00 ", t));

        // The evidence list links the file, which downloads byte for byte with its hashes.
        var link = page.Single("section[aria-labelledby=s-evidence] tbody a");
        Assert.Equal("不予处罚决定书.pdf", Browser.Squash(link.TextContent));
        Assert.Contains("不予处罚决定书扫描件", page.TextOf("section[aria-labelledby=s-evidence] tbody"));
        using var download = await inv.Client.GetAsync(link.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(PageArrange.SmallPdf, await download.Content.ReadAsByteArrayAsync());
        Assert.True(download.Headers.Contains("X-Content-SM3"));
    }

    [Theory, AllDatabases]
    public async Task A_file_uploaded_from_the_application_page_is_listed_on_the_case_page(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var c = await app.CaseInStatusAsync(CaseStatus.Registered);
        using var staffA = await Browser.SignedInAsync(app, "staffA");

        // The page's script posts the file as multipart to /Cases/{id}/Evidence with the antiforgery token in a header.
        var applyPage = await staffA.GetAsync($"/Cases/{c.Id}/Apply");
        Assert.Equal($"/Cases/{c.Id}/Evidence", applyPage.Single("[data-upload-url]").GetAttribute("data-upload-url"));
        using (var uploaded = await staffA.UploadFromPageAsync(applyPage, c.Id, "不予处罚决定书.pdf", PageArrange.SmallPdf, "不予处罚决定书扫描件"))
        {
            var text = await uploaded.Content.ReadAsStringAsync();
            Assert.True(uploaded.StatusCode == HttpStatusCode.OK,
                $"the page upload answered {(int)uploaded.StatusCode} {uploaded.Content.Headers.ContentType?.MediaType}: {Browser.Squash(Browser.Parse(text).Body?.TextContent)}");
            Assert.Equal("不予处罚决定书.pdf", JsonDocument.Parse(text).RootElement.GetProperty("fileName").GetString());
        }
        var link = (await staffA.GetAsync($"/Cases/{c.Id}")).Single("section[aria-labelledby=s-evidence] tbody a");
        Assert.Equal("不予处罚决定书.pdf", Browser.Squash(link.TextContent));

        // Without the token the upload is refused and nothing is stored.
        using var form = new MultipartFormDataContent { { new ByteArrayContent(PageArrange.SmallPdf), "file", "说明.pdf" } };
        using var refused = await staffA.Client.PostAsync($"/Cases/{c.Id}/Evidence", form);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Single((await app.DetailAsync(c)).GetProperty("evidence").EnumerateArray());
    }

    [Theory, AllDatabases]
    public async Task The_case_page_prints_without_navigation_or_buttons(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var c = await app.CaseInStatusAsync(CaseStatus.Submitted);
        using var inv = await Browser.SignedInAsync(app, "inv");
        var page = await inv.GetAsync($"/Cases/{c.Id}");

        Assert.Contains("no-print", page.Single("body > header").ClassList);
        Assert.NotNull(page.Find("body > header nav"));
        Assert.Contains("no-print", page.Single("[data-testid=actions]").ClassList);
        Assert.Contains("no-print", page.Single("body > footer").ClassList);
        var stylesheet = page.All("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).Single(h => h.StartsWith("/css/site.css", StringComparison.Ordinal));

        using var css = await inv.Client.GetAsync(stylesheet);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        var text = await css.Content.ReadAsStringAsync();
        var print = Regex.Match(text, @"@media\s+print\s*\{(?<body>(?:[^{}]|\{[^{}]*\})*)\}");
        Assert.True(print.Success, "site.css has no @media print block");
        var hidden = Regex.Matches(print.Groups["body"].Value, @"(?<selectors>[^{}]+)\{[^{}]*display\s*:\s*none[^{}]*\}")
            .SelectMany(m => m.Groups["selectors"].Value.Split(',').Select(s => s.Trim())).ToHashSet();
        Assert.Contains(".no-print", hidden);
        Assert.Contains("nav", hidden);
    }

    [Theory, AllDatabases]
    public async Task The_case_page_offers_the_user_the_steps_open_to_them_now_and_an_archived_case_none(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var registered = await app.CaseInStatusAsync(CaseStatus.Registered);
        var decided = await app.CaseInStatusAsync(CaseStatus.Decided);
        var archived = await app.CaseInStatusAsync(CaseStatus.Archived);
        using var staffA = await Browser.SignedInAsync(app, "staffA");
        using var office = await Browser.SignedInAsync(app, "office");
        using var archivist = await Browser.SignedInAsync(app, "archivist");

        static (string Text, string Href)[] Steps(WebPage page) =>
            page.All("[data-testid=actions] a").Select(a => (Browser.Squash(a.TextContent), a.GetAttribute("href") ?? "")).ToArray();

        Assert.Equal([("提出容错免责申请", $"/Cases/{registered.Id}/Apply")], Steps(await staffA.GetAsync($"/Cases/{registered.Id}")));
        Assert.Empty(Steps(await office.GetAsync($"/Cases/{registered.Id}")));
        Assert.Equal([("书面反馈认定结果", $"/Cases/{decided.Id}/Feedback")], Steps(await office.GetAsync($"/Cases/{decided.Id}")));
        Assert.Empty(Steps(await staffA.GetAsync($"/Cases/{decided.Id}")));

        var number = (await app.DetailAsync(archived)).GetProperty("archive").GetProperty("archiveNumber").GetString();
        Assert.False(string.IsNullOrEmpty(number));
        foreach (var browser in new[] { staffA, office, archivist })
        {
            var page = await browser.GetAsync($"/Cases/{archived.Id}");
            Assert.Equal("已备案", page.TextOf("[data-testid=status]"));
            // The filing record is the bodies' (docs/disclosure.md); the applicant sees the status.
            if (browser == staffA)
            {
                Assert.Null(page.Find("[data-testid=archive-number]"));
            }
            else
            {
                Assert.Equal(number, page.TextOf("[data-testid=archive-number]"));
            }
            Assert.Empty(Steps(page));
            // Only the 公文 table's 生成 PDF buttons post anything: nothing changes the filed case.
            Assert.All(page.All("main form"), f => Assert.Contains("handler=Pdf", f.GetAttribute("action") ?? ""));
        }
    }
}
