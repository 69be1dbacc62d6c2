using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using SafeHarbor.Cases;
using SafeHarbor.IntegrationTests.Procedure;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Pages;

/// <summary>Step forms post through the same handlers as the API: refusals next to the fields, stale versions refused, nothing half-saved.</summary>
public sealed partial class StepFormTests
{
    /// <summary>The row index the application form gives a policy item.</summary>
    internal static int ClaimIndex(WebPage page, string code)
    {
        var hidden = page.All("input[type=hidden][name^='Input.Claims[']").Single(i => i.GetAttribute("value") == code);
        return int.Parse(ClaimRow().Match(hidden.GetAttribute("name")!).Groups[1].Value);
    }

    [GeneratedRegex(@"^Input\.Claims\[(\d+)\]\.Code$")]
    private static partial Regex ClaimRow();

    /// <summary>Fills the application form as the applicant would: the three texts and the ticked conditions with reasons.</summary>
    internal static Action<FormFields> Application(WebPage page, string facts, params string[] claims) => f =>
    {
        f.Set("Input.Facts", facts)
            .Set("Input.EffectAndLosses", "一批次散装熟食不合格，货值约600元，已下架销毁，未造成危害。")
            .Set("Input.RecoveryMeasures", "当日督促下架召回，补做抽检，建立跟踪复查台账。");
        foreach (var code in claims)
        {
            var i = ClaimIndex(page, code);
            f.Set($"Input.Claims[{i}].Claimed", "true").Set($"Input.Claims[{i}].Explanation", $"符合{code}：有执法记录和整改材料为证。");
        }
    };

    [Theory, AllDatabases]
    public async Task An_application_without_facts_is_shown_again_with_the_message_next_to_the_field_and_nothing_is_saved(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var c = await app.CaseInStatusAsync(CaseStatus.Registered);
        using var staffA = await Browser.SignedInAsync(app, "staffA");
        var form = await staffA.GetAsync($"/Cases/{c.Id}/Apply");
        Assert.Equal(HttpStatusCode.OK, form.Status);

        var refused = await staffA.SubmitAsync(form, "main form[method=post]", Application(form, "   ", "c1"));
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal("请填写失误错误的事实经过。", refused.FieldError("Input.Facts"));
        Assert.Equal("", refused.FieldError("Input.EffectAndLosses"));
        // What the applicant typed is kept: the ticked condition and its reason.
        var c1 = ClaimIndex(refused, "c1");
        Assert.NotNull(refused.Find($"input[name='Input.Claims[{c1}].Claimed'][checked]"));
        Assert.Contains("符合c1", refused.Find($"textarea[name='Input.Claims[{c1}].Explanation']")?.TextContent);

        var detail = await app.DetailAsync(c);
        Assert.Equal("Registered", detail.GetProperty("status").GetString());
        Assert.Equal(1, detail.GetProperty("version").GetInt32());
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("application").ValueKind);
        Assert.Equal(["Register"], await app.TimelineAsync(c));

        // A reason missing for a ticked condition is shown next to that condition's text box.
        var noReason = await staffA.SubmitAsync(form, "main form[method=post]", f =>
        {
            Application(form, "依据不予处罚清单作出决定并开展教育引导。", "c6")(f);
            f.Set($"Input.Claims[{ClaimIndex(form, "c6")}].Explanation", "");
        });
        Assert.Equal(HttpStatusCode.OK, noReason.Status);
        Assert.Equal("请填写主张该项条件的理由。", noReason.FieldError($"Input.Claims[{ClaimIndex(form, "c6")}].Explanation"));
        Assert.Equal(["Register"], await app.TimelineAsync(c));
    }

    [Theory, AllDatabases]
    public async Task A_valid_application_redirects_to_the_case_page_which_shows_it_awaiting_verification(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var c = await app.CaseInStatusAsync(CaseStatus.Registered);
        using var staffA = await Browser.SignedInAsync(app, "staffA");
        var form = await staffA.GetAsync($"/Cases/{c.Id}/Apply");

        var sent = await staffA.SubmitAsync(form, "main form[method=post]", Application(form, "依据不予处罚清单作出决定并开展教育引导，因同期任务集中，跟踪抽检复查延迟。", "c1", "c6"));
        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        Assert.Equal($"/Cases/{c.Id}", sent.Location);
        var casePage = await staffA.FollowAsync(sent);
        Assert.Equal("待核实", casePage.TextOf("[data-testid=status]"));
        Assert.Contains("容错免责申请已提交", casePage.TextOf("main > [role=status]"));
        Assert.Contains("因同期任务集中，跟踪抽检复查延迟", casePage.TextOf("section[aria-labelledby=s-app]"));

        var detail = await app.DetailAsync(c);
        Assert.Equal("Submitted", detail.GetProperty("status").GetString());
        Assert.Equal(["c1", "c6"], detail.GetProperty("application").GetProperty("claims").EnumerateArray().Select(x => x.GetProperty("code").GetString()!).ToArray());
        Assert.Equal(["Register", "Apply"], await app.TimelineAsync(c));
    }

    [Theory, AllDatabases]
    public async Task A_form_based_on_a_version_someone_else_has_changed_shows_the_concurrency_message_and_changes_nothing(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var c = await app.CaseInStatusAsync(CaseStatus.Verifying);
        using var inv = await Browser.SignedInAsync(app, "inv");
        var page = await inv.GetAsync($"/Cases/{c.Id}/Verify");
        var seen = (await app.DetailAsync(c)).GetProperty("version").GetInt32();
        Assert.Equal(seen.ToString(), FormFields.Of(page.Form("#findings"))["Version"]);

        // Meanwhile a colleague records a finding.
        await new Support.Procedure(app).FindAsync(c, "c1", PolicyRules.Verdict.Met, investigator: "inv2");

        var stale = await inv.SubmitAsync(page, "#findings", f => f.Finding("within-duties", "Met", "经核实，在依法履职过程中。"));
        Assert.Equal(HttpStatusCode.OK, stale.Status);
        Assert.Contains("已被他人修改", stale.Summary);
        var detail = await app.DetailAsync(c);
        Assert.Equal(seen + 1, detail.GetProperty("version").GetInt32());
        Assert.Equal(["c1"], detail.GetProperty("findings").EnumerateArray().Select(x => x.GetProperty("code").GetString()!).ToArray());

        // Reloaded, the same form goes through.
        var fresh = await inv.GetAsync($"/Cases/{c.Id}/Verify");
        var saved = await inv.SubmitAsync(fresh, "#findings", f => f.Finding("within-duties", "Met", "经核实，在依法履职过程中。"));
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(["c1", "within-duties"], (await app.DetailAsync(c)).GetProperty("findings").EnumerateArray().Select(x => x.GetProperty("code").GetString()!).Order().ToArray());
    }

    [Theory, AllDatabases]
    public async Task The_same_application_form_sent_twice_changes_the_case_once(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var c = await app.CaseInStatusAsync(CaseStatus.Registered);
        using var staffA = await Browser.SignedInAsync(app, "staffA");
        var form = await staffA.GetAsync($"/Cases/{c.Id}/Apply");
        var fields = FormFields.Of(form.Form("main form[method=post]"));
        Application(form, "依据不予处罚清单作出决定并开展教育引导。", "c1")(fields);

        var first = await staffA.PostAsync($"/Cases/{c.Id}/Apply", fields);
        var second = await staffA.PostAsync($"/Cases/{c.Id}/Apply", fields);

        Assert.Equal(HttpStatusCode.Redirect, first.Status);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Null(second.Find("textarea[name='Input.Facts']"));
        Assert.Equal(["Register", "Apply"], await app.TimelineAsync(c));
        Assert.Equal(2, (await app.DetailAsync(c)).GetProperty("version").GetInt32());
    }

    [Theory, AllDatabases]
    public async Task An_application_overtaken_by_another_applicant_is_refused_with_the_concurrency_message_on_the_page(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        // The matter holds both 城东分局 (through its leader) and staffA accountable: either may apply.
        var c = await app.RegisterWithSubjectsAsync((SubjectKind.Unit, app.Cast.BranchA), (SubjectKind.Person, app.Cast.PersonOf["staffA"]));
        using var staffA = await Browser.SignedInAsync(app, "staffA");
        using var leaderA = await Browser.SignedInAsync(app, "leaderA");
        var staffForm = await staffA.GetAsync($"/Cases/{c.Id}/Apply");
        var leaderForm = await leaderA.GetAsync($"/Cases/{c.Id}/Apply");
        Assert.Equal("Unit", FormFields.Of(leaderForm.Form("main form[method=post]"))["Input.ApplicantKind"]);

        var byUnit = await leaderA.SubmitAsync(leaderForm, "main form[method=post]", Application(leaderForm, "单位名义：跟踪抽检复查延迟。", "c6"));
        Assert.Equal(HttpStatusCode.Redirect, byUnit.Status);
        var late = await staffA.SubmitAsync(staffForm, "main form[method=post]", Application(staffForm, "个人名义：跟踪抽检复查延迟。", "c1"));

        Assert.Equal(HttpStatusCode.OK, late.Status);
        Assert.Equal(["Register", "Apply"], await app.TimelineAsync(c));
        Assert.Equal("Unit", (await app.DetailAsync(c)).GetProperty("application").GetProperty("applicantKind").GetString());
        Assert.True(late.Text.Contains("已被他人修改"),
            $"staffA's application was refused but the page does not say so (the message is rendered inside the form, which is hidden once the case has an application). The page says: {late.Text}");
    }

    [Theory, AllDatabases]
    public async Task The_same_withdrawal_sent_twice_withdraws_once_and_the_second_shows_the_concurrency_message(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var c = await app.CaseInStatusAsync(CaseStatus.Submitted);
        using var staffA = await Browser.SignedInAsync(app, "staffA");
        var form = await staffA.GetAsync($"/Cases/{c.Id}/Withdraw");
        var fields = FormFields.Of(form.Form("main form[method=post]")).Set("Input.Reason", "经重新考虑，不再申请容错免责。");

        var first = await staffA.PostAsync($"/Cases/{c.Id}/Withdraw", fields);
        var second = await staffA.PostAsync($"/Cases/{c.Id}/Withdraw", fields);

        Assert.Equal(HttpStatusCode.Redirect, first.Status);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Contains("已被他人修改", second.Summary);
        Assert.Equal(["Register", "Apply", "Withdraw"], await app.TimelineAsync(c));
        Assert.Equal("Withdrawn", (await app.DetailAsync(c)).GetProperty("status").GetString());
    }

    [Theory, AllDatabases]
    public async Task A_step_form_without_a_reason_is_refused_next_to_the_field(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var c = await app.CaseInStatusAsync(CaseStatus.Submitted);
        using var staffA = await Browser.SignedInAsync(app, "staffA");
        var form = await staffA.GetAsync($"/Cases/{c.Id}/Withdraw");

        var refused = await staffA.SubmitAsync(form, "main form[method=post]", f => f.Set("Input.Reason", ""));
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.NotEqual("", refused.FieldError("Input.Reason"));
        Assert.Equal("待核实", refused.TextOf("[data-testid=status]"));
        Assert.Equal(["Register", "Apply"], await app.TimelineAsync(c));
    }

    [Theory, AllDatabases]
    public async Task Guidance_and_more_material_are_asked_for_and_answered_through_their_pages(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var c = await app.CaseInStatusAsync(CaseStatus.Verifying);
        using var inv = await Browser.SignedInAsync(app, "inv");
        using var guide = await Browser.SignedInAsync(app, "guide");
        using var staffA = await Browser.SignedInAsync(app, "staffA");

        // 局机关纪委 asks 驻局纪检监察组 for guidance; the question waits on the guidance group's home page.
        var verify = await inv.GetAsync($"/Cases/{c.Id}/Verify");
        var asked = await inv.SubmitAsync(verify, "form[action$='handler=Guidance']", f => f.Set("Guidance.Question", "跟踪抽检延迟是否影响认定第四条第（一）项？"));
        Assert.Equal(HttpStatusCode.Redirect, asked.Status);
        var todo = (await guide.GetAsync("/")).All("table[data-testid=todo] a.btn").Select(a => (Browser.Squash(a.TextContent), a.GetAttribute("href"))).ToArray();
        Assert.Equal([("反馈指导意见", $"/Cases/{c.Id}/Guidance")], todo);

        var guidance = await guide.GetAsync($"/Cases/{c.Id}/Guidance");
        Assert.Contains("跟踪抽检延迟是否影响认定第四条第（一）项？", guidance.Text);
        var empty = await guide.SubmitAsync(guidance, "main form[method=post]", f => f.Set("Input.Reply", ""));
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.NotEqual("", empty.FieldError("Input.Reply"));
        var replied = await guide.SubmitAsync(guidance, "main form[method=post]", f => f.Set("Input.Reply", "属于贯彻落实柔性执法制度规定的情形，请结合台账核实。"));
        Assert.Equal(HttpStatusCode.Redirect, replied.Status);
        Assert.Contains("属于贯彻落实柔性执法制度规定的情形", (await inv.GetAsync($"/Cases/{c.Id}/Verify")).Text);
        Assert.Empty((await guide.GetAsync("/")).All("table[data-testid=todo] tbody tr"));

        // More material from the applicant, within working days shown on the applicant's home page.
        verify = await inv.GetAsync($"/Cases/{c.Id}/Verify");
        var requested = await inv.SubmitAsync(verify, "form[action$='handler=Supplement']", f => f.Set("Supplement.Items", "请补充跟踪抽检台账复印件。").Set("Supplement.WorkingDays", "3"));
        Assert.Equal(HttpStatusCode.Redirect, requested.Status);
        var row = (await staffA.GetAsync("/")).All("table[data-testid=todo] tbody tr").Single();
        Assert.Equal($"/Cases/{c.Id}/Supplement", row.QuerySelector("a.btn")?.GetAttribute("href"));
        Assert.StartsWith("补充材料期限：", Browser.Squash(row.QuerySelector("[data-testid=deadline]")?.TextContent));

        var supplement = await staffA.GetAsync($"/Cases/{c.Id}/Supplement");
        Assert.Contains("请补充跟踪抽检台账复印件。", supplement.Text);
        var answered = await staffA.SubmitAsync(supplement, "main form[method=post]", f => f.Set("Input.Text", "已补充跟踪抽检台账复印件三页。"));
        Assert.Equal(HttpStatusCode.Redirect, answered.Status);
        Assert.Equal("核实中", (await staffA.FollowAsync(answered)).TextOf("[data-testid=status]"));
        Assert.Equal(["Register", "Apply", "StartVerification", "RequestGuidance", "ReplyGuidance", "RequestSupplement", "SubmitSupplement"], await app.TimelineAsync(c));
    }
}
