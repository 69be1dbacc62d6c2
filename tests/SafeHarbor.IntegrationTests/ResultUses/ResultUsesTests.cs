using System.Net;
using System.Text.Json;
using SafeHarbor.Cases;
using SafeHarbor.IntegrationTests.Pages;
using SafeHarbor.IntegrationTests.Support;
using static SafeHarbor.IntegrationTests.ResultUses.ResultUsesArrange;

namespace SafeHarbor.IntegrationTests.ResultUses;

/// <summary>
/// 结果运用 (Art. 11): "is this person (or unit) covered for this matter and this purpose?" answered by the API and by
/// the page /ResultUses alike, the cadre review of a person, and who may ask.
/// </summary>
[Article("11(1)", "11(2)", "11(3)", "11(4)", "11(5)")]
public sealed class ResultUsesTests
{
    private static async Task<(bool Covered, string Answer, JsonElement Records)> AskAsync(TestApp app, string user, string url)
    {
        var body = await app.As(user).GetOkAsync(url);
        return (body.GetProperty("covered").GetBoolean(), body.GetProperty("answer").GetString()!, body.GetProperty("records"));
    }

    private static async Task<(bool Covered, string Answer, WebPage Page)> AskPageAsync(Browser browser, string url)
    {
        var page = await browser.GetAsync(url);
        Assert.True(page.Status == HttpStatusCode.OK, $"{url}: {(int)page.Status} {page.Text}");
        var answer = page.Single("[data-testid=coverage-answer]");
        return (answer.GetAttribute("data-covered") == "true", Browser.Squash(answer.TextContent), page);
    }

    [Theory]
    [AllDatabases]
    public async Task Coverage_answers_for_exempted_mitigated_not_exempted_unrelated_and_unit_matters(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var m = await MattersAsync(app);
        var staffA = app.Cast.PersonOf["staffA"];
        var staffA2 = app.Cast.PersonOf["staffA2"];
        using var personnel = await Browser.SignedInAsync(app, "personnel");

        // Exempted: covered for each of the five uses, the answer naming the matter and the article.
        for (var i = 0; i < Uses.Length; i++)
        {
            var (covered, answer, records) = await AskAsync(app, "personnel", CoverageUrl(staffA, caseId: m.Exempted.Id, use: Uses[i]));
            Assert.True(covered, answer);
            Assert.Contains($"何执法就事项 {m.Exempted.Number}“城东分局对首次轻微违法经营者不予处罚后跟踪抽检不及时”（予以容错免责，", answer);
            Assert.Contains($"受{Articles[i]}保护", answer);
            var record = Assert.Single(records.EnumerateArray());
            Assert.Equal(Uses[i], record.GetProperty("useCode").GetString());
            Assert.Equal("Exempted", record.GetProperty("outcome").GetString());

            var onPage = await AskPageAsync(personnel, PageUrl(SubjectKind.Person, staffA, m.Exempted.Id, Uses[i]));
            Assert.True(onPage.Covered, onPage.Answer);
            Assert.Equal("受保护：" + answer, onPage.Answer);
            Assert.Single(onPage.Page.All("[data-testid=coverage-records] tbody tr"));
        }
        // Asked without a matter: every matter of the person that is covered.
        var all = await AskAsync(app, "personnel", CoverageUrl(staffA, use: "cadre-review"));
        Assert.True(all.Covered);
        Assert.Single(all.Records.EnumerateArray());

        // Mitigated: covered only for lighter or mitigated discipline, with what the mitigation is.
        var lighter = await AskAsync(app, "personnel", CoverageUrl(staffA2, caseId: m.Mitigated.Id, use: "lighter-discipline"));
        Assert.True(lighter.Covered, lighter.Answer);
        Assert.Contains("（从轻或减轻处理，", lighter.Answer);
        Assert.Contains("受第十一条第（五）项保护", lighter.Answer);
        Assert.Equal(Mitigation, Assert.Single(lighter.Records.EnumerateArray()).GetProperty("mitigation").GetString());
        var lighterPage = await AskPageAsync(personnel, PageUrl(SubjectKind.Person, staffA2, m.Mitigated.Id, "lighter-discipline"));
        Assert.True(lighterPage.Covered);
        Assert.Equal(Mitigation, lighterPage.Page.TextOf("[data-testid=coverage-mitigation]"));
        foreach (var use in Uses[..4])
        {
            var notCovered = await AskAsync(app, "personnel", CoverageUrl(staffA2, caseId: m.Mitigated.Id, use: use));
            Assert.False(notCovered.Covered, notCovered.Answer);
            Assert.StartsWith($"事项 {m.Mitigated.Number} 的认定结果为“从轻或减轻处理”，林执法在“", notCovered.Answer);
            Assert.EndsWith("方面不受容错免责保护。", notCovered.Answer);
            Assert.Empty(notCovered.Records.EnumerateArray());
        }

        // Not exempted: not covered, and the answer says why.
        var refused = await AskAsync(app, "inv", CoverageUrl(staffA, caseId: m.NotExempted.Id, use: "cadre-review"));
        Assert.False(refused.Covered);
        Assert.Equal($"事项 {m.NotExempted.Number} 的认定结果为“不予容错免责”，何执法在“干部调整、提拔任用、职称评定廉政审查免于一票否决”方面不受容错免责保护。", refused.Answer);
        var refusedPage = await AskPageAsync(personnel, PageUrl(SubjectKind.Person, staffA, m.NotExempted.Id, "cadre-review"));
        Assert.False(refusedPage.Covered);
        Assert.Equal("不受保护：" + refused.Answer, refusedPage.Answer);
        Assert.Null(refusedPage.Page.Find("[data-testid=coverage-records]"));

        // Not yet decided (no application): not covered, says the matter is not determined.
        var pending = await AskAsync(app, "personnel", CoverageUrl(staffA, caseId: m.NotApplied.Id, use: "annual-appraisal"));
        Assert.False(pending.Covered);
        Assert.StartsWith($"事项 {m.NotApplied.Number} 尚未认定（", pending.Answer);

        // Unrelated: the person is not a subject of the matter (asked by its number on the page).
        var unrelated = await AskAsync(app, "personnel", CoverageUrl(staffA, caseId: m.Mitigated.Id, use: "lighter-discipline"));
        Assert.False(unrelated.Covered);
        Assert.Equal($"何执法不是事项 {m.Mitigated.Number} 的问责对象，该事项与其无关。", unrelated.Answer);
        var byNumber = await AskPageAsync(personnel, PageUrl(SubjectKind.Person, staffA, null, "lighter-discipline", caseNumber: m.Mitigated.Number));
        Assert.Equal("不受保护：" + unrelated.Answer, byNumber.Answer);

        // A unit held accountable as a unit: covered as the unit; its staff are no subjects of that matter.
        var unit = await AskAsync(app, "personnel", CoverageUrl(unitId: app.Cast.BranchB, caseId: m.UnitExempted.Id, use: "annual-target-assessment"));
        Assert.True(unit.Covered, unit.Answer);
        Assert.StartsWith($"城西分局就事项 {m.UnitExempted.Number}“城西分局广告监测线索移交延误”（予以容错免责，", unit.Answer);
        Assert.Equal("城西分局", Assert.Single(unit.Records.EnumerateArray()).GetProperty("subjectName").GetString());
        var unitPage = await AskPageAsync(personnel, PageUrl(SubjectKind.Unit, app.Cast.BranchB, m.UnitExempted.Id, "annual-target-assessment"));
        Assert.True(unitPage.Covered);
        var staffOfUnit = await AskAsync(app, "personnel", CoverageUrl(app.Cast.PersonOf["staffB"], caseId: m.UnitExempted.Id, use: "annual-target-assessment"));
        Assert.False(staffOfUnit.Covered);
        Assert.Equal($"杨执法不是事项 {m.UnitExempted.Number} 的问责对象，该事项与其无关。", staffOfUnit.Answer);
        var otherUnit = await AskAsync(app, "personnel", CoverageUrl(unitId: app.Cast.BranchA, caseId: m.UnitExempted.Id, use: "annual-target-assessment"));
        Assert.False(otherUnit.Covered);
        Assert.Contains("不是事项", otherUnit.Answer);

        // The form as a browser sends it: the selects and the button are named as the page model reads them.
        var form = await personnel.GetAsync("/ResultUses");
        var asked = await personnel.SubmitAsync(form, "[data-testid=coverage-form]", f => f
            .Set("Q.Kind", "Person").Set("Q.PersonId", staffA.ToString()).Set("Q.CaseId", m.Exempted.Id.ToString()).Set("Q.Use", "annual-appraisal"),
            buttonSelector: "button[type=submit]");
        Assert.Equal("true", asked.Single("[data-testid=coverage-answer]").GetAttribute("data-covered"));
        // The matter picker offers the chosen person's matters only.
        var matters = asked.All("#q-matter option").Select(o => o.GetAttribute("value")).Where(v => !string.IsNullOrEmpty(v)).ToHashSet();
        Assert.Equal(new HashSet<string?> { m.Exempted.Id.ToString(), m.NotExempted.Id.ToString(), m.NotApplied.Id.ToString() }, matters);
        // Nothing chosen: refused next to the field, not answered.
        var empty = await personnel.GetAsync("/ResultUses?Q.Kind=Person&Q.Use=cadre-review&Q.Ask=true");
        Assert.Null(empty.Find("[data-testid=coverage-answer]"));
        Assert.Equal("请选择人员。", empty.FieldError("Q.PersonId"));
        var noUse = await personnel.GetAsync($"/ResultUses?Q.Kind=Person&Q.PersonId={staffA}&Q.Ask=true");
        Assert.Equal("请选择用途。", noUse.FieldError("Q.Use"));
        var badNumber = await personnel.GetAsync($"/ResultUses?Q.Kind=Person&Q.PersonId={staffA}&Q.CaseNumber=2099-9999&Q.Use=cadre-review&Q.Ask=true");
        Assert.Equal("找不到案件编号为 2099-9999 的事项。", badNumber.FieldError("Q.CaseNumber"));
    }

    [Theory]
    [AllDatabases]
    public async Task The_records_list_filters_by_person_and_unit_and_links_people_to_their_profile(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var m = await MattersAsync(app);
        using var personnel = await Browser.SignedInAsync(app, "personnel");

        var all = await personnel.GetAsync("/ResultUses");
        // 何执法 5 + 林执法 1 (mitigated) + 城西分局 5 records, in three rows (one per subject and matter).
        Assert.Equal(3, all.All("[data-testid=records] tbody tr").Count);
        Assert.Contains("共 3 个对象事项，11 条结果运用记录。", all.TextOf("[data-testid=records-total]"));
        var row = all.Single($"[data-testid=records] tbody tr[data-case='{m.Exempted.Id}']");
        Assert.Equal($"/People/{app.Cast.PersonOf["staffA"]}", row.QuerySelector("[data-testid=record-subject] a")!.GetAttribute("href"));
        Assert.Equal(5, row.QuerySelectorAll("ul li").Length);
        // 人事科 reads the records, not the cases: no link to the case.
        Assert.Null(row.QuerySelector("a[href^='/Cases/']"));
        var mitigatedRow = all.Single($"[data-testid=records] tbody tr[data-case='{m.Mitigated.Id}']");
        Assert.Contains(Mitigation, mitigatedRow.TextContent);
        Assert.Single(mitigatedRow.QuerySelectorAll("ul li"));
        Assert.Contains("第十一条第（五）项", mitigatedRow.TextContent);

        var byPerson = await personnel.GetAsync($"/ResultUses?PersonId={app.Cast.PersonOf["staffA2"]}");
        Assert.Equal(new string?[] { m.Mitigated.Id.ToString() }, byPerson.All("[data-testid=records] tbody tr").Select(r => r.GetAttribute("data-case")));
        // A unit: the unit held accountable and the people of the unit.
        var branchA = await personnel.GetAsync($"/ResultUses?UnitId={app.Cast.BranchA}");
        Assert.Equal(2, branchA.All("[data-testid=records] tbody tr").Count);
        var branchB = await personnel.GetAsync($"/ResultUses?UnitId={app.Cast.BranchB}");
        var unitRow = branchB.Single("[data-testid=records] tbody tr");
        Assert.Contains("城西分局（单位）", Browser.Squash(unitRow.TextContent));

        // The procedure bodies read cases, so their list links to them.
        using var inv = await Browser.SignedInAsync(app, "inv");
        var invPage = await inv.GetAsync("/ResultUses");
        Assert.NotNull(invPage.Find($"[data-testid=records] a[href='/Cases/{m.Exempted.Id}']"));
    }

    [Theory]
    [AllDatabases]
    public async Task Only_personnel_and_the_procedure_bodies_query_result_uses(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var m = await MattersAsync(app);
        var staffA = app.Cast.PersonOf["staffA"];
        var question = CoverageUrl(staffA, caseId: m.Exempted.Id, use: "cadre-review");

        foreach (var user in new[] { "staffA", "leaderA", "policyowner" })
        {
            var refused = await app.As(user).GetAsync(question).ProblemAsync(HttpStatusCode.Forbidden);
            Assert.Equal("not-your-duty", refused.Code);
            await app.As(user).GetAsync("/api/result-uses/records").ProblemAsync(HttpStatusCode.Forbidden);
            await app.As(user).GetAsync($"/api/result-uses/cadre-review/{staffA}").ProblemAsync(HttpStatusCode.Forbidden);
            using var browser = await Browser.SignedInAsync(app, user);
            var page = await browser.GetAsync("/ResultUses");
            Assert.Equal(HttpStatusCode.Forbidden, page.Status);
            Assert.Contains("结果运用记录供人事科和容错免责程序中承担职责的机构查询。", page.Html); // the error page says why
            Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync($"/ResultUses/CadreReview/{staffA}")).Status);
            Assert.DoesNotContain("结果运用（第十一条）", (await browser.GetAsync("/")).Html);
        }
        foreach (var user in new[] { "personnel", "inv", "office", "m1" })
        {
            Assert.True((await app.As(user).GetOkAsync(question)).GetProperty("covered").GetBoolean());
            using var browser = await Browser.SignedInAsync(app, user);
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/ResultUses")).Status);
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/ResultUses/CadreReview/{staffA}")).Status);
        }
        // An unknown use or subject is a bad question, not a refusal.
        Assert.Equal("use-unknown", (await app.As("personnel").GetAsync(CoverageUrl(staffA, use: "promotion")).ProblemAsync(HttpStatusCode.BadRequest)).Code);
        Assert.Equal("subject-not-found", (await app.As("personnel").GetAsync(CoverageUrl(Guid.NewGuid(), use: "cadre-review")).ProblemAsync(HttpStatusCode.NotFound)).Code);
    }

    [Theory]
    [AllDatabases]
    public async Task The_cadre_review_lists_every_matter_of_the_person_with_its_status(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var m = await MattersAsync(app);
        var staffA = app.Cast.PersonOf["staffA"];

        var review = await app.As("personnel").GetOkAsync($"/api/result-uses/cadre-review/{staffA}");
        Assert.True(review.GetProperty("anyVetoRisk").GetBoolean());
        var statuses = review.GetProperty("matters").EnumerateArray()
            .ToDictionary(x => x.GetProperty("caseNumber").GetString()!, x => x.GetProperty("exemption").GetString());
        Assert.Equal(new Dictionary<string, string?>
        {
            [m.Exempted.Number] = "已予容错免责",
            [m.NotExempted.Number] = "不予容错免责",
            [m.NotApplied.Number] = "未申请容错免责",
        }, statuses);
        Assert.Equal($"何执法共有 3 个问责事项，其中 2 个未获容错免责保护，请审查组结合具体情况把握：{m.NotExempted.Number}、{m.NotApplied.Number}。",
            review.GetProperty("summary").GetString());

        using var personnel = await Browser.SignedInAsync(app, "personnel");
        var page = await personnel.GetAsync($"/ResultUses/CadreReview/{staffA}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(review.GetProperty("summary").GetString(), page.TextOf("[data-testid=cadre-summary]"));
        var rows = page.All("[data-testid=cadre-matters] tbody tr").ToDictionary(r => r.GetAttribute("data-number")!);
        Assert.Equal(3, rows.Count);
        Assert.Equal("已予容错免责", Browser.Squash(rows[m.Exempted.Number].QuerySelector("[data-testid=exemption]")!.TextContent));
        Assert.Equal("免于一票否决", Browser.Squash(rows[m.Exempted.Number].QuerySelector("[data-testid=veto]")!.TextContent));
        // The five uses in the article's order, （一） to （五）.
        Assert.Equal(Articles, rows[m.Exempted.Number].QuerySelectorAll("ul li").Select(li => Browser.Squash(li.TextContent)[..Articles[0].Length]));
        Assert.Equal("不予容错免责", Browser.Squash(rows[m.NotExempted.Number].QuerySelector("[data-testid=exemption]")!.TextContent));
        Assert.Equal("由审查组结合具体情况把握", Browser.Squash(rows[m.NotExempted.Number].QuerySelector("[data-testid=veto]")!.TextContent));
        Assert.Equal("未申请容错免责", Browser.Squash(rows[m.NotApplied.Number].QuerySelector("[data-testid=exemption]")!.TextContent));
        Assert.Equal($"/People/{staffA}", page.Single("[data-testid=person-name] a").GetAttribute("href"));

        // A mitigated matter names the mitigation; every matter exempted means no veto risk at all.
        var mitigated = await personnel.GetAsync($"/ResultUses/CadreReview/{app.Cast.PersonOf["staffA2"]}");
        Assert.Equal("从轻或减轻处理", mitigated.TextOf("[data-testid=exemption]"));
        Assert.Equal($"处理意见：{Mitigation}", mitigated.TextOf("[data-testid=mitigation]"));
        Assert.Equal("由审查组结合具体情况把握", mitigated.TextOf("[data-testid=veto]"));
        var clean = await personnel.GetAsync($"/ResultUses/CadreReview/{app.Cast.PersonOf["staffB"]}");
        Assert.Equal("杨执法没有问责事项记录。", clean.TextOf("[data-testid=cadre-summary]"));

        // The picker on /ResultUses sends the person as a query; an unknown person is not found.
        var picked = await personnel.SubmitAsync(await personnel.GetAsync("/ResultUses"), "[data-testid=cadre-review-form]", f => f.Set("personId", staffA.ToString()));
        Assert.Equal(review.GetProperty("summary").GetString(), picked.TextOf("[data-testid=cadre-summary]"));
        Assert.Equal(HttpStatusCode.NotFound, (await personnel.GetAsync($"/ResultUses/CadreReview/{Guid.NewGuid()}")).Status);
    }
}
