using System.Net;
using System.Text.Json;
using SafeHarbor.IntegrationTests.Assessment;
using SafeHarbor.IntegrationTests.Correction;
using SafeHarbor.IntegrationTests.Pages;
using SafeHarbor.IntegrationTests.ResultUses;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Profiles;

/// <summary>
/// 个人档案 (Art. 11–13): GET /api/people/{personId}/profile and the page /People/{personId} bring together a person's
/// matters with their outcome and uses, the correction, the assessments and the care and incentive records — for
/// 人事科, the procedure bodies, the person and the leaders over the person's unit, each section under its own rule.
/// </summary>
[Article("11", "12", "13")]
public sealed class ProfileTests
{
    private const string Closure = "台账已建立并运行，经局机关纪委检查整改到位。";

    /// <summary>
    /// The matters of <see cref="ResultUsesArrange"/>; the exempted one of 何执法 corrected to closure (a talk, a letter,
    /// the analysis, one measure of his, done, checked, closed); a closed quarter in which 何执法 is graded 优秀 and
    /// 林执法 基本称职; a commendation and a heart-to-heart talk for 何执法.
    /// </summary>
    private static async Task<Matters> ArrangeAsync(TestApp app)
    {
        var m = await ResultUsesArrange.MattersAsync(app);
        var c = m.Exempted;
        await app.As("office").PostJsonAsync($"{c.CorrectionUrl()}/talks", CorrectionArrange.Talk(app)).OkAsync();
        await app.As("office").PostJsonAsync($"{c.CorrectionUrl()}/reminder-letters", CorrectionArrange.Letter(app)).OkAsync();
        var plan = await app.PlanAsync(c, ("staffA", 5));
        await app.CompleteAsync(c, CorrectionArrange.MeasureOf(plan, app, "staffA"), "staffA").OkAsync();
        await app.FollowUpAsync(c, "inv").OkAsync();
        await app.As("office").PostJsonAsync($"{c.CorrectionUrl()}/plan/closure", new { summary = Closure }).OkAsync();

        await app.SchemeAsync(AssessmentArrange.SchemeBody(quota: 50));
        var period = await app.PeriodAsync();
        await app.AssessOkAsync(period, "staffA", 92);
        await app.AssessOkAsync(period, "staffA2", 70);
        await app.As("personnel").PostJsonAsync($"/api/assessment/periods/{period}/grades", null).OkAsync();
        await app.As("personnel").PostJsonAsync($"/api/assessment/periods/{period}/close", null).OkAsync();

        var staffA = app.Cast.PersonOf["staffA"];
        await app.As("personnel").PostJsonAsync("/api/incentives/commendations", new
        {
            kind = "Regular", personId = staffA, title = "2026年第三季度执法标兵", basis = "首违不罚案件办理规范，回访及时。",
            awardedBy = "测试市局", awardedOn = app.Clock.Today,
        }).OkAsync();
        await app.As("personnel").PostJsonAsync("/api/incentives/talks", new
        {
            personId = staffA, heldOn = app.Clock.Today, talkerPersonId = app.Cast.PersonOf["leaderA"],
            topics = "了解容错免责后的思想状态，鼓励大胆履职。", followUp = "一个月后回访。",
        }).OkAsync();
        return m;
    }

    private static string Url(TestApp app, string person) => $"/api/people/{app.Cast.PersonOf[person]}/profile";

    private static JsonElement CaseOf(JsonElement profile, CaseRef c) =>
        profile.GetProperty("cases").EnumerateArray().Single(x => x.GetProperty("caseId").GetGuid() == c.Id);

    [Theory]
    [AllDatabases]
    public async Task The_profile_brings_together_cases_uses_corrections_assessments_and_incentives(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var m = await ArrangeAsync(app);

        var profile = await app.As("personnel").GetOkAsync(Url(app, "staffA"));
        var person = profile.GetProperty("person");
        Assert.Equal("何执法", person.GetProperty("name").GetString());
        Assert.Equal("城东分局", person.GetProperty("unitName").GetString());
        Assert.Equal("干部", person.GetProperty("post").GetString());
        Assert.False(person.GetProperty("isLeader").GetBoolean());
        Assert.True(person.GetProperty("frontLine").GetBoolean());
        Assert.False(profile.GetProperty("own").GetBoolean());

        // Every matter of the person with its outcome and its uses.
        Assert.Equal(3, profile.GetProperty("cases").GetArrayLength());
        var exempted = CaseOf(profile, m.Exempted);
        Assert.Equal("已予容错免责", exempted.GetProperty("exemption").GetString());
        Assert.Equal("予以容错免责", exempted.GetProperty("outcomeName").GetString());
        Assert.Equal("问责对象、申请人", exempted.GetProperty("involvement").GetString());
        Assert.Equal(ResultUsesArrange.Articles, exempted.GetProperty("uses").EnumerateArray().Select(u => u.GetProperty("article").GetString()!).ToArray());
        Assert.False(exempted.GetProperty("mayOpen").GetBoolean()); // 人事科 reads no case
        var correction = exempted.GetProperty("correction");
        Assert.Equal("Closed", correction.GetProperty("stage").GetString());
        Assert.Equal("已验收销号", correction.GetProperty("planStatusName").GetString());
        Assert.Equal(1, correction.GetProperty("talks").GetInt32());
        Assert.Equal(1, correction.GetProperty("letters").GetInt32());
        Assert.Equal(Closure, correction.GetProperty("closureSummary").GetString());
        Assert.Equal("不予容错免责", CaseOf(profile, m.NotExempted).GetProperty("exemption").GetString());
        Assert.Empty(CaseOf(profile, m.NotExempted).GetProperty("uses").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, CaseOf(profile, m.NotExempted).GetProperty("correction").ValueKind);
        Assert.Equal("未申请容错免责", CaseOf(profile, m.NotApplied).GetProperty("exemption").GetString());
        Assert.Equal("何执法涉及问责事项 3 件（予以容错免责 1 件，从轻或减轻处理 0 件，不予容错免责 1 件，尚未认定 1 件），结果运用记录 5 条；负责整改措施 1 项，已完成 1 项。",
            profile.GetProperty("summary").GetString());

        // The correction as far as it concerns him: the talk with him and his measure.
        var corrections = profile.GetProperty("corrections");
        var talk = Assert.Single(corrections.GetProperty("talks").EnumerateArray());
        Assert.Equal("周书记", talk.GetProperty("talkerName").GetString());
        Assert.Equal(JsonValueKind.Null, talk.GetProperty("points").ValueKind); // the case's content stays with those who read the case
        var measure = Assert.Single(corrections.GetProperty("measures").EnumerateArray());
        Assert.Equal("Done", measure.GetProperty("state").GetString());
        Assert.True(measure.GetProperty("planClosed").GetBoolean());

        // Assessments (人事科 reads all) and incentives (人事科 reads all).
        var assessments = profile.GetProperty("assessments");
        Assert.True(assessments.GetProperty("shown").GetBoolean());
        Assert.Equal("优秀", Assert.Single(assessments.GetProperty("items").EnumerateArray()).GetProperty("gradeName").GetString());
        var incentives = profile.GetProperty("incentives");
        Assert.True(incentives.GetProperty("shown").GetBoolean());
        Assert.Equal("2026年第三季度执法标兵", Assert.Single(incentives.GetProperty("commendations").EnumerateArray()).GetProperty("title").GetString());
        Assert.Equal("一个月后回访。", Assert.Single(incentives.GetProperty("talks").EnumerateArray()).GetProperty("followUp").GetString());

        // The mitigated matter of 林执法 carries its mitigation and only the lighter-discipline use.
        var mitigated = CaseOf(await app.As("personnel").GetOkAsync(Url(app, "staffA2")), m.Mitigated);
        Assert.Equal(ResultUsesArrange.Mitigation, mitigated.GetProperty("mitigation").GetString());
        Assert.Equal(new string?[] { "lighter-discipline" }, mitigated.GetProperty("uses").EnumerateArray().Select(u => u.GetProperty("code").GetString()).ToArray());
        Assert.Equal("AwaitingTalkOrLetter", mitigated.GetProperty("correction").GetProperty("stage").GetString());
    }

    [Theory]
    [AllDatabases]
    public async Task Each_reader_sees_the_profile_under_the_rules_of_its_sections(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var m = await ArrangeAsync(app);

        // The person: their own closed assessments; of a heart-to-heart talk only that it was held.
        var own = await app.As("staffA").GetOkAsync(Url(app, "staffA"));
        Assert.True(own.GetProperty("own").GetBoolean());
        Assert.Equal(3, own.GetProperty("cases").GetArrayLength());
        Assert.True(CaseOf(own, m.Exempted).GetProperty("mayOpen").GetBoolean());
        Assert.NotNull(Assert.Single(own.GetProperty("corrections").GetProperty("talks").EnumerateArray()).GetProperty("points").GetString());
        Assert.Single(own.GetProperty("assessments").GetProperty("items").EnumerateArray());
        var ownTalk = Assert.Single(own.GetProperty("incentives").GetProperty("talks").EnumerateArray());
        Assert.True(ownTalk.GetProperty("contentWithheld").GetBoolean());
        Assert.Equal(JsonValueKind.Null, ownTalk.GetProperty("topics").ValueKind);

        // The leader over the unit: the cases and the incentive records; not the assessments.
        var leader = await app.As("leaderA").GetOkAsync(Url(app, "staffA"));
        Assert.True(CaseOf(leader, m.Exempted).GetProperty("mayOpen").GetBoolean());
        Assert.False(leader.GetProperty("assessments").GetProperty("shown").GetBoolean());
        Assert.Equal("考核结果仅本人和人事科可以查看。", leader.GetProperty("assessments").GetProperty("note").GetString());
        Assert.Empty(leader.GetProperty("assessments").GetProperty("items").EnumerateArray());
        Assert.True(leader.GetProperty("incentives").GetProperty("shown").GetBoolean());

        // A procedure body: every case; neither the assessments nor (局机关纪委) the incentive records.
        var inv = await app.As("inv").GetOkAsync(Url(app, "staffA"));
        Assert.True(CaseOf(inv, m.Exempted).GetProperty("mayOpen").GetBoolean());
        Assert.False(inv.GetProperty("assessments").GetProperty("shown").GetBoolean());
        Assert.False(inv.GetProperty("incentives").GetProperty("shown").GetBoolean());
        Assert.Empty(inv.GetProperty("incentives").GetProperty("commendations").EnumerateArray());

        // Nobody else: a colleague, the leader of another unit, the policy owner, an administrator.
        foreach (var user in new[] { "staffA2", "leaderB", "policyowner", "sysadmin" })
        {
            var refused = await app.As(user).GetAsync(Url(app, "staffA")).ProblemAsync(HttpStatusCode.Forbidden);
            Assert.Equal("profile-not-allowed", refused.Code);
        }
        // A leader oversees the units below theirs too (东山县局 over 城关所), not the ones above.
        await app.As("leaderCounty").GetOkAsync(Url(app, "staffTown"));
        await app.As("staffTown").GetAsync(Url(app, "leaderCounty")).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("person-not-found", (await app.As("personnel").GetAsync($"/api/people/{Guid.NewGuid()}/profile").ProblemAsync(HttpStatusCode.NotFound)).Code);
    }

    [Theory]
    [AllDatabases]
    public async Task The_profile_page_shows_each_section_and_refuses_others(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var m = await ArrangeAsync(app);
        var staffA = app.Cast.PersonOf["staffA"];

        using var personnel = await Browser.SignedInAsync(app, "personnel");
        var page = await personnel.GetAsync($"/People/{staffA}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("何执法", page.TextOf("[data-testid=person-name]"));
        Assert.Contains("城东分局", page.TextOf("[data-testid=person-unit]"));
        Assert.Contains("一线执法人员", page.TextOf("[data-testid=person-flags]"));
        var rows = page.All("[data-testid=profile-cases] tbody tr");
        Assert.Equal(3, rows.Count);
        var exempted = page.Single($"[data-testid=profile-cases] tr[data-case='{m.Exempted.Id}']");
        Assert.Equal("已予容错免责", Browser.Squash(exempted.QuerySelector("[data-testid=exemption]")!.TextContent));
        Assert.Equal(5, exempted.QuerySelectorAll("[data-testid=uses] li").Length);
        Assert.Contains("第十一条第（三）项 干部调整、提拔任用、职称评定廉政审查免于一票否决", Browser.Squash(exempted.TextContent));
        Assert.Empty(page.All("a[href^='/Cases/']")); // 人事科 reads no case
        Assert.Equal("已验收销号", page.TextOf("[data-testid=correction-stage]"));
        Assert.Contains(Closure, page.TextOf("[data-testid=profile-corrections] [data-testid=closure]"));
        Assert.Equal("已完成", page.TextOf("[data-testid=profile-measures] [data-testid=measure-state]"));
        Assert.Equal("优秀", page.TextOf("[data-testid=profile-assessments] [data-testid=grade]"));
        Assert.Contains("2026年第三季度执法标兵", page.TextOf("[data-testid=profile-commendations]"));
        Assert.Contains("鼓励大胆履职", page.TextOf("[data-testid=profile-heart-talks]"));
        Assert.Equal($"/ResultUses/CadreReview/{staffA}", page.Single("[data-testid=cadre-review-link]").GetAttribute("href"));

        // The person reads theirs through 我的 → 我的档案; the cases link to the case pages they may open. The
        // outcome and the correction that follows it are theirs once the written feedback has reached them.
        using var self = await Browser.SignedInAsync(app, "staffA");
        var beforeFeedback = await self.GetAsync($"/People/{staffA}");
        Assert.Null(beforeFeedback.Find($"[data-testid=profile-corrections] a[href='/Correction/{m.Exempted.Id}']"));
        Assert.Equal("容错免责程序进行中", Browser.Squash(beforeFeedback.Single($"[data-testid=profile-cases] tr[data-case='{m.Exempted.Id}'] [data-testid=exemption]").TextContent));
        await new Support.Procedure(app).FeedbackDeliveredAndAcknowledgedAsync(m.Exempted);
        var home = await self.GetAsync("/");
        Assert.NotNull(home.Find($"header a[href='/People/{staffA}']"));
        var mine = await self.GetAsync($"/People/{staffA}");
        Assert.StartsWith("我的档案", mine.TextOf("main h1"));
        Assert.NotNull(mine.Find($"[data-testid=profile-cases] a[href='/Cases/{m.Exempted.Id}']"));
        Assert.NotNull(mine.Find($"[data-testid=profile-corrections] a[href='/Correction/{m.Exempted.Id}']"));
        Assert.Null(mine.Find("[data-testid=cadre-review-link]"));
        Assert.Equal("—", mine.All("[data-testid=profile-heart-talks] tbody td")[2].TextContent.Trim());

        using var leader = await Browser.SignedInAsync(app, "leaderA");
        var overseen = await leader.GetAsync($"/People/{staffA}");
        Assert.Equal(HttpStatusCode.OK, overseen.Status);
        Assert.Equal("考核结果仅本人和人事科可以查看。", overseen.TextOf("[data-testid=assessments-withheld]"));

        foreach (var user in new[] { "staffA2", "leaderB", "policyowner" })
        {
            using var other = await Browser.SignedInAsync(app, user);
            var refused = await other.GetAsync($"/People/{staffA}");
            Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
            Assert.DoesNotContain("何执法", refused.Text);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await personnel.GetAsync($"/People/{Guid.NewGuid()}")).Status);
    }
}
