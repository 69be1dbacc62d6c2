using System.Net;
using SafeHarbor.IntegrationTests.Pages;
using SafeHarbor.IntegrationTests.Procedure;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Prevention;

/// <summary>Art. 10 on the 举报核查 page and its API: recorded by 局机关纪委 or 驻局纪检监察组, concluded by 局机关纪委.</summary>
[Article("10")]
public sealed class AbuseReportTests
{
    [Theory, AllDatabases]
    public async Task A_report_recorded_and_concluded_substantiated_on_the_page_excludes_exemption_in_the_advice(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var flow = new Support.Procedure(app);
        var c = await flow.RegisterAsync();
        await flow.ApplyAsync(c);
        await flow.VerifyAsync(c);
        Assert.Equal("Exempt", (await app.AdviceAsync(c)).GetProperty("recommendation").GetString());

        // 驻局纪检监察组 records it against the person and the case.
        using var guide = await Browser.SignedInAsync(app, "guide");
        var page = await guide.GetAsync($"/AbuseReports?caseId={c.Id}");
        Assert.Contains("严禁打着推行柔性执法和包容审慎监管的旗号", page.TextOf("[data-testid=article-10]"));
        Assert.Equal(c.Id.ToString(), FormFields.Of(page.Form("[data-testid=report-form]"))["Input.CaseId"]);
        var refused = await guide.SubmitAsync(page, "[data-testid=report-form]", f => f.Set("Input.CaseId", "").Set("Input.Description", "举报内容"));
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("请指明被举报的人员或案件", refused.FieldError("Input.PersonId"));
        var recorded = await guide.SubmitAsync(page, "[data-testid=report-form]", f => f
            .Set("Input.PersonId", app.Cast.PersonOf["staffA"].ToString())
            .Set("Input.Kind", "FavourCase")
            .Set("Input.Description", "经营者反映何执法以柔性执法为名，对其亲属经营的店铺不予立案。"));
        Assert.Equal(HttpStatusCode.Redirect, recorded.Status);
        var list = await guide.FollowAsync(recorded);
        var row = list.Single("[data-testid=report]");
        Assert.Equal("Open", row.GetAttribute("data-status"));
        Assert.Contains("办人情案", row.TextContent);
        Assert.Contains(c.Number, row.TextContent);
        Assert.Contains("待局机关纪委核查", row.TextContent);
        Assert.Null(list.Find("[data-testid=conclude]"));
        var reportId = Guid.Parse(row.GetAttribute("data-id")!);

        // Only 局机关纪委 concludes: the guidance group is refused on the page and in the API.
        var token = FormFields.Of(list.Form("[data-testid=report-form]"))["__RequestVerificationToken"]!;
        var forged = await guide.PostAsync($"/AbuseReports?handler=Conclude&id={reportId}", new FormFields()
            .Add("Conclude.Substantiated", "true").Add("Conclude.Conclusion", "查实。").Add("__RequestVerificationToken", token));
        Assert.Equal(HttpStatusCode.Forbidden, forged.Status);
        var apiRefused = await app.As("guide").PostJsonAsync($"/api/abuse-reports/{reportId}/conclusion", new { substantiated = true, conclusion = "查实。" })
            .ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("局机关纪委", apiRefused.Title);
        Assert.Equal("Exempt", (await app.AdviceAsync(c)).GetProperty("recommendation").GetString()); // an open report excludes nothing

        using var inv = await Browser.SignedInAsync(app, "inv");
        var investigator = await inv.GetAsync("/AbuseReports");
        var unchosen = await inv.SubmitAsync(investigator, $"[data-testid=report][data-id='{reportId}'] [data-testid=conclude]", f => f.Set("Conclude.Conclusion", "经核查属实。"));
        Assert.Equal(HttpStatusCode.OK, unchosen.Status);
        Assert.Contains("请选择核查结论", unchosen.FieldError("Conclude.Substantiated"));
        var concluded = await inv.SubmitAsync(investigator, $"[data-testid=report][data-id='{reportId}'] [data-testid=conclude]", f => f
            .Set("Conclude.Substantiated", "true")
            .Set("Conclude.Conclusion", "经核查属实：店铺实际经营人系何执法的表兄，其未申请回避。"));
        Assert.Equal(HttpStatusCode.Redirect, concluded.Status);
        var after = await inv.FollowAsync(concluded);
        Assert.Contains($"案件 {c.Number} 的容错免责建议将列明该情形", after.Text);
        Assert.Equal("Substantiated", after.Single("[data-testid=report]").GetAttribute("data-status"));
        Assert.Contains("查实", after.Single("[data-testid=report]").TextContent);

        var advice = await app.AdviceAsync(c);
        Assert.Equal("NotExempt", advice.GetProperty("recommendation").GetString());
        var item = advice.AdviceItem("no-abuse-as-cover");
        Assert.Equal("NotMet", item.GetProperty("verdict").GetString());
        Assert.Contains("办人情案", item.GetProperty("reason").GetString());
        Assert.Contains("未申请回避", item.GetProperty("reason").GetString());
        var casePage = await inv.GetAsync($"/Cases/{c.Id}");
        Assert.Contains("查实的举报（第十条）", casePage.Text);
        Assert.Contains("未申请回避", casePage.Text);

        Assert.Empty((await inv.GetAsync("/AbuseReports?status=Open")).All("[data-testid=report]"));
        Assert.Single((await inv.GetAsync("/AbuseReports?status=Substantiated")).All("[data-testid=report]"));
    }

    [Theory, AllDatabases]
    public async Task The_api_lists_reports_by_status_person_and_case_and_refuses_others_in_chinese(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var c = await new Support.Procedure(app).RegisterAsync();
        var byCase = await app.As("inv").PostJsonAsync("/api/abuse-reports", new { caseId = c.Id, kind = "Extortion", description = "反映检查中索要财物。" }).OkAsync();
        var byPerson = await app.As("guide").PostJsonAsync("/api/abuse-reports", new { personId = app.Cast.PersonOf["staffB"], kind = "OtherHarm", description = "反映推诿扯皮。" }).OkAsync();
        await app.As("inv").PostJsonAsync($"/api/abuse-reports/{byPerson.GetProperty("id").GetGuid()}/conclusion", new { substantiated = false, conclusion = "经核查不属实。" }).OkAsync();

        Assert.Equal([byCase.GetProperty("id").GetGuid()], (await app.As("guide").GetOkAsync($"/api/abuse-reports?caseId={c.Id}")).EnumerateArray().Select(r => r.GetProperty("id").GetGuid()));
        Assert.Equal(["杨执法"], (await app.As("inv").GetOkAsync($"/api/abuse-reports?personId={app.Cast.PersonOf["staffB"]}")).Strings("personName"));
        Assert.Equal(["查否"], (await app.As("inv").GetOkAsync("/api/abuse-reports?status=Unsubstantiated")).Strings("statusName"));
        Assert.Equal(["核查中"], (await app.As("inv").GetOkAsync("/api/abuse-reports?status=Open")).Strings("statusName"));
        var one = await app.As("guide").GetOkAsync($"/api/abuse-reports/{byCase.GetProperty("id").GetGuid()}");
        Assert.Equal(c.Number, one.GetProperty("caseNumber").GetString());
        Assert.Equal("report-not-found", (await app.As("inv").GetAsync($"/api/abuse-reports/{Guid.NewGuid()}").ProblemAsync(HttpStatusCode.NotFound)).Code);

        var neither = await app.As("inv").PostJsonAsync("/api/abuse-reports", new { kind = "Extortion", description = "内容" }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("请指明被举报的人员或案件", neither.Title);
        var twice = await app.As("inv").PostJsonAsync($"/api/abuse-reports/{byPerson.GetProperty("id").GetGuid()}/conclusion", new { substantiated = true, conclusion = "查实。" })
            .ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("report-concluded", twice.Code);

        foreach (var user in new[] { "staffA", "leaderA", "office", "m1", "policyowner", "personnel" })
        {
            var listRefused = await app.As(user).GetAsync("/api/abuse-reports").ProblemAsync(HttpStatusCode.Forbidden);
            Assert.Equal("not-your-duty", listRefused.Code);
            Assert.Contains("局机关纪委", listRefused.Title);
            Assert.Equal("not-your-duty", (await app.As(user).PostJsonAsync("/api/abuse-reports", new { caseId = c.Id, kind = "Extortion", description = "内容" })
                .ProblemAsync(HttpStatusCode.Forbidden)).Code);
        }
    }

    [Theory, AllDatabases]
    public async Task A_report_under_investigation_waits_in_the_investigators_todo_until_concluded(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var report = await app.As("guide").PostJsonAsync("/api/abuse-reports", new
        {
            personId = app.Cast.PersonOf["staffA"],
            kind = "FavourCase",
            description = "群众反映其对熟人经营的门店多次从轻处理。",
        }).OkAsync();

        static async Task<List<(string Title, string Link)>> TodosAsync(TestApp app, string user)
        {
            using var browser = await Browser.SignedInAsync(app, user);
            var home = await browser.GetAsync("/");
            return home.All("table[data-testid=other-todo] tbody tr")
                .Where(tr => Browser.Squash(tr.QuerySelector("td")?.TextContent) == "举报核查")
                .Select(tr => (Browser.Squash(tr.QuerySelector("td:nth-child(2)")?.TextContent), tr.QuerySelector("td:nth-child(3) a")?.GetAttribute("href") ?? ""))
                .ToList();
        }

        var todo = Assert.Single(await TodosAsync(app, "inv"));
        Assert.Equal(($"{app.Clock.Today:yyyy-MM-dd} 收到的办人情案举报（何执法）", "/AbuseReports?Status=Open"), todo);
        Assert.Empty(await TodosAsync(app, "guide")); // 驻局纪检监察组 supervises; 局机关纪委 concludes
        Assert.Empty(await TodosAsync(app, "staffA"));

        await app.As("inv").PostJsonAsync($"/api/abuse-reports/{report.GetProperty("id").GetGuid()}/conclusion", new
        {
            substantiated = false,
            conclusion = "经核查，从轻处理均有依据，举报不实。",
        }).OkAsync();
        Assert.Empty(await TodosAsync(app, "inv"));
    }
}
