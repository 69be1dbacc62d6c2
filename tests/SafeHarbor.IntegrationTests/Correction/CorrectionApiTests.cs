using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Documents;
using SafeHarbor.Features.CaseDocuments;
using SafeHarbor.Features.Correction;
using SafeHarbor.IntegrationTests.Support;
using SafeHarbor.PolicyRules;
using static SafeHarbor.IntegrationTests.Correction.CorrectionArrange;

namespace SafeHarbor.IntegrationTests.Correction;

/// <summary>Art. 8 through the API: talks, letters, cause analysis, the plan followed up and closed; who may do what, and when not.</summary>
[Article("8")]
public sealed class CorrectionApiTests
{
    [Theory, AllDatabases]
    public async Task An_exempted_case_is_corrected_from_the_talk_to_a_closed_plan_and_every_step_is_audited(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var c = await app.DecidedCaseAsync(Outcome.Exempted);
        var url = c.CorrectionUrl();

        var start = await app.ViewAsync(c);
        Assert.Equal("AwaitingTalkOrLetter", start.GetProperty("stage").GetString());
        Assert.Contains("第八条", start.GetProperty("article").GetString());
        Assert.True(start.GetProperty("may").GetProperty("record").GetBoolean());

        // 指出错误: a talk by a party-group member recorded by the office, a reminder letter carrying the number the system issued.
        using (var talk = await app.As("office").PostJsonAsync($"{url}/talks", Talk(app, talker: "m1")))
        {
            Assert.Equal(HttpStatusCode.Created, talk.StatusCode);
        }
        using (var download = await app.As("office").GetAsync($"{c.Url}/documents/reminder-letter"))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        }
        var number = await app.WithDbAsync(d => d.Set<IssuedDocument>().Where(x => x.CaseId == c.Id && x.Kind == DocumentKind.ReminderLetter).Select(x => x.Number).SingleAsync());
        var afterLetter = await app.As("m2").PostJsonAsync($"{url}/reminder-letters", Letter(app)).OkAsync();
        var letter = Assert.Single(afterLetter.GetProperty("letters").EnumerateArray());
        Assert.Equal(number, letter.GetProperty("documentNumber").GetString());
        var talkView = Assert.Single(afterLetter.GetProperty("talks").EnumerateArray());
        Assert.Equal(("周书记", "何执法"), (talkView.GetProperty("talkerName").GetString(), talkView.GetProperty("interviewee").GetString()));
        Assert.Equal("AwaitingAnalysis", afterLetter.GetProperty("stage").GetString());

        // 帮助分析原因, then 督促制定整改措施: due dates in working days from today (Mon 2026-09-21, the Mid-Autumn and National Day holidays skipped).
        await app.As("office").PutJsonAsync($"{url}/cause-analysis", Analysis).OkAsync();
        using var created = await app.As("office").PostJsonAsync($"{url}/plan", new
        {
            measures = new[] { Measure(app, "staffA", 5), Measure(app, "leaderA", 10, "分局组织柔性执法后续监管专题培训。") },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("\"1\"", created.ETag());
        var plan = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.Clone();
        var dueDates = plan.GetProperty("plan").GetProperty("measures").EnumerateArray()
            .Select(m => (m.GetProperty("ownerName").GetString(), m.GetProperty("dueOn").GetString())).ToArray();
        Assert.Equal([("何执法", "2026-09-29"), ("张局长", "2026-10-12")], dueDates);
        Assert.Equal("Rectifying", plan.GetProperty("stage").GetString());

        // Each owner reports their own measure; the plan cannot be closed while one is open, nor before a follow-up.
        using (var done = await app.CompleteAsync(c, MeasureOf(plan, app, "staffA"), "staffA", ifMatch: 1))
        {
            Assert.Equal(HttpStatusCode.OK, done.StatusCode);
            Assert.Equal("\"2\"", done.ETag());
        }
        var open = await app.CloseAsync(c, ifMatch: 2).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("plan-not-closable", open.Code);
        Assert.Contains("还有 1 项整改措施未完成", open.Title);
        Assert.Contains("张局长", open.Title);
        await app.CompleteAsync(c, MeasureOf(plan, app, "leaderA"), "leaderA", ifMatch: 2).OkAsync();
        var unchecked_ = await app.CloseAsync(c, ifMatch: 3).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("跟踪检查", unchecked_.Title);

        // 跟踪监督落实 by 局机关纪委, then closed with its evidence.
        await app.FollowUpAsync(c, "inv", ifMatch: 3).OkAsync();
        using (var close = await app.CloseAsync(c, ifMatch: 4))
        {
            Assert.Equal(HttpStatusCode.OK, close.StatusCode);
            Assert.Equal("\"5\"", close.ETag());
        }
        var end = await app.ViewAsync(c);
        Assert.Equal(("Closed", "已验收销号", "2026-09-21"), (end.GetProperty("plan").GetProperty("status").GetString(), end.GetProperty("plan").GetProperty("statusName").GetString(), end.GetProperty("plan").GetProperty("closedOn").GetString()));
        Assert.Contains("附台账", end.GetProperty("plan").GetProperty("closureSummary").GetString());
        Assert.Equal("Closed", end.GetProperty("stage").GetString());
        Assert.False(end.GetProperty("may").GetProperty("followUp").GetBoolean());

        var list = await app.As("office").GetOkAsync("/api/correction");
        var row = Assert.Single(list.EnumerateArray());
        Assert.Equal((1, 1, true, "Closed", 2, 2, 0), (row.GetProperty("talks").GetInt32(), row.GetProperty("letters").GetInt32(), row.GetProperty("hasAnalysis").GetBoolean(),
            row.GetProperty("planStatus").GetString(), row.GetProperty("measures").GetInt32(), row.GetProperty("measuresDone").GetInt32(), row.GetProperty("overdue").GetInt32()));

        // Every step is in the case's audit trail, in the capacity it was done in.
        var entries = await app.WithDbAsync(d => d.AuditEntries.AsNoTracking().Where(e => e.CaseId == c.Id).OrderBy(e => e.Sequence)
            .Select(e => new { e.Action, e.ActorName, e.ActingAs }).ToListAsync());
        var correction = entries.SkipWhile(e => e.Action != "RecordCorrectionTalk").Where(e => e.Action != "IssueDocumentNumber").Select(e => (e.Action, e.ActorName, e.ActingAs)).ToArray();
        Assert.Equal(
        [
            ("RecordCorrectionTalk", "孙秘书", "局办公室（党组秘书）"),
            ("RecordReminderLetter", "李副局长", "局党组"),
            ("RecordCauseAnalysis", "孙秘书", "局办公室（党组秘书）"),
            ("CreateRectificationPlan", "孙秘书", "局办公室（党组秘书）"),
            ("CompleteRectificationMeasure", "何执法", "整改措施责任人"),
            ("CompleteRectificationMeasure", "张局长", "整改措施责任人"),
            ("RecordFollowUpCheck", "刘纪检", "局机关纪委"),
            ("CloseRectificationPlan", "孙秘书", "局办公室（党组秘书）"),
        ], correction);
        var timeline = await app.As("inv").GetOkAsync($"{c.Url}/timeline");
        Assert.Contains(timeline.EnumerateArray(), e => e.GetProperty("action").GetString() == "CloseRectificationPlan");
    }

    [Theory, AllDatabases]
    public async Task A_closed_plan_is_read_only(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var c = await app.DecidedCaseAsync();
        var plan = await app.PlanAsync(c, ("staffA", 3));
        await app.CompleteAsync(c, MeasureOf(plan, app, "staffA"), "staffA").OkAsync();
        await app.FollowUpAsync(c, "office").OkAsync();
        await app.CloseAsync(c).OkAsync();

        var attempts = new[]
        {
            app.As("office").PostJsonAsync($"{c.CorrectionUrl()}/plan/measures", Measure(app, "staffA", 5)),
            app.FollowUpAsync(c, "inv"),
            app.CloseAsync(c),
            app.As("office").PutJsonAsync($"{c.CorrectionUrl()}/cause-analysis", new { text = "事后改写原因分析。" }),
            app.As("office").PostJsonAsync($"{c.CorrectionUrl()}/talks", Talk(app)),
            app.As("office").PostJsonAsync($"{c.CorrectionUrl()}/reminder-letters", Letter(app)),
        };
        foreach (var attempt in attempts)
        {
            var refused = await attempt.ProblemAsync(HttpStatusCode.Conflict);
            Assert.Equal("plan-closed", refused.Code);
            Assert.Contains("只能查阅", refused.Title);
        }
        var planExists = await app.As("office").PostJsonAsync($"{c.CorrectionUrl()}/plan", new { measures = new[] { Measure(app, "staffA", 5) } }).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("plan-exists", planExists.Code);
        var view = await app.ViewAsync(c);
        Assert.Equal((false, false, false), (view.GetProperty("may").GetProperty("record").GetBoolean(), view.GetProperty("may").GetProperty("followUp").GetBoolean(), view.GetProperty("may").GetProperty("close").GetBoolean()));
        Assert.Equal(0, view.GetProperty("talks").GetArrayLength());
        Assert.Equal(1, view.GetProperty("plan").GetProperty("measures").GetArrayLength());
        Assert.Equal(1, view.GetProperty("plan").GetProperty("checks").GetArrayLength());
        Assert.Equal("跟踪复查没有台账，到期无提醒；集中任务期间未调整分工。", view.GetProperty("analysis").GetProperty("text").GetString());
    }

    [Theory, AllDatabases]
    public async Task A_stale_If_Match_on_the_plan_is_refused_and_nothing_changes(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var c = await app.DecidedCaseAsync();
        var plan = await app.PlanAsync(c, ("staffA", 5), ("leaderA", 5));
        Assert.Equal(1, PlanVersion(plan));
        await app.CompleteAsync(c, MeasureOf(plan, app, "staffA"), "staffA", ifMatch: 1).OkAsync();

        // The office still looks at version 1.
        var stale = await app.As("office").PostJsonAsync($"{c.CorrectionUrl()}/plan/measures", Measure(app, "staffA2", 5), ifMatch: 1).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("concurrency-conflict", stale.Code);
        Assert.Contains("第 1 版", stale.Title);
        Assert.Contains("第 2 版", stale.Title);
        var staleCheck = await app.FollowUpAsync(c, "inv", ifMatch: 1).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("concurrency-conflict", staleCheck.Code);
        var staleDone = await app.CompleteAsync(c, MeasureOf(plan, app, "leaderA"), "leaderA", ifMatch: 1).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("concurrency-conflict", staleDone.Code);

        var view = await app.ViewAsync(c);
        Assert.Equal(2, PlanVersion(view));
        Assert.Equal(2, view.GetProperty("plan").GetProperty("measures").GetArrayLength());
        Assert.Equal(0, view.GetProperty("plan").GetProperty("checks").GetArrayLength());
        Assert.Equal(1, view.GetProperty("plan").GetProperty("measures").EnumerateArray().Count(m => m.GetProperty("doneOn").ValueKind != JsonValueKind.Null));

        // With the current version the same change goes through.
        await app.As("office").PostJsonAsync($"{c.CorrectionUrl()}/plan/measures", Measure(app, "staffA2", 5), ifMatch: 2).OkAsync();
        Assert.Equal(3, (await app.ViewAsync(c)).GetProperty("plan").GetProperty("measures").GetArrayLength());
    }

    [Theory, AllDatabases]
    public async Task Only_the_party_group_and_its_office_point_out_analyse_plan_and_close(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var c = await app.DecidedCaseAsync();
        var url = c.CorrectionUrl();

        // The subject and the leader of the unit see the case but hold no duty; the discipline committee and the guidance group neither.
        foreach (var user in new[] { "staffA", "leaderA", "inv", "guide", "archivist" })
        {
            var talk = await app.As(user).PostJsonAsync($"{url}/talks", Talk(app)).ProblemAsync(HttpStatusCode.Forbidden);
            Assert.Equal("not-your-duty", talk.Code);
            Assert.Contains("局党组或局办公室（党组秘书）", talk.Title);
            Assert.Equal("not-your-duty", (await app.As(user).PostJsonAsync($"{url}/reminder-letters", Letter(app)).ProblemAsync(HttpStatusCode.Forbidden)).Code);
            Assert.Equal("not-your-duty", (await app.As(user).PutJsonAsync($"{url}/cause-analysis", Analysis).ProblemAsync(HttpStatusCode.Forbidden)).Code);
        }
        await app.As("m4").PutJsonAsync($"{url}/cause-analysis", Analysis).OkAsync();
        var invPlan = await app.As("inv").PostJsonAsync($"{url}/plan", new { measures = new[] { Measure(app, "staffA", 5) } }).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("not-your-duty", invPlan.Code);
        var plan = await app.As("m4").PostJsonAsync($"{url}/plan", new { measures = new[] { Measure(app, "staffA", 5) } }).OkAsync();

        // Follow-up is for 局机关纪委 and the office, not for party-group members.
        var memberCheck = await app.FollowUpAsync(c, "m1").ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("not-your-duty", memberCheck.Code);
        Assert.Contains("局机关纪委或局办公室（党组秘书）", memberCheck.Title);
        Assert.Equal("not-your-duty", (await app.FollowUpAsync(c, "staffA").ProblemAsync(HttpStatusCode.Forbidden)).Code);
        await app.FollowUpAsync(c, "inv", satisfactory: false).OkAsync();

        // Only the owner reports a measure done: not the office, not the owner's leader.
        var measure = MeasureOf(plan, app, "staffA");
        foreach (var user in new[] { "office", "leaderA", "m1" })
        {
            var refused = await app.CompleteAsync(c, measure, user).ProblemAsync(HttpStatusCode.Forbidden);
            Assert.Equal("not-measure-owner", refused.Code);
            Assert.Contains("何执法", refused.Title);
        }
        await app.CompleteAsync(c, measure, "staffA").OkAsync();
        Assert.Equal("measure-done", (await app.CompleteAsync(c, measure, "staffA").ProblemAsync(HttpStatusCode.Conflict)).Code);
        await app.FollowUpAsync(c, "office").OkAsync();
        Assert.Equal("not-your-duty", (await app.CloseAsync(c, "inv").ProblemAsync(HttpStatusCode.Forbidden)).Code);
        Assert.Equal("not-your-duty", (await app.CloseAsync(c, "staffA").ProblemAsync(HttpStatusCode.Forbidden)).Code);
        await app.CloseAsync(c, "m5").OkAsync();
    }

    [Theory, AllDatabases]
    public async Task A_party_group_member_who_is_the_subject_stands_aside_from_his_own_correction(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var c = await app.ExemptedCaseOfMemberAsync("m3");
        var url = c.CorrectionUrl();

        var own = await app.As("m3").PostJsonAsync($"{url}/talks", Talk(app, talker: "m1", interviewee: "m3")).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("separation-of-duties", own.Code);
        Assert.Contains("第六条", own.Title);
        Assert.Equal("separation-of-duties", (await app.As("m3").PutJsonAsync($"{url}/cause-analysis", Analysis).ProblemAsync(HttpStatusCode.Forbidden)).Code);

        // Nor can the office name him as the talker of his own talk.
        var talker = await app.As("office").PostJsonAsync($"{url}/talks", Talk(app, talker: "m3", interviewee: "m3")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("王副局长是本事项的问责对象", talker.Body.GetProperty("errors").GetProperty("talkerPersonId")[0].GetString());
        await app.As("office").PostJsonAsync($"{url}/talks", Talk(app, talker: "m1", interviewee: "m3")).OkAsync();
        Assert.False((await app.ViewAsync(c, "m3")).GetProperty("may").GetProperty("record").GetBoolean());
        Assert.True((await app.ViewAsync(c, "m1")).GetProperty("may").GetProperty("record").GetBoolean());
    }

    [Theory, AllDatabases]
    public async Task Someone_who_cannot_see_the_case_gets_not_found_but_an_owner_reports_a_measure_given_to_him(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var c = await app.DecidedCaseAsync();
        var plan = await app.PlanAsync(c, ("staffA", 5), ("staffB", 5));

        foreach (var user in new[] { "staffB", "staffA2", "leaderB", "sysadmin" })
        {
            Assert.Equal("case-not-found", (await app.As(user).GetAsync(c.CorrectionUrl()).ProblemAsync(HttpStatusCode.NotFound)).Code);
            Assert.Equal("case-not-found", (await app.As(user).PostJsonAsync($"{c.CorrectionUrl()}/talks", Talk(app)).ProblemAsync(HttpStatusCode.NotFound)).Code);
        }
        Assert.Empty((await app.As("staffB").GetOkAsync("/api/correction")).EnumerateArray());
        Assert.Equal("case-not-found", (await app.CompleteAsync(c, MeasureOf(plan, app, "staffA"), "staffA2").ProblemAsync(HttpStatusCode.NotFound)).Code);
        Assert.Equal("case-not-found", (await app.CompleteAsync(c, Guid.NewGuid(), "staffB").ProblemAsync(HttpStatusCode.NotFound)).Code);

        // staffB of 城西分局 was given a measure: it is his to report, though the case is not his to read.
        var mine = Assert.Single((await app.As("staffB").GetOkAsync("/api/correction/my-measures")).EnumerateArray());
        Assert.Equal((c.Number, false), (mine.GetProperty("caseNumber").GetString(), mine.GetProperty("mayOpenCase").GetBoolean()));
        var done = await app.CompleteAsync(c, MeasureOf(plan, app, "staffB"), "staffB", ifMatch: 1).OkAsync();
        Assert.Equal("Done", done.GetProperty("state").GetString());
        Assert.Equal("case-not-found", (await app.As("staffB").GetAsync(c.CorrectionUrl()).ProblemAsync(HttpStatusCode.NotFound)).Code);
    }

    [Theory, AllDatabases]
    public async Task Correction_is_refused_for_a_case_not_exempted_and_for_one_not_yet_decided(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var refused = await app.DecidedCaseAsync(Outcome.NotExempted);
        var pending = await new Support.Procedure(app).ReportedCaseAsync("staffA2");

        foreach (var (c, state) in new[] { (refused, "不予容错免责"), (pending, "尚未认定") })
        {
            var talk = await app.As("office").PostJsonAsync($"{c.CorrectionUrl()}/talks", Talk(app, interviewee: c == refused ? "staffA" : "staffA2")).ProblemAsync(HttpStatusCode.Conflict);
            Assert.Equal("correction-not-applicable", talk.Code);
            Assert.Contains(state, talk.Title);
            Assert.Contains("第八条", talk.Title);
            Assert.Equal("correction-not-applicable", (await app.As("office").GetAsync(c.CorrectionUrl()).ProblemAsync(HttpStatusCode.Conflict)).Code);
            Assert.Equal("correction-not-applicable", (await app.As("office").PutJsonAsync($"{c.CorrectionUrl()}/cause-analysis", Analysis).ProblemAsync(HttpStatusCode.Conflict)).Code);
        }
        Assert.Empty((await app.As("office").GetOkAsync("/api/correction")).EnumerateArray());
        Assert.Equal(0, await app.WithDbAsync(d => d.Set<CorrectionTalk>().CountAsync()));
    }

    [Theory, AllDatabases]
    public async Task A_mitigated_case_is_corrected_like_an_exempted_one_and_both_are_listed(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var exempted = await app.DecidedCaseAsync(Outcome.Exempted);
        var mitigated = await app.DecidedCaseAsync(Outcome.Mitigated, subject: "staffA2");
        await app.DecidedCaseAsync(Outcome.NotExempted, subject: "staffB");

        await app.As("office").PostJsonAsync($"{mitigated.CorrectionUrl()}/talks", Talk(app, interviewee: "staffA2")).OkAsync();
        var view = await app.ViewAsync(mitigated);
        Assert.Equal(("Mitigated", "免予处分，进行提醒谈话。"), (view.GetProperty("outcome").GetString(), view.GetProperty("mitigation").GetString()));

        var list = (await app.As("office").GetOkAsync("/api/correction")).EnumerateArray().ToDictionary(i => i.GetProperty("caseId").GetGuid());
        Assert.Equal(new[] { exempted.Id, mitigated.Id }.Order(), list.Keys.Order());
        Assert.Equal(("AwaitingTalkOrLetter", "未制定"), (list[exempted.Id].GetProperty("stage").GetString(), list[exempted.Id].GetProperty("planStatusName").GetString()));
        Assert.Equal(("AwaitingAnalysis", 1), (list[mitigated.Id].GetProperty("stage").GetString(), list[mitigated.Id].GetProperty("talks").GetInt32()));

        // The subject of the mitigated case sees his own correction only.
        var own = Assert.Single((await app.As("staffA2").GetOkAsync("/api/correction")).EnumerateArray());
        Assert.Equal(mitigated.Id, own.GetProperty("caseId").GetGuid());
    }

    [Theory, AllDatabases]
    public async Task Input_is_validated_as_a_whole_before_anything_is_written(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var c = await app.DecidedCaseAsync();
        var url = c.CorrectionUrl();

        var talk = await app.As("office").PostJsonAsync($"{url}/talks", new
        {
            heldOn = app.Clock.Today.AddDays(1),
            talkerPersonId = Guid.NewGuid(),
            intervieweePersonId = app.Cast.PersonOf["staffB"],
            place = "",
            points = "",
        }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("validation-failed", talk.Code);
        var errors = talk.Body.GetProperty("errors");
        Assert.Equal(["heldOn", "interviewee", "place", "points", "talkerPersonId"], errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Equal($"谈话日期（{app.Clock.Today.AddDays(1):yyyy-MM-dd}）不能晚于今天（{app.Clock.Today:yyyy-MM-dd}）。", errors.GetProperty("heldOn")[0].GetString());
        Assert.Equal("谈话对象应为本案的问责单位或个人。", errors.GetProperty("interviewee")[0].GetString());

        var early = await app.As("office").PostJsonAsync($"{url}/reminder-letters", new { sentOn = new DateOnly(2026, 1, 5), addressee = "何执法", points = "提醒。" }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("不能早于认定日期", early.Body.GetProperty("errors").GetProperty("sentOn")[0].GetString());

        // The plan follows the analysis; then every measure needs its text, owner and a time limit of 1 to 120 working days.
        var noAnalysis = await app.As("office").PostJsonAsync($"{url}/plan", new { measures = new[] { Measure(app, "staffA", 5) } }).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("analysis-missing", noAnalysis.Code);
        await app.As("office").PutJsonAsync($"{url}/cause-analysis", Analysis).OkAsync();
        var empty = await app.As("office").PostJsonAsync($"{url}/plan", new { measures = Array.Empty<object>() }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("请至少列出一项整改措施。", empty.Body.GetProperty("errors").GetProperty("measures")[0].GetString());
        var bad = await app.As("office").PostJsonAsync($"{url}/plan", new
        {
            measures = new object[]
            {
                Measure(app, "staffA", 5),
                new { text = "", ownerPersonId = (Guid?)null, workingDays = 0 },
                new { text = "过长的措施。", ownerPersonId = app.Cast.PersonOf["staffA"], workingDays = 121 },
            },
        }).ProblemAsync(HttpStatusCode.BadRequest);
        var planErrors = bad.Body.GetProperty("errors");
        Assert.Equal(["measures[1].ownerPersonId", "measures[1].text", "measures[1].workingDays", "measures[2].workingDays"], planErrors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal("完成时限应为 1 至 120 个工作日。", planErrors.GetProperty("measures[2].workingDays")[0].GetString());

        var view = await app.ViewAsync(c);
        Assert.Empty(view.GetProperty("talks").EnumerateArray());
        Assert.Empty(view.GetProperty("letters").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("plan").ValueKind);
    }
}
