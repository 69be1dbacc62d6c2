using System.Net;
using SafeHarbor.IntegrationTests.Pages;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Prevention;

/// <summary>Art. 9 in the browser: the analysis page, thresholds on it, risk points, warnings and their acknowledgement from the 待办.</summary>
[Article("9")]
public sealed class PreventionPageTests
{
    private static readonly string[] Leaders = ["leaderA", "leaderB", "leaderCounty"];

    [Theory, AllDatabases]
    public async Task Prevention_and_abuse_report_pages_open_only_to_those_entitled(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var visitors = new Visitors(app);

        await visitors.AssertAccessAsync("/Prevention", ok: PageArrange.Bodies);
        await visitors.AssertAccessAsync("/Prevention/RiskPoints", ok: PageArrange.Bodies);
        // A unit leader reads the warnings issued to the unit.
        await visitors.AssertAccessAsync("/Prevention/Warnings", ok: [.. PageArrange.Bodies, .. Leaders]);
        await visitors.AssertAccessAsync("/AbuseReports", ok: ["inv", "inv2", "guide"]);

        using var owner = await Browser.SignedInAsync(app, "policyowner");
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/Prevention")).Status);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/Prevention/RiskPoints")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.GetAsync("/AbuseReports")).Status);
        using var personnel = await Browser.SignedInAsync(app, "personnel");
        Assert.Equal(HttpStatusCode.Forbidden, (await personnel.GetAsync("/Prevention")).Status);

        using var leaderB = await Browser.SignedInAsync(app, "leaderB");
        var other = await app.As("office").PostJsonAsync("/api/prevention/warnings", new { title = "警示", text = "内容", unitIds = new[] { app.Cast.BranchA } }).OkAsync();
        var page = await leaderB.GetAsync($"/Prevention/Warnings/{other.GetProperty("id").GetGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
    }

    [Theory, AllDatabases]
    public async Task The_policy_owner_sets_a_threshold_on_the_page_and_the_flag_shows_highlighted_with_its_cases(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var owner = await Browser.SignedInAsync(app, "policyowner");

        var page = await owner.GetAsync("/Prevention");
        Assert.Contains("执法稽查科尚未设定使用中的预警阈值", page.TextOf("[data-testid=no-flags]"));
        Assert.Contains("局党组应进行针对性研究分析", page.TextOf("[data-testid=article-9]"));
        var refused = await owner.SubmitAsync(page, "[data-testid=new-threshold]", f => f
            .Set("Input.Dimension", "ErrorKind").Set("Input.ErrorKind", "跟踪复查不到位").Set("Input.Count", "1").Set("Input.Months", "12"));
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("2 至", refused.FieldError("Input.Count"));

        var set = await owner.SubmitAsync(page, "[data-testid=new-threshold]", f => f
            .Set("Input.Dimension", "ErrorKind").Set("Input.ErrorKind", "跟踪复查不到位").Set("Input.Count", "2").Set("Input.Months", "12"));
        Assert.Equal(HttpStatusCode.Redirect, set.Status);
        page = await owner.FollowAsync(set);
        Assert.Contains("已设定预警阈值", page.Text);
        Assert.Contains("失误类型“跟踪复查不到位”在12个月内达到2件", page.TextOf("[data-testid=threshold-list]"));

        var a = await app.MatterAsync("城东分局不予处罚后复查不及时");
        Assert.Empty((await owner.GetAsync("/Prevention")).All("[data-testid=flag]"));
        var b = await app.MatterAsync("城西分局责令改正后未复查", field: "特种设备", subject: "staffB");

        // The party group's office: the flag with the cases behind it, the kind highlighted in its table, a way to a risk point.
        using var office = await Browser.SignedInAsync(app, "office");
        var seen = await office.GetAsync("/Prevention");
        var flag = seen.Single("[data-testid=flag]");
        Assert.Equal("跟踪复查不到位", flag.GetAttribute("data-value"));
        var listed = Browser.Squash(seen.Single("[data-testid=flag-case-list]").TextContent);
        Assert.Contains(a.Number, listed);
        Assert.Contains("城西分局责令改正后未复查", listed);
        Assert.Contains(b.Number, listed);
        var kindRow = seen.Single("#by-kind tr[data-key='跟踪复查不到位']");
        Assert.Equal("true", kindRow.GetAttribute("data-flagged"));
        Assert.Contains("预警", kindRow.TextContent);
        Assert.Equal("false", seen.Single("#by-field tr[data-key='食品安全']").GetAttribute("data-flagged"));
        Assert.Equal(2, seen.All("#by-unit tbody tr[data-key]").Count);
        Assert.NotNull(seen.Find("[data-testid=to-risk-point]"));
        Assert.Null(seen.Find("[data-testid=new-threshold]"));
        Assert.Contains("不论是否提出申请、认定结果如何", seen.TextOf("[data-testid=counted]"));

        // The policy owner sees the flag without the cases.
        var ownerView = await owner.GetAsync("/Prevention");
        Assert.Single(ownerView.All("[data-testid=flag]"));
        Assert.NotNull(ownerView.Find("[data-testid=cases-hidden]"));
        Assert.DoesNotContain(a.Number, ownerView.Html);
        Assert.DoesNotContain("城西分局责令改正后未复查", ownerView.Html);
        Assert.Null(ownerView.Find("[data-testid=to-risk-point]"));

        // Edited to three cases: not reached any more.
        var edited = await owner.SubmitAsync(ownerView, "[data-testid=edit-threshold]", f => f.Set("Edit.Count", "3"));
        Assert.Equal(HttpStatusCode.Redirect, edited.Status);
        var afterEdit = await owner.FollowAsync(edited);
        Assert.Empty(afterEdit.All("[data-testid=flag]"));
        Assert.Contains("失误类型“跟踪复查不到位”在12个月内达到3件", afterEdit.TextOf("[data-testid=threshold-list]"));

        var deactivated = await owner.FollowAsync(await owner.SubmitAsync(afterEdit, "[data-testid=deactivate]"));
        Assert.Equal("false", deactivated.Single("[data-testid=threshold]").GetAttribute("data-active"));
        Assert.Contains("已停用", deactivated.TextOf("[data-testid=threshold]"));
    }

    [Theory, AllDatabases]
    public async Task A_flag_becomes_a_risk_point_then_a_warning_that_each_unit_leader_acknowledges_from_the_todo_list(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.ThresholdAsync("ErrorKind", "跟踪复查不到位", count: 2, months: 12);
        var a = await app.MatterAsync("城东分局不予处罚后复查不及时");
        var b = await app.MatterAsync("城西分局责令改正后未复查", field: "特种设备", subject: "staffB");

        using var office = await Browser.SignedInAsync(app, "office");
        var analysis = await office.GetAsync("/Prevention");
        var form = await office.GetAsync(analysis.Single("[data-testid=to-risk-point]").GetAttribute("href")!);
        Assert.Contains("已按预警情形", form.TextOf("[data-testid=prefilled]"));
        var fields = FormFields.Of(form.Form("[data-testid=risk-point-form]"));
        Assert.Contains("跟踪复查不到位", fields["Input.Title"]);
        Assert.Contains(a.Number, fields["Input.Description"]);
        Assert.Contains(b.Number, fields["Input.Description"]);
        Assert.Equal("跟踪复查不到位", fields["Input.ErrorKind"]);
        Assert.Equal(
            new[] { app.Cast.BranchA.ToString(), app.Cast.BranchB.ToString() }.Order(StringComparer.Ordinal),
            fields.Pairs.Where(p => p.Key == "Input.UnitIds").Select(p => p.Value).Order(StringComparer.Ordinal));

        var missing = await office.SubmitAsync(form, "[data-testid=risk-point-form]");
        Assert.Equal(HttpStatusCode.OK, missing.Status);
        Assert.Contains("请填写防范措施", missing.FieldError("Input.Measures"));
        var recorded = await office.SubmitAsync(missing, "[data-testid=risk-point-form]", f => f.Set("Input.Measures", "建立跟踪复查台账，到期提醒，复查到现场核实。"));
        Assert.Equal(HttpStatusCode.Redirect, recorded.Status);
        var register = await office.FollowAsync(recorded);
        Assert.Contains("已登记风险点", register.Text);
        var row = register.Single("[data-testid=risk-point]");
        Assert.Contains("城东分局、城西分局", row.TextContent);

        var issue = await office.GetAsync(row.QuerySelector("[data-testid=to-warning]")!.GetAttribute("href")!);
        var issued = await office.SubmitAsync(issue, "[data-testid=warning-form]");
        Assert.Equal(HttpStatusCode.Redirect, issued.Status);
        var detail = await office.FollowAsync(issued);
        Assert.Contains("已签收 0 / 2", detail.TextOf("[data-testid=ack-status]"));
        Assert.Contains("建立跟踪复查台账", detail.TextOf("[data-testid=warning-text]"));
        Assert.Null(detail.Find("[data-testid=acknowledge]"));
        var warningUrl = detail.Url;

        // 城东分局's leader finds it in the 待办 and acknowledges with a comment.
        using var leaderA = await Browser.SignedInAsync(app, "leaderA");
        var home = await leaderA.GetAsync("/");
        var todo = home.Single("[data-testid=other-todo]");
        Assert.Contains("警示提醒", todo.TextContent);
        Assert.Contains("跟踪复查不到位", todo.TextContent);
        var link = todo.QuerySelector("a")!;
        Assert.Equal("签收", Browser.Squash(link.TextContent));
        var ackPage = await leaderA.GetAsync(link.GetAttribute("href")!);
        var empty = await leaderA.SubmitAsync(ackPage, "[data-testid=acknowledge]");
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Contains("请填写签收意见", empty.FieldError("Comment"));
        var acknowledged = await leaderA.SubmitAsync(empty, "[data-testid=acknowledge]", f => f.Set("Comment", "已组织对照检查，建立复查台账。"));
        Assert.Equal(HttpStatusCode.Redirect, acknowledged.Status);
        var after = await leaderA.FollowAsync(acknowledged);
        Assert.Contains("已签收该警示提醒", after.Text);
        Assert.Equal("true", after.Single("[data-testid=recipient][data-unit='城东分局']").GetAttribute("data-acknowledged"));
        Assert.Null(after.Find("[data-testid=acknowledge]"));
        Assert.Null((await leaderA.GetAsync("/")).Find("[data-testid=other-todo]"));

        // The colleague has nothing to sign; 城西分局's leader still has it; the issuer sees who has not.
        using var staffA = await Browser.SignedInAsync(app, "staffA");
        Assert.Null((await staffA.GetAsync("/")).Find("[data-testid=other-todo]"));
        using var leaderB = await Browser.SignedInAsync(app, "leaderB");
        Assert.Contains("跟踪复查不到位", (await leaderB.GetAsync("/")).TextOf("[data-testid=other-todo]"));
        var list = await office.GetAsync("/Prevention/Warnings");
        Assert.Contains("已签收 1 / 2", list.TextOf("[data-testid=ack-status]"));
        Assert.Equal("城西分局", list.TextOf("[data-testid=pending-units]"));
        var issuerView = await office.GetAsync(warningUrl);
        Assert.Contains("已组织对照检查，建立复查台账。", issuerView.TextOf("[data-testid=recipient][data-unit='城东分局']"));
        Assert.Contains("未签收", issuerView.TextOf("[data-testid=recipient][data-unit='城西分局']"));
    }
}
