using System.Net;
using SafeHarbor.Cases;
using SafeHarbor.IntegrationTests.Support;
using SafeHarbor.PolicyRules;
using static SafeHarbor.IntegrationTests.Assessment.AssessmentArrange;

namespace SafeHarbor.IntegrationTests.Assessment;

/// <summary>Art. 11 in the assessment (Art. 12): a matter exempted for the person brings no deduction; other matters do.</summary>
[Article("11", "12")]
public sealed class DeductionTests
{
    [Theory, AllDatabases]
    public async Task A_deduction_for_an_exempted_matter_is_refused_naming_the_result_record_and_one_for_another_matter_is_accepted(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var exempted = await app.DecidedCaseAsync("staffA", Outcome.Exempted);
        var notExempted = await app.DecidedCaseAsync("staffA", Outcome.NotExempted);
        await app.SchemeAsync();
        var period = await app.PeriodAsync();
        var assessment = await app.AssessOkAsync(period, "staffA", 92);
        var id = assessment.GetProperty("id").GetGuid();
        Assert.Equal(1, assessment.GetProperty("version").GetInt32());
        var personnel = app.As(Personnel);

        var refused = await personnel.PostJsonAsync($"/api/assessment/assessments/{id}/deductions",
            new { points = 3, reason = "跟踪抽检复查不及时。", caseId = exempted.Id }, ifMatch: 1).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("exempted-matter", refused.Code);
        Assert.Contains($"事项 {exempted.Number}", refused.Title);
        Assert.Contains("第十一条第（一）项：在落实党风廉政建设责任制考核中免于扣分", refused.Title);
        Assert.Contains("第十一条第（二）项：在年度综合目标考核中免于扣分", refused.Title);
        Assert.Contains("第十一条第（四）项：在年度考核、评先表优中不作负面评价", refused.Title);
        Assert.Contains("何执法", refused.Title);
        Assert.DoesNotContain("第十一条第（三）项", refused.Title);

        var unchanged = await personnel.GetOkAsync($"/api/assessment/assessments/{id}");
        Assert.Equal(92m, unchanged.GetProperty("total").GetDecimal());
        Assert.Empty(unchanged.GetProperty("deductions").EnumerateArray());
        Assert.Equal(1, unchanged.GetProperty("version").GetInt32());

        using var accepted = await personnel.PostJsonAsync($"/api/assessment/assessments/{id}/deductions",
            new { points = 3, reason = "对亲属经营的商户未回避。", caseId = notExempted.Id }, ifMatch: 1);
        Assert.Equal("\"2\"", accepted.Headers.ETag?.Tag);
        var after = await Task.FromResult(accepted).OkAsync();
        Assert.Equal(89m, after.GetProperty("total").GetDecimal());
        Assert.Equal(3m, after.GetProperty("deductionSum").GetDecimal());
        var deduction = Assert.Single(after.GetProperty("deductions").EnumerateArray());
        Assert.Equal(notExempted.Number, deduction.GetProperty("caseNumber").GetString());
        Assert.Equal("黄人事", deduction.GetProperty("recordedBy").GetString());

        // A deduction with no matter is accepted too; one on the version seen before is refused.
        var stale = await personnel.PostJsonAsync($"/api/assessment/assessments/{id}/deductions",
            new { points = 1, reason = "案卷文书不规范。" }, ifMatch: 1).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("concurrency-conflict", stale.Code);
        var plain = await personnel.PostJsonAsync($"/api/assessment/assessments/{id}/deductions",
            new { points = 1, reason = "案卷文书不规范。" }, ifMatch: 2).OkAsync();
        Assert.Equal(88m, plain.GetProperty("total").GetDecimal());

        // The audit chain holds the accepted deductions and none of the refused one.
        var audit = await app.WithDbAsync(d => Task.FromResult(d.AuditEntries.Where(e => e.Action == "AddAssessmentDeduction").Select(e => e.Details).ToList()));
        Assert.Equal(2, audit.Count);
        Assert.DoesNotContain(audit, d => d.Contains(exempted.Number));
    }

    [Theory, AllDatabases]
    public async Task A_matter_the_person_is_not_held_accountable_for_cannot_be_the_reason_and_a_mitigated_matter_is_not_protected(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var staffBMatter = await new Support.Procedure(app).RegisterAsync("staffB");
        // Mitigated handling carries only Art. 11(5) (lighter discipline), which the default scheme does not list.
        var mitigated = await app.DecidedCaseAsync("staffA", Outcome.Mitigated);
        await app.SchemeAsync();
        var period = await app.PeriodAsync();
        var id = (await app.AssessOkAsync(period, "staffA", 92)).GetProperty("id").GetGuid();
        var personnel = app.As(Personnel);

        var foreign = await personnel.PostJsonAsync($"/api/assessment/assessments/{id}/deductions",
            new { points = 2, reason = "他人事项。", caseId = staffBMatter.Id }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("validation-failed", foreign.Code);
        Assert.Contains($"不是事项 {staffBMatter.Number} 的问责对象", foreign.Title);
        Assert.Contains("问责对象", foreign.Body.GetProperty("errors").GetProperty("caseId")[0].GetString());

        var matters = await personnel.GetOkAsync($"/api/assessment/people/{app.Cast.PersonOf["staffA"]}/matters");
        var matter = Assert.Single(matters.EnumerateArray());
        Assert.Equal(mitigated.Number, matter.GetProperty("number").GetString());
        Assert.StartsWith("从轻或减轻处理", matter.GetProperty("exemption").GetString());
        Assert.Empty(matter.GetProperty("protectedBy").EnumerateArray());

        var deducted = await personnel.PostJsonAsync($"/api/assessment/assessments/{id}/deductions",
            new { points = 2, reason = "复查程序存在过失，经认定从轻处理。", caseId = mitigated.Id }).OkAsync();
        Assert.Equal(90m, deducted.GetProperty("total").GetDecimal());
    }

    [Theory, AllDatabases]
    public async Task A_deduction_that_stands_for_a_matter_exempted_later_blocks_the_grades_until_it_is_removed(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var flow = new Support.Procedure(app);
        var matter = await flow.ReportedCaseAsync("staffA");
        await app.SchemeAsync();
        var period = await app.PeriodAsync();
        var id = (await app.AssessOkAsync(period, "staffA", 92)).GetProperty("id").GetGuid();
        var personnel = app.As(Personnel);
        var deducted = await personnel.PostJsonAsync($"/api/assessment/assessments/{id}/deductions",
            new { points = 2, reason = "跟踪抽检复查不及时（事项尚在认定中）。", caseId = matter.Id }).OkAsync();
        var deductionId = deducted.GetProperty("deductions")[0].GetProperty("id").GetGuid();

        await flow.DecideAtMeetingAsync(matter, Outcome.Exempted);

        var flagged = await personnel.GetOkAsync($"/api/assessment/assessments/{id}");
        Assert.Contains("第十一条第（一）项", flagged.GetProperty("deductions")[0].GetProperty("protectedBy").GetString());
        var blocked = await personnel.PostJsonAsync($"/api/assessment/periods/{period}/grades", null).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("protected-deduction", blocked.Code);
        Assert.Contains($"事项 {matter.Number}", blocked.Title);
        using (var browser = await Pages.Browser.SignedInAsync(app, Personnel))
        {
            var todo = (await browser.GetAsync("/")).TextOf("[data-testid=other-todo]");
            Assert.Contains($"何执法的扣分所涉事项 {matter.Number} 已予容错免责，应撤销", todo);
            Assert.Contains("撤销扣分", todo);
        }

        using var removed = await personnel.DeleteAsync($"/api/assessment/assessments/{id}/deductions/{deductionId}");
        Assert.Equal(92m, (await Task.FromResult(removed).OkAsync()).GetProperty("total").GetDecimal());
        var graded = await personnel.PostJsonAsync($"/api/assessment/periods/{period}/grades", null).OkAsync();
        Assert.Equal("Competent", graded.GradeOf("何执法"));
        using (var browser = await Pages.Browser.SignedInAsync(app, Personnel))
        {
            var todo = (await browser.GetAsync("/")).Find("[data-testid=other-todo]")?.TextContent ?? "";
            Assert.DoesNotContain("应撤销", todo);
            Assert.DoesNotContain("评定等次", todo);
        }
    }
}
