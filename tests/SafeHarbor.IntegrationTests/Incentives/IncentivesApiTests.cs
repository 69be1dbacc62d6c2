using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Incentives;

/// <summary>Art. 13 over HTTP: recording talks, commendations and support measures, who may, who reads what, and the yearly report.</summary>
[Article("13")]
public sealed class IncentivesApiTests
{
    private const string Talks = "/api/incentives/talks";
    private const string Commendations = "/api/incentives/commendations";
    private const string Support = "/api/incentives/support-measures";

    internal static object Talk(TestApp app, string person, string? talker = null, DateOnly? on = null, string topics = "围绕优化营商环境谈柔性执法中的执法尺度，本人反映办案压力较大。") => new
    {
        personId = app.Cast.PersonOf[person],
        heldOn = on ?? app.Clock.Today,
        talkerPersonId = talker is null ? (Guid?)null : app.Cast.PersonOf[talker],
        topics,
        followUp = "一个月后再次谈话。",
    };

    internal static object Commendation(TestApp app, string kind = "Regular", string? person = null, string? unit = null, DateOnly? on = null) => new
    {
        kind,
        personId = person is null ? (Guid?)null : app.Cast.PersonOf[person],
        unitId = unit is null ? (Guid?)null : app.Cast.Units[unit],
        title = "包容审慎监管工作成效明显",
        basis = "经局党组会议研究，予以通报表扬。",
        awardedBy = "测试市局",
        awardedOn = on ?? app.Clock.Today,
    };

    internal static object SupportMeasure(TestApp app, string kind = "心理关怀", string? person = null, string? unit = null, DateOnly? on = null) => new
    {
        kind,
        personId = person is null ? (Guid?)null : app.Cast.PersonOf[person],
        unitId = unit is null ? (Guid?)null : app.Cast.Units[unit],
        description = "安排心理咨询师一对一疏导。",
        providedOn = on ?? app.Clock.Today,
    };

    private static string[] Ids(JsonElement list) => list.EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToArray();

    [Theory, AllDatabases]
    public async Task A_talk_is_recorded_with_talker_topics_and_follow_up_and_audited(Db db)
    {
        await using var app = await TestApp.StartAsync(db);

        var talk = await app.As("personnel").PostJsonAsync(Talks, Talk(app, "staffA", talker: "m1", on: app.Clock.Today.AddDays(-3))).OkAsync();

        Assert.Equal(app.Cast.PersonOf["staffA"], talk.GetProperty("personId").GetGuid());
        Assert.Equal("何执法", talk.GetProperty("personName").GetString());
        Assert.Equal("城东分局", talk.GetProperty("unitName").GetString());
        Assert.Equal("周书记", talk.GetProperty("talkerName").GetString());
        Assert.Equal(app.Clock.Today.AddDays(-3).ToString("yyyy-MM-dd"), talk.GetProperty("heldOn").GetString());
        Assert.Contains("执法尺度", talk.GetProperty("topics").GetString());
        Assert.Equal("一个月后再次谈话。", talk.GetProperty("followUp").GetString());
        Assert.False(talk.GetProperty("contentWithheld").GetBoolean());

        // Without a talker, the recorder talked: a party group member records their own talk.
        var own = await app.As("m2").PostJsonAsync(Talks, Talk(app, "staffB")).OkAsync();
        Assert.Equal("李副局长", own.GetProperty("talkerName").GetString());
        await app.As("office").PostJsonAsync(Talks, Talk(app, "staffTown", talker: "m3")).OkAsync();

        var list = await app.As("personnel").GetOkAsync($"{Talks}?year={app.Clock.Today.Year}");
        Assert.Equal(3, list.GetArrayLength());
        var audit = await app.WithDbAsync(d => d.AuditEntries.AsNoTracking().Where(e => e.Action == "RecordHeartTalk").OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal(3, audit.Count);
        Assert.Equal(["人事科", "局党组成员", "局办公室（党组秘书）"], audit.Select(e => e.ActingAs));
        Assert.Equal(talk.GetProperty("id").GetString(), audit[0].EntityId);
        Assert.Contains("周书记", audit[0].Details);
        Assert.DoesNotContain("执法尺度", audit[0].Details);
    }

    [Theory, AllDatabases]
    public async Task Commendations_to_a_person_and_to_a_unit_and_support_measures_are_recorded_by_personnel(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var personnel = app.As("personnel");

        var regular = await personnel.PostJsonAsync(Commendations, Commendation(app, unit: "城东分局")).OkAsync();
        Assert.Equal("平时激励", regular.GetProperty("kindName").GetString());
        Assert.True(regular.GetProperty("toUnit").GetBoolean());
        Assert.Equal("城东分局", regular.GetProperty("recipientName").GetString());
        Assert.Equal("经局党组会议研究，予以通报表扬。", regular.GetProperty("basis").GetString());

        var special = await personnel.PostJsonAsync(Commendations, Commendation(app, "Special", person: "staffA")).OkAsync();
        Assert.Equal("专项表彰奖励", special.GetProperty("kindName").GetString());
        Assert.Equal("何执法（城东分局）", special.GetProperty("recipientName").GetString());
        Assert.Equal(app.Cast.BranchA, special.GetProperty("unitId").GetGuid());

        var toPerson = await personnel.PostJsonAsync(Support, SupportMeasure(app, "排忧解难", person: "staffB")).OkAsync();
        Assert.Equal("排忧解难", toPerson.GetProperty("kind").GetString());
        Assert.Equal("城西分局", toPerson.GetProperty("unitName").GetString());
        var toUnit = await personnel.PostJsonAsync(Support, SupportMeasure(app, "待遇保障", unit: "东山县局城关所")).OkAsync();
        Assert.True(toUnit.GetProperty("toUnit").GetBoolean());

        Assert.Equal(2, (await personnel.GetOkAsync(Commendations)).GetArrayLength());
        Assert.Equal([special.GetProperty("id").GetString()!], Ids(await personnel.GetOkAsync($"{Commendations}?personId={app.Cast.PersonOf["staffA"]}")));
        // A unit's records: its people's and its own.
        Assert.Equal(2, (await personnel.GetOkAsync($"{Commendations}?unitId={app.Cast.BranchA}")).GetArrayLength());
        Assert.Equal([toPerson.GetProperty("id").GetString()!], Ids(await personnel.GetOkAsync($"{Support}?unitId={app.Cast.BranchB}")));
        Assert.Equal(0, (await personnel.GetOkAsync($"{Support}?year={app.Clock.Today.Year - 1}")).GetArrayLength());
        Assert.Equal(2, await app.WithDbAsync(d => d.AuditEntries.CountAsync(e => e.Action == "RecordCommendation" && e.ActingAs == "人事科")));
        Assert.Equal(2, await app.WithDbAsync(d => d.AuditEntries.CountAsync(e => e.Action == "RecordSupportMeasure")));
    }

    [Theory, AllDatabases]
    public async Task Bad_requests_are_refused_in_chinese_and_nothing_is_written(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var personnel = app.As("personnel");
        var tomorrow = app.Clock.Today.AddDays(1);

        var future = await personnel.PostJsonAsync(Talks, Talk(app, "staffA", on: tomorrow)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("validation-failed", future.Code);
        Assert.Contains("谈话日期不能晚于今天", future.Body.GetProperty("errors").GetProperty("heldOn")[0].GetString());

        var self = await personnel.PostJsonAsync(Talks, Talk(app, "staffA", talker: "staffA")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("不能是同一人", self.Title);
        var noTopics = await personnel.PostJsonAsync(Talks, Talk(app, "staffA", topics: " ")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("请填写谈话主要内容", noTopics.Title);

        var neither = await personnel.PostJsonAsync(Commendations, Commendation(app)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("请选择受表彰的人员或单位", neither.Body.GetProperty("errors").GetProperty("personId")[0].GetString());
        var both = await personnel.PostJsonAsync(Commendations, Commendation(app, person: "staffA", unit: "城东分局")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("只能是一名人员或一个单位", both.Title);
        var futureAward = await personnel.PostJsonAsync(Commendations, Commendation(app, person: "staffA", on: tomorrow)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("授予日期不能晚于今天", futureAward.Title);
        var noKind = await personnel.PostJsonAsync(Commendations, new { personId = app.Cast.PersonOf["staffA"], title = "表扬", basis = "事迹", awardedBy = "测试市局", awardedOn = app.Clock.Today })
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("请选择激励类别", noKind.Title);

        var kind = await personnel.PostJsonAsync(Support, SupportMeasure(app, "发奖金", person: "staffA")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("政策倾斜、待遇保障、心理关怀、排忧解难、其他", kind.Title);
        // Support measures are for front-line staff: 人事科 is a section, its staff hold no enforcement post.
        var office = await personnel.PostJsonAsync(Support, SupportMeasure(app, person: "office")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("面向一线执法人员", office.Title);
        var section = await personnel.PostJsonAsync(Support, SupportMeasure(app, unit: "人事科")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("面向一线执法单位", section.Title);
        var unknown = await personnel.PostJsonAsync(Support, new { kind = "其他", personId = Guid.NewGuid(), description = "慰问", providedOn = app.Clock.Today })
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("所选人员不存在", unknown.Title);

        Assert.Equal(0, await app.WithDbAsync(d => d.Set<SafeHarbor.Features.Incentives.HeartTalk>().CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(d => d.Set<SafeHarbor.Features.Incentives.Commendation>().CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(d => d.Set<SafeHarbor.Features.Incentives.SupportMeasure>().CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(d => d.AuditEntries.CountAsync(e => e.EntityType == "HeartTalk" || e.EntityType == "Commendation" || e.EntityType == "SupportMeasure")));
    }

    [Theory, AllDatabases]
    public async Task Only_personnel_records_awards_and_a_leader_records_talks_with_the_people_of_his_units_only(Db db)
    {
        await using var app = await TestApp.StartAsync(db);

        foreach (var user in new[] { "staffA", "leaderA", "office", "m1", "inv", "sysadmin" })
        {
            var refused = await app.As(user).PostJsonAsync(Commendations, Commendation(app, person: "staffA")).ProblemAsync(HttpStatusCode.Forbidden);
            Assert.Equal("not-your-duty", refused.Code);
            Assert.Contains("人事科", refused.Title);
            await app.As(user).PostJsonAsync(Support, SupportMeasure(app, person: "staffA")).ProblemAsync(HttpStatusCode.Forbidden);
        }

        // leaderA heads 城东分局: staffA is his; staffB (城西分局) is not.
        var withStaffA = await app.As("leaderA").PostJsonAsync(Talks, Talk(app, "staffA")).OkAsync();
        Assert.Equal("张局长", withStaffA.GetProperty("talkerName").GetString());
        var withStaffB = await app.As("leaderA").PostJsonAsync(Talks, Talk(app, "staffB")).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("not-your-unit", withStaffB.Code);
        Assert.Contains("杨执法不在您分管的单位", withStaffB.Title);
        // Nor may he put a talk of someone outside his units on record.
        await app.As("leaderA").PostJsonAsync(Talks, Talk(app, "staffA", talker: "leaderB")).ProblemAsync(HttpStatusCode.Forbidden);
        // A county leader oversees the office below his bureau.
        await app.As("leaderCounty").PostJsonAsync(Talks, Talk(app, "staffTown")).OkAsync();

        foreach (var user in new[] { "staffA", "staffB", "archivist", "guide", "sysadmin" })
        {
            var refused = await app.As(user).PostJsonAsync(Talks, Talk(app, "staffA2", talker: "leaderA")).ProblemAsync(HttpStatusCode.Forbidden);
            Assert.Equal("not-your-duty", refused.Code);
        }
        // The head of a section leads his section only.
        var inv = await app.As("inv").PostJsonAsync(Talks, Talk(app, "staffA2", talker: "inv")).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("not-your-unit", inv.Code);
        Assert.Equal(2, await app.WithDbAsync(d => d.Set<SafeHarbor.Features.Incentives.HeartTalk>().CountAsync()));
        Assert.Equal("单位负责人", await app.WithDbAsync(d => d.AuditEntries.Where(e => e.Action == "RecordHeartTalk").OrderBy(e => e.Sequence).Select(e => e.ActingAs).FirstAsync()));
    }

    [Theory, AllDatabases]
    public async Task A_person_reads_their_own_records_without_talk_contents_a_leader_reads_his_units_and_nobody_else_reads_them(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var personnel = app.As("personnel");
        var talk = await personnel.PostJsonAsync(Talks, Talk(app, "staffA", talker: "m1", topics: "本人反映家中老人生病，夜间值班难以兼顾。")).OkAsync();
        var award = await personnel.PostJsonAsync(Commendations, Commendation(app, "Special", person: "staffA")).OkAsync();
        var support = await personnel.PostJsonAsync(Support, SupportMeasure(app, "排忧解难", person: "staffA")).OkAsync();
        var unitAward = await personnel.PostJsonAsync(Commendations, Commendation(app, unit: "城东分局")).OkAsync();
        await personnel.PostJsonAsync(Talks, Talk(app, "staffB", talker: "m2")).OkAsync();
        await personnel.PostJsonAsync(Commendations, Commendation(app, person: "staffB")).OkAsync();
        var staffAUrl = $"/api/incentives/persons/{app.Cast.PersonOf["staffA"]}";

        // staffA: their own commendation and support measure in full; of the talk, when and with whom only.
        var own = await app.As("staffA").GetOkAsync(staffAUrl);
        Assert.Equal([award.GetProperty("id").GetString()!], Ids(own.GetProperty("commendations")));
        Assert.Equal([support.GetProperty("id").GetString()!], Ids(own.GetProperty("supportMeasures")));
        var seen = Assert.Single(own.GetProperty("talks").EnumerateArray());
        Assert.Equal("周书记", seen.GetProperty("talkerName").GetString());
        Assert.True(seen.GetProperty("contentWithheld").GetBoolean());
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("topics").ValueKind);
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("followUp").ValueKind);
        var ownTalks = await app.As("staffA").GetOkAsync(Talks);
        Assert.DoesNotContain("老人生病", ownTalks.GetRawText());
        var mine = await app.As("staffA").GetOkAsync("/api/incentives/mine");
        Assert.Equal([unitAward.GetProperty("id").GetString()!], Ids(mine.GetProperty("unitCommendations")));
        // Lists hold their own and their unit's, nothing of 城西分局.
        Assert.Equal(2, (await app.As("staffA").GetOkAsync(Commendations)).GetArrayLength());

        // staffB (城西分局) reads nothing of staffA.
        var refused = await app.As("staffB").GetAsync(staffAUrl).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("您无权查看该人员的关爱激励记录。", refused.Title);
        Assert.Equal(0, (await app.As("staffB").GetOkAsync($"{Talks}?personId={app.Cast.PersonOf["staffA"]}")).GetArrayLength());
        Assert.Equal(0, (await app.As("staffB").GetOkAsync($"{Commendations}?personId={app.Cast.PersonOf["staffA"]}")).GetArrayLength());
        Assert.Equal(0, (await app.As("staffB").GetOkAsync($"{Support}?personId={app.Cast.PersonOf["staffA"]}")).GetArrayLength());
        // A colleague of the same unit neither: only the unit's collective commendation.
        await app.As("staffA2").GetAsync(staffAUrl).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal([unitAward.GetProperty("id").GetString()!], Ids(await app.As("staffA2").GetOkAsync(Commendations)));

        // leaderA reads staffA in full, not staffB.
        var asLeader = await app.As("leaderA").GetOkAsync(staffAUrl);
        Assert.Equal("本人反映家中老人生病，夜间值班难以兼顾。", asLeader.GetProperty("talks")[0].GetProperty("topics").GetString());
        await app.As("leaderA").GetAsync($"/api/incentives/persons/{app.Cast.PersonOf["staffB"]}").ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal([talk.GetProperty("id").GetString()!], Ids(await app.As("leaderA").GetOkAsync(Talks)));

        // The bureau-wide readers see everything; administrators and other bodies nothing.
        foreach (var user in new[] { "personnel", "m3", "office" })
        {
            Assert.Equal(2, (await app.As(user).GetOkAsync(Talks)).GetArrayLength());
            Assert.Equal(3, (await app.As(user).GetOkAsync(Commendations)).GetArrayLength());
            await app.As(user).GetOkAsync(staffAUrl);
        }
        foreach (var user in new[] { "sysadmin", "auditadmin" })
        {
            Assert.Equal(0, (await app.As(user).GetOkAsync(Talks)).GetArrayLength());
            Assert.Equal(0, (await app.As(user).GetOkAsync(Commendations)).GetArrayLength());
            Assert.Equal(0, (await app.As(user).GetOkAsync(Support)).GetArrayLength());
            await app.As(user).GetAsync(staffAUrl).ProblemAsync(HttpStatusCode.Forbidden);
            await app.As(user).GetAsync("/api/incentives/mine").ProblemAsync(HttpStatusCode.Forbidden);
        }
        await app.As("inv").GetAsync(staffAUrl).ProblemAsync(HttpStatusCode.Forbidden);
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Talks)).StatusCode);
    }

    [Theory, AllDatabases]
    public async Task The_yearly_report_counts_what_was_recorded_per_unit(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var personnel = app.As("personnel");
        var today = app.Clock.Today;
        var lastYear = new DateOnly(today.Year - 1, 12, 31);
        await Arrange(app);

        var report = await personnel.GetOkAsync($"/api/incentives/report?year={today.Year}");
        Assert.Equal(today.Year, report.GetProperty("year").GetInt32());
        var rows = report.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("unitName").GetString()!);
        Assert.Equal(11, rows.Count);
        AssertRow(rows["城东分局"], frontLine: true, talks: 3, regular: 1, special: 1, support: 1, reached: 2);
        AssertRow(rows["城西分局"], frontLine: true, talks: 1, regular: 0, special: 0, support: 1, reached: 1);
        AssertRow(rows["东山县局城关所"], frontLine: true, talks: 0, regular: 0, special: 0, support: 1, reached: 0);
        AssertRow(rows["人事科"], frontLine: false, talks: 0, regular: 1, special: 0, support: 0, reached: 1);
        AssertRow(rows["机关纪委"], frontLine: false, talks: 0, regular: 0, special: 0, support: 0, reached: 0);
        var total = report.GetProperty("total");
        Assert.Equal((4, 2, 1, 3, 4), (total.GetProperty("talks").GetInt32(), total.GetProperty("regularCommendations").GetInt32(),
            total.GetProperty("specialAwards").GetInt32(), total.GetProperty("supportMeasures").GetInt32(), total.GetProperty("peopleReached").GetInt32()));
        Assert.Equal(3, total.GetProperty("frontLinePeopleReached").GetInt32());
        Assert.Equal(3, report.GetProperty("frontLineUnits").GetProperty("peopleReached").GetInt32());

        var previous = await personnel.GetOkAsync($"/api/incentives/report?year={lastYear.Year}");
        Assert.Equal(1, previous.GetProperty("total").GetProperty("talks").GetInt32());

        // A leader sees his units only; the party group and the office the whole bureau; staff are refused.
        var leader = await app.As("leaderA").GetOkAsync("/api/incentives/report");
        var only = Assert.Single(leader.GetProperty("rows").EnumerateArray());
        Assert.Equal("城东分局", only.GetProperty("unitName").GetString());
        Assert.Equal(3, only.GetProperty("talks").GetInt32());
        Assert.Equal(11, (await app.As("m1").GetOkAsync("/api/incentives/report")).GetProperty("rows").GetArrayLength());
        Assert.Equal(11, (await app.As("office").GetOkAsync("/api/incentives/report")).GetProperty("rows").GetArrayLength());
        foreach (var user in new[] { "staffA", "staffB", "guide", "archivist", "sysadmin", "auditadmin" })
        {
            await app.As(user).GetAsync("/api/incentives/report").ProblemAsync(HttpStatusCode.Forbidden);
        }
        // The head of 机关纪委 leads a section: its row alone, with nothing in it.
        var section = Assert.Single((await app.As("inv").GetOkAsync("/api/incentives/report")).GetProperty("rows").EnumerateArray());
        Assert.Equal(("机关纪委", 0), (section.GetProperty("unitName").GetString(), section.GetProperty("talks").GetInt32()));
    }

    /// <summary>
    /// This year: 城东分局 — talks with staffA (twice) and staffA2, a 平时激励 to the unit, a 专项表彰奖励 and
    /// a support measure to staffA; 城西分局 — a talk with and a support measure to staffB; 城关所 — a
    /// support measure to the office; 人事科 — a 平时激励 to personnel. Last year: one talk with staffA.
    /// </summary>
    internal static async Task Arrange(TestApp app)
    {
        var personnel = app.As("personnel");
        var today = app.Clock.Today;
        await personnel.PostJsonAsync(Talks, Talk(app, "staffA", talker: "m1", on: new DateOnly(today.Year, 1, 1))).OkAsync();
        await app.As("leaderA").PostJsonAsync(Talks, Talk(app, "staffA", on: today)).OkAsync();
        await app.As("leaderA").PostJsonAsync(Talks, Talk(app, "staffA2", on: today.AddDays(-10))).OkAsync();
        await app.As("m2").PostJsonAsync(Talks, Talk(app, "staffB", on: today.AddDays(-20))).OkAsync();
        await personnel.PostJsonAsync(Talks, Talk(app, "staffA", talker: "m1", on: new DateOnly(today.Year - 1, 12, 31))).OkAsync();
        await personnel.PostJsonAsync(Commendations, Commendation(app, "Regular", unit: "城东分局")).OkAsync();
        await personnel.PostJsonAsync(Commendations, Commendation(app, "Special", person: "staffA")).OkAsync();
        await personnel.PostJsonAsync(Commendations, Commendation(app, "Regular", person: "personnel")).OkAsync();
        await personnel.PostJsonAsync(Support, SupportMeasure(app, "心理关怀", person: "staffA")).OkAsync();
        await personnel.PostJsonAsync(Support, SupportMeasure(app, "排忧解难", person: "staffB")).OkAsync();
        await personnel.PostJsonAsync(Support, SupportMeasure(app, "政策倾斜", unit: "东山县局城关所")).OkAsync();
    }

    private static void AssertRow(JsonElement row, bool frontLine, int talks, int regular, int special, int support, int reached)
    {
        var name = row.GetProperty("unitName").GetString();
        Assert.True(frontLine == row.GetProperty("frontLine").GetBoolean(), $"{name} frontLine");
        Assert.Equal((name, talks, regular, special, support, reached), (name,
            row.GetProperty("talks").GetInt32(), row.GetProperty("regularCommendations").GetInt32(), row.GetProperty("specialAwards").GetInt32(),
            row.GetProperty("supportMeasures").GetInt32(), row.GetProperty("peopleReached").GetInt32()));
    }
}
