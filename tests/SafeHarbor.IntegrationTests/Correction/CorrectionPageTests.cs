using System.Net;
using SafeHarbor.Cases;
using SafeHarbor.IntegrationTests.Pages;
using SafeHarbor.IntegrationTests.Support;
using SafeHarbor.PolicyRules;
using static SafeHarbor.IntegrationTests.Correction.CorrectionArrange;

namespace SafeHarbor.IntegrationTests.Correction;

/// <summary>The 纠错整改 pages with a cookie browser: the list, the workspace of one case, 我的整改措施.</summary>
[Article("8")]
public sealed class CorrectionPageTests
{
    private static async Task<WebPage> SubmitAndFollowAsync(Browser browser, WebPage page, string form, Action<FormFields> fill)
    {
        var answer = await browser.SubmitAsync(page, form, fill);
        Assert.True(answer.Status == HttpStatusCode.Redirect, $"{form}: {(int)answer.Status} {answer.Summary} {answer.Text}");
        return await browser.FollowAsync(answer);
    }

    [Theory, AllDatabases]
    public async Task The_workspace_takes_an_exempted_case_from_the_talk_to_closure_through_its_forms(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var c = await app.DecidedCaseAsync();
        using var office = await Browser.SignedInAsync(app, "office");

        var list = await office.GetAsync("/Correction");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Contains("局党组采取个别谈话、发函提醒等方式", list.TextOf("[data-testid=article]"));
        Assert.Equal("待谈话或发函提醒", list.TextOf($"tr[data-case='{c.Id}'] [data-testid=stage]"));

        var page = await office.GetAsync($"/Correction/{c.Id}");
        Assert.Contains("第八条", page.TextOf("[data-testid=article]"));
        Assert.Equal($"/Cases/{c.Id}?handler=Document&kind=reminder-letter", page.Single("[data-testid=doc-reminder-letter]").GetAttribute("href"));
        Assert.Equal($"/Cases/{c.Id}?handler=Document&kind=talk-record", page.Single("[data-testid=doc-talk-record]").GetAttribute("href"));
        Assert.Equal($"/Cases/{c.Id}?handler=Document&kind=rectification-notice", page.Single("[data-testid=doc-rectification-notice]").GetAttribute("href"));
        Assert.Null(page.Find("[data-testid=plan-form]")); // the plan follows the analysis

        // A refusal comes back next to its field, nothing recorded.
        var refused = await office.SubmitAsync(page, "form[data-testid=talk-form]", f => f.Set("Talk.Points", ""));
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("请填写谈话要点", refused.FieldError("Talk.Points"));

        page = await SubmitAndFollowAsync(office, page, "form[data-testid=talk-form]", f => f
            .Set("Talk.TalkerPersonId", app.Cast.PersonOf["m1"].ToString())
            .Set("Talk.Points", "指出跟踪抽检不及时的问题，要求建立复查台账。"));
        Assert.Contains("谈话人 周书记 · 谈话对象 何执法", page.TextOf("[data-testid=talks]"));
        page = await SubmitAndFollowAsync(office, page, "form[data-testid=letter-form]", f => f.Set("Letter.Points", "提醒逐案明确复查时限和责任人。"));
        Assert.Contains("（未经本系统出具）", page.TextOf("[data-testid=letters]"));
        page = await SubmitAndFollowAsync(office, page, "form[data-testid=analysis-form]", f => f.Set("Analysis.Text", "跟踪复查没有台账，到期无提醒。"));
        Assert.Contains("跟踪复查没有台账", page.TextOf("[data-testid=analysis]"));

        // Blank rows are left out; a refusal names the row the user filled in.
        var badPlan = await office.SubmitAsync(page, "form[data-testid=plan-form]", f => f
            .Set("Plan.Measures[0].Text", "建立不予处罚案件跟踪复查台账。")
            .Set("Plan.Measures[2].Text", "组织专题培训。"));
        Assert.Equal(HttpStatusCode.OK, badPlan.Status);
        Assert.Equal("请选择措施责任人。", badPlan.FieldError("Plan.Measures[2].OwnerPersonId"));
        Assert.Equal("", badPlan.FieldError("Plan.Measures[0].OwnerPersonId"));
        page = await SubmitAndFollowAsync(office, page, "form[data-testid=plan-form]", f => f
            .Set("Plan.Measures[0].Text", "建立不予处罚案件跟踪复查台账。")
            .Set("Plan.Measures[1].Text", "分局组织专题培训。")
            .Set("Plan.Measures[1].OwnerPersonId", app.Cast.PersonOf["leaderA"].ToString())
            .Set("Plan.Measures[1].WorkingDays", "3"));
        Assert.Equal(2, page.All("table[data-testid=measures] tbody tr").Count);
        Assert.Equal("整改中", page.TextOf("[data-testid=stage]"));
        Assert.Contains("还有 2 项整改措施未完成", page.TextOf("[data-testid=close-blocker]"));
        Assert.Null(page.Find("[data-testid=complete-form]")); // the office owns no measure
        var stalePage = page;

        // The owner reports on the workspace (he sees his own case); his leader on 我的整改措施.
        using (var staffA = await Browser.SignedInAsync(app, "staffA"))
        {
            var own = await staffA.GetAsync($"/Correction/{c.Id}");
            Assert.Null(own.Find("[data-testid=talk-form]"));
            own = await SubmitAndFollowAsync(staffA, own, "form[data-testid=complete-form]", f => f.Set("Completion.Evidence", "台账已建立，附截图。"));
            Assert.Contains("台账已建立，附截图。", own.TextOf("table[data-testid=measures]"));
        }
        using (var leaderA = await Browser.SignedInAsync(app, "leaderA"))
        {
            var mine = await leaderA.GetAsync("/Correction/Mine");
            Assert.Contains("分局组织专题培训。", mine.TextOf("table[data-testid=my-measures]"));
            await SubmitAndFollowAsync(leaderA, mine, "form[data-testid=complete-form]", f => f.Set("Completion.Evidence", "培训已开展，附签到表。"));
        }

        // The office's page is two versions old: its follow-up is refused, not written over the owners' reports.
        var stale = await office.SubmitAsync(stalePage, "form[data-testid=follow-up-form]", f => f.Set("FollowUp.Finding", "检查。").Set("FollowUp.Satisfactory", "true"));
        Assert.Equal(HttpStatusCode.OK, stale.Status);
        Assert.Contains("已被他人修改", stale.Summary);

        using (var inv = await Browser.SignedInAsync(app, "inv"))
        {
            var check = await inv.GetAsync($"/Correction/{c.Id}");
            Assert.Null(check.Find("[data-testid=close-panel]"));
            check = await SubmitAndFollowAsync(inv, check, "form[data-testid=follow-up-form]", f => f
                .Set("FollowUp.Finding", "抽查台账，均按期复查；培训已开展。")
                .Set("FollowUp.Satisfactory", "true"));
            Assert.Contains("整改到位", check.TextOf("[data-testid=checks]"));
        }

        page = await office.GetAsync($"/Correction/{c.Id}");
        page = await SubmitAndFollowAsync(office, page, "form[data-testid=close-form]", f => f.Set("Closure.Summary", "两项措施完成并经检查到位，附台账和签到表。"));
        Assert.Equal("已验收销号", page.TextOf("[data-testid=plan-status]"));
        Assert.Contains("两项措施完成并经检查到位", page.TextOf("[data-testid=closure]"));
        foreach (var form in new[] { "analysis-form", "measure-form", "follow-up-form", "close-panel", "complete-form" })
        {
            Assert.Null(page.Find($"[data-testid={form}]"));
        }
        Assert.Equal("已验收销号", (await office.GetAsync("/Correction")).TextOf($"tr[data-case='{c.Id}'] [data-testid=stage]"));
    }

    [Theory, AllDatabases]
    public async Task The_pages_are_for_those_who_may_see_the_case_and_a_case_not_exempted_says_why_it_has_no_correction(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var c = await app.DecidedCaseAsync();
        var refused = await app.DecidedCaseAsync(Outcome.NotExempted, subject: "staffA2");

        using var staffB = await Browser.SignedInAsync(app, "staffB");
        Assert.Equal(HttpStatusCode.NotFound, (await staffB.GetAsync($"/Correction/{c.Id}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await staffB.GetAsync("/Correction")).Status);
        Assert.Contains("没有由您负责的整改措施", (await staffB.GetAsync("/Correction/Mine")).Text);
        Assert.DoesNotContain("纠错整改", (await staffB.GetAsync("/")).MenuTexts);

        using var leaderA = await Browser.SignedInAsync(app, "leaderA");
        var read = await leaderA.GetAsync($"/Correction/{c.Id}");
        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Empty(read.All("main form[method=post]")); // a reader has nothing to submit (the header signs out, the session dialog renews)

        using var office = await Browser.SignedInAsync(app, "office");
        Assert.Contains("纠错整改", (await office.GetAsync("/")).MenuTexts);
        var notApplicable = await office.GetAsync($"/Correction/{refused.Id}");
        Assert.Equal(HttpStatusCode.OK, notApplicable.Status);
        Assert.Contains("不予容错免责", notApplicable.TextOf("[data-testid=not-applicable]"));
        Assert.Null(notApplicable.Find("[data-testid=talk-form]"));
        Assert.Null((await office.GetAsync("/Correction")).Find($"tr[data-case='{refused.Id}']"));
    }
}
