using System.Net;
using System.Text.Json;
using SafeHarbor.Cases;
using SafeHarbor.Features.Determination;
using SafeHarbor.IntegrationTests.Support;
using SafeHarbor.Organisation;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.IntegrationTests.Policies;

/// <summary>
/// Art. 14–15 and the requirement "loading another version must need no code change": another
/// bureau's measures, written as a file at test time, change the window, the conditions, who
/// verifies and the decision threshold of the running app.
/// </summary>
[Article("14", "15")]
public sealed class SecondPolicyTests
{
    private static readonly string[] AllSix = ["c1", "c2", "c3", "c4", "c5", "c6"];

    private static JsonElement Item(JsonElement advice, string code) =>
        advice.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("code").GetString() == code);

    [Theory, AllDatabases]
    public async Task Another_bureaus_file_gives_a_ten_natural_day_window_and_requires_every_listed_condition(Db db)
    {
        using var files = new PolicyFiles().Add("other-bureau-2026.json", PolicyFiles.OtherBureau());
        await using var app = await TestApp.StartAsync(db, files.Settings);
        var flow = new Support.Procedure(app);

        var loaded = await app.As("inv").GetOkAsync("/api/policies");
        var only = Assert.Single(loaded.EnumerateArray());
        Assert.Equal(PolicyFiles.OtherId, only.GetProperty("id").GetString());
        Assert.Equal(PolicyFiles.OtherDocumentNumber, only.GetProperty("documentNumber").GetString());

        // Started Mon 2026-09-21, start day not counted: 10 natural days end Thu 2026-10-01, in the middle of
        // National Day (under 131号's 7 working days it would be 2026-10-08).
        var c = await flow.RegisterAsync(startedOn: new DateOnly(2026, 9, 21));
        var detail = await flow.GetAsync(c);
        Assert.Equal(PolicyFiles.OtherId, detail.GetProperty("policyId").GetString());
        Assert.Equal(PolicyFiles.OtherDocumentNumber, detail.GetProperty("policyDocumentNumber").GetString());
        Assert.Equal("2026-10-01", detail.GetProperty("applicationDeadlineDate").GetString());

        await flow.ApplyAsync(c, "staffA", "c1", "c6");
        var advice = await app.As("inv").GetOkAsync($"{c.Url}/advice?stage=Claimed");
        Assert.Equal("Met", Item(advice, "application-window").GetProperty("verdict").GetString());
        Assert.Equal("Met", Item(advice, "c1").GetProperty("verdict").GetString());
        Assert.Equal("NotMet", Item(advice, "c2").GetProperty("verdict").GetString());
        var conditions = Item(advice, "conditions");
        Assert.Equal("NotMet", conditions.GetProperty("verdict").GetString());
        Assert.Equal("具备全部所列条件", conditions.GetProperty("title").GetString());
        Assert.Contains("须同时具备全部所列条件：符合 2 项，共 6 项", conditions.GetProperty("reason").GetString());
        Assert.Equal("NotExempt", advice.GetProperty("recommendation").GetString());
        Assert.Contains("认定由局长办公会议集体研究决定", advice.GetProperty("summary").GetString());
    }

    [Theory, AllDatabases]
    public async Task Verification_is_done_by_the_body_the_policy_file_names_and_refused_to_everyone_else(Db db)
    {
        using var files = new PolicyFiles().Add("other-bureau-2026.json", PolicyFiles.OtherBureau());
        await using var app = await TestApp.StartAsync(db, files.Settings);
        var flow = new Support.Procedure(app);

        // The bureau's 法制科 and its head, set up by the system and security administrators as any bureau would.
        var admin = app.As("sysadmin");
        var unit = await admin.PostJsonAsync("/api/admin/units", new { name = "法制科", type = UnitType.Section, parentId = app.Cast.Units["测试市局"] }).OkAsync();
        var person = await admin.PostJsonAsync("/api/admin/persons", new
        {
            name = "冯法制", unitId = unit.GetProperty("id").GetGuid(), post = "法制科科长", isLeader = true, inLeadershipTeam = false,
        }).OkAsync();
        var legal = await admin.PostJsonAsync("/api/admin/users", new
        {
            userName = "legal", password = TestApp.Password, displayName = "冯法制", personId = person.GetProperty("id").GetGuid(),
        }).OkAsync();
        // The role is the security administrator's to grant (三员分立).
        await app.As("secadmin").PutJsonAsync($"/api/security/users/{legal.GetProperty("id").GetGuid()}/roles", new { roles = new[] { Role.PolicyOwner } }).OkAsync();

        var c = await flow.RegisterAsync();
        await flow.ApplyAsync(c, "staffA", AllSix);

        var refused = await app.As("inv").PostJsonAsync($"{c.Url}/verification/start", null).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("not-your-duty", refused.Code);
        Assert.Contains("由局法制科办理", refused.Title);

        var started = await app.As("legal").PostJsonAsync($"{c.Url}/verification/start", null).OkAsync();
        Assert.Equal("Verifying", started.GetProperty("status").GetString());
        await flow.FindAsync(c, "within-duties", Verdict.Met, investigator: "legal");
        var detail = await app.As("legal").GetOkAsync(c.Url);
        Assert.Equal("Met", detail.GetProperty("findings").EnumerateArray().Single().GetProperty("verdict").GetString());
    }

    [Theory, AllDatabases]
    public async Task A_decision_needs_two_thirds_of_the_entitled_members_when_the_file_says_so(Db db)
    {
        // Verification stays with 局机关纪委 here so that this test reaches the meeting on its own;
        // who verifies is the previous test's subject.
        using var files = new PolicyFiles().Add("other-bureau-2026.json", PolicyFiles.OtherBureau(verifier: ("局机关纪委", ["Investigator"])));
        await using var app = await TestApp.StartAsync(db, files.Settings);
        var flow = new Support.Procedure(app);
        var c = await flow.RegisterAsync();
        await flow.ApplyAsync(c, "staffA", AllSix);
        await flow.VerifyAsync(c, conditions: AllSix);
        await flow.ReportAsync(c, Outcome.Exempted);
        var meeting = await flow.OpenMeetingAsync(present: 5);
        await flow.ScheduleAsync(meeting, c);

        // 3 of 5 is more than half (enough under 131号) but less than 2/3: at least 4 votes are needed.
        await flow.VoteManyAsync(meeting, c, VoteChoice.Exempted, "m1", "m2", "m3");
        var short1 = await flow.DecideAsync(meeting, c, Outcome.Exempted).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("no-majority", short1.Code);
        Assert.Contains("仅获得 3 票", short1.Title);
        Assert.Contains("不少于应到会成员的2/3（至少 4 票）", short1.Title);
        Assert.Equal("Scheduled", (await flow.GetAsync(c)).GetProperty("status").GetString());

        await flow.VoteManyAsync(meeting, c, VoteChoice.Exempted, "m4");
        await flow.DecideAsync(meeting, c, Outcome.Exempted).OkAsync();
        var detail = await flow.GetAsync(c);
        Assert.Equal("Decided", detail.GetProperty("status").GetString());
        Assert.Equal("予以容错免责", detail.GetProperty("decision").GetProperty("outcomeName").GetString());
    }

    [Theory, AllDatabases]
    public async Task A_case_is_judged_by_the_measures_in_force_on_the_day_its_accountability_procedure_started(Db db)
    {
        var xinyang = PolicyFiles.Xinyang131();
        xinyang["effectiveTo"] = "2025-12-31";
        using var files = new PolicyFiles()
            .Add("xinyang-scjg-2022-131.json", xinyang)
            .Add("other-bureau-2026.json", PolicyFiles.OtherBureau());
        await using var app = await TestApp.StartAsync(db, files.Settings);
        var flow = new Support.Procedure(app);

        async Task AssertJudgedBy(DateOnly startedOn, string policyId, string documentNumber, string deadline)
        {
            var c = await flow.RegisterAsync(startedOn: startedOn);
            var detail = await flow.GetAsync(c);
            Assert.Equal(policyId, detail.GetProperty("policyId").GetString());
            Assert.Equal(documentNumber, detail.GetProperty("policyDocumentNumber").GetString());
            Assert.Equal(deadline, detail.GetProperty("applicationDeadlineDate").GetString());
        }

        // 131号, 7 working days. From Sat 2025-12-20: Mon 12-22 (1) … Fri 12-26 (5), Mon 12-29 (6), Tue 12-30 (7).
        await AssertJudgedBy(new DateOnly(2025, 12, 20), PolicyFiles.XinyangId, "信市监〔2022〕131号", "2025-12-30");
        // Its last day: from Wed 2025-12-31, 2026-01-01..03 元旦; Sun 01-04 调休上班 (1), Mon 01-05 (2) … Fri 01-09 (6), Mon 01-12 (7).
        await AssertJudgedBy(new DateOnly(2025, 12, 31), PolicyFiles.XinyangId, "信市监〔2022〕131号", "2026-01-12");
        // The other measures from their first day: 10 natural days.
        await AssertJudgedBy(new DateOnly(2026, 1, 1), PolicyFiles.OtherId, PolicyFiles.OtherDocumentNumber, "2026-01-11");
        await AssertJudgedBy(new DateOnly(2026, 3, 2), PolicyFiles.OtherId, PolicyFiles.OtherDocumentNumber, "2026-03-12");

        var policies = (await app.As("staffA").GetOkAsync("/api/policies")).EnumerateArray().ToList();
        Assert.Equal([PolicyFiles.XinyangId, PolicyFiles.OtherId], policies.Select(p => p.GetProperty("id").GetString()));
        Assert.Equal("2025-12-31", policies[0].GetProperty("effectiveTo").GetString());
        Assert.False(policies[0].GetProperty("inForceToday").GetBoolean());
        Assert.Equal("2026-01-01", policies[1].GetProperty("effectiveFrom").GetString());
        Assert.True(policies[1].GetProperty("inForceToday").GetBoolean());
    }

    [Theory, AllDatabases]
    public async Task The_pages_after_the_decision_quote_the_articles_of_the_file_in_force_and_nothing_it_lacks(Db db)
    {
        var other = PolicyFiles.OtherBureau();
        other["provisions"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
        {
            ["code"] = "incentives",
            ["article"] = "第二十条",
            ["title"] = "激励",
            ["text"] = "落实谈心谈话制度，对敢于担当的执法人员给予表彰奖励。",
        });
        using var files = new PolicyFiles().Add("other-bureau-2026.json", other);
        await using var app = await TestApp.StartAsync(db, files.Settings);

        using var personnel = await Pages.Browser.SignedInAsync(app, "personnel");
        var incentives = await personnel.GetAsync("/Incentives");
        Assert.Equal(
            $"第二十条 落实谈心谈话制度，对敢于担当的执法人员给予表彰奖励。 —— {PolicyFiles.OtherDocumentNumber} 第二十条",
            incentives.TextOf("[data-testid=article13]"));
        Assert.DoesNotContain("坚持严格管理和关心信任相统一", incentives.Html);
        Assert.Empty((await personnel.GetAsync("/Assessment")).All("[data-testid=article-12]"));

        using var office = await Pages.Browser.SignedInAsync(app, "office");
        Assert.Empty((await office.GetAsync("/Prevention")).All("[data-testid=article-9]"));
        Assert.Empty((await office.GetAsync("/Correction")).All("[data-testid=article]"));
    }
}
