using System.Net;
using MiniExcelLibs;
using SafeHarbor.Cases;
using SafeHarbor.IntegrationTests.Pages;
using SafeHarbor.IntegrationTests.Support;
using SafeHarbor.PolicyRules;
using static SafeHarbor.IntegrationTests.Assessment.AssessmentArrange;

namespace SafeHarbor.IntegrationTests.Assessment;

/// <summary>The assessment pages: scheme, period, scoring, deductions, grades and the export, as 人事科 works through them.</summary>
[Article("12")]
public sealed class AssessmentPageTests
{
    [Theory, AllDatabases]
    public async Task The_personnel_section_assesses_through_the_pages_and_a_deduction_for_the_exempted_matter_is_refused_with_its_result_record(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var exempted = await app.DecidedCaseAsync("staffA", Outcome.Exempted);
        using var browser = await Browser.SignedInAsync(app, Personnel);
        Assert.Contains("考核", (await browser.GetAsync("/")).MenuTexts);

        var newScheme = await browser.GetAsync("/Assessment/Schemes");
        Assert.Equal(HttpStatusCode.OK, newScheme.Status);
        // Errors sit next to the fields, also on a row below a blank one.
        var wrong = await browser.SubmitAsync(newScheme, "form[data-testid=scheme-form]", f => f
            .Set("Input.Indicators[1].Code", "A").Set("Input.Indicators[1].Name", "依法履职").Set("Input.Indicators[1].MaxScore", "0"));
        Assert.Equal(HttpStatusCode.OK, wrong.Status);
        Assert.Equal("请填写方案名称。", wrong.FieldError("Input.Name"));
        Assert.Equal("请选择方案适用的单位类型。", wrong.FieldError("Input.UnitTypes"));
        Assert.Contains("第 1 项指标的满分须大于 0", wrong.FieldError("Input.Indicators[1].MaxScore"));
        Assert.Equal("A", FormFields.Of(wrong.Form("form[data-testid=scheme-form]"))["Input.Indicators[1].Code"]);
        var savedScheme = await browser.SubmitAsync(newScheme, "form[data-testid=scheme-form]", f => f
            .Set("Input.Name", "分局执法人员考核方案").Add("Input.UnitTypes", "Branch")
            .Set("Input.Indicators[0].Code", "A").Set("Input.Indicators[0].Name", "依法履职").Set("Input.Indicators[0].MaxScore", "50")
            .Set("Input.Indicators[1].Code", "B").Set("Input.Indicators[1].Name", "柔性执法与营商环境").Set("Input.Indicators[1].MaxScore", "50"));
        Assert.True(savedScheme.Location?.StartsWith("/Assessment/Schemes/", StringComparison.Ordinal), savedScheme.ToString());
        var scheme = await browser.FollowAsync(savedScheme);
        Assert.Equal(["integrity-assessment", "annual-target-assessment", "annual-appraisal"],
            scheme.All("input[name='Input.ProtectedByUses']:checked").Select(i => i.GetAttribute("value")!).ToArray());

        var index = await browser.GetAsync("/Assessment");
        var created = await browser.SubmitAsync(index, "form[data-testid=new-period]", f => f.Set("Input.Kind", "Quarterly").Set("Input.Year", "2026").Set("Input.Quarter", "3"));
        var periodPage = await browser.FollowAsync(created);
        Assert.Contains("2026年第三季度平时考核", periodPage.TextOf("h1"));
        Assert.Contains("向下取整", periodPage.TextOf("[data-testid=quota-rule]"));

        var assess = await browser.SubmitAsync(periodPage, "form[data-testid=add-person]", f => f.Set("personId", app.Cast.PersonOf["staffA"].ToString()));
        Assert.Equal(HttpStatusCode.OK, assess.Status);
        Assert.Contains("分局执法人员考核方案", assess.Text);
        Assert.Contains($"{exempted.Number}", assess.TextOf("[data-testid=matters]"));
        Assert.Contains("受保护，不得扣分", assess.TextOf("[data-testid=matters]"));
        var scored = await browser.FollowAsync(await browser.SubmitAsync(assess, "form[data-testid=scores]", f => f
            .Set("Input.Scores[0].Score", "46").Set("Input.Scores[1].Score", "46.5").Set("Input.Comment", "执法规范，服务意识强。")));
        Assert.Equal("92.5", scored.TextOf("[data-testid=summary] [data-testid=total]"));

        var refused = await browser.SubmitAsync(scored, "form[data-testid=deduct]", f => f
            .Set("Deduction.Points", "2").Set("Deduction.Reason", "跟踪抽检复查不及时。").Set("Deduction.CaseId", exempted.Id.ToString()));
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains($"不能以事项 {exempted.Number}", refused.Summary);
        Assert.Contains("第十一条第（一）项：在落实党风廉政建设责任制考核中免于扣分", refused.Summary);
        Assert.Equal("2", FormFields.Of(refused.Form("form[data-testid=deduct]"))["Deduction.Points"]);

        var deducted = await browser.FollowAsync(await browser.SubmitAsync(refused, "form[data-testid=deduct]", f => f
            .Set("Deduction.Points", "1").Set("Deduction.Reason", "执法文书送达回证填写不规范。").Set("Deduction.CaseId", "")));
        Assert.Equal("91.5", deducted.TextOf("[data-testid=summary] [data-testid=total]"));
        Assert.Contains("执法文书送达回证填写不规范。", deducted.TextOf("[data-testid=deductions]"));

        var period = await browser.GetAsync(periodPage.Url);
        var graded = await browser.FollowAsync(await browser.SubmitAsync(period, "form[data-testid=finalise]"));
        Assert.Equal("称职", graded.TextOf("tr[data-person='何执法'] [data-testid=grade]"));
        Assert.Contains("城东分局：参加考核 1 人，优秀比例 20%，优秀名额 ⌊1 × 20%⌋ = 0 名", graded.TextOf("[data-testid=quota]"));

        using var export = await browser.Client.GetAsync(graded.Single("[data-testid=export]").GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        using var stream = new MemoryStream(await export.Content.ReadAsByteArrayAsync());
        var row = Assert.Single(MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>());
        Assert.Equal("何执法", row["姓名"]);
        Assert.Equal(91.5m, Convert.ToDecimal(row["总分"]));
        Assert.Equal("称职", row["等次"]);

        // Closed: the page shows the results and offers no form to change them.
        var closed = await browser.FollowAsync(await browser.SubmitAsync(graded, "form[data-testid=close]"));
        Assert.NotNull(closed.Find("[data-testid=closed]"));
        Assert.Null(closed.Find("form[data-testid=finalise]"));
        var readOnly = await browser.GetAsync($"/Assessment/Periods/{closed.Url.Split('/').Last()}/Assess?personId={app.Cast.PersonOf["staffA"]}");
        Assert.Null(readOnly.Find("form[data-testid=deduct]"));
        Assert.Null(readOnly.Find("form[data-testid=scores] button[type=submit]"));
        Assert.Contains("已关闭，考核结果只读", readOnly.Text);

        // The person reads their own result once the period is closed.
        using var staffA = await Browser.SignedInAsync(app, "staffA");
        var mine = await staffA.GetAsync("/Assessment/Mine");
        Assert.Equal("91.5", mine.TextOf("[data-testid=result] [data-testid=total]"));
        Assert.Equal("称职", mine.TextOf("[data-testid=result] [data-testid=grade]"));
    }

    [Theory, AllDatabases]
    public async Task The_assessment_pages_are_for_the_personnel_section_only(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.SchemeAsync();
        var period = await app.PeriodAsync();
        var scheme = (await app.As(Personnel).GetOkAsync("/api/assessment/schemes"))[0].GetProperty("id").GetGuid();
        var pages = new[]
        {
            "/Assessment", "/Assessment/Schemes", $"/Assessment/Schemes/{scheme}", $"/Assessment/Periods/{period}",
            $"/Assessment/Periods/{period}/Assess?personId={app.Cast.PersonOf["staffA"]}", $"/Assessment/Periods/{period}?handler=Export",
        };
        foreach (var user in new[] { "staffA", "leaderA", "inv", "m1", "sysadmin" })
        {
            using var browser = await Browser.SignedInAsync(app, user);
            Assert.DoesNotContain("考核", (await browser.GetAsync("/")).MenuTexts);
            foreach (var page in pages)
            {
                Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync(page)).Status);
            }
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Assessment/Mine")).Status);
        }
        using var personnel = await Browser.SignedInAsync(app, Personnel);
        foreach (var page in pages)
        {
            Assert.Equal(HttpStatusCode.OK, (await personnel.GetAsync(page)).Status);
        }
    }
}
