using System.Net;
using SafeHarbor.Cases;
using SafeHarbor.Features.Determination;
using SafeHarbor.IntegrationTests.Support;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.IntegrationTests.Procedure;

/// <summary>Art. 5(3) and Art. 6 at the party-group meeting: quorum, majority of those entitled, recusal, one vote each.</summary>
[Article("5(3)", "6")]
public sealed class MeetingRulesTests
{
    [Theory, AllDatabases]
    public async Task Without_a_quorum_nobody_votes_and_a_decision_needs_more_than_half_of_the_members_entitled(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var flow = new Support.Procedure(app);
        var c = await flow.ReportedCaseAsync();
        var meeting = await flow.OpenMeetingAsync(present: 2);
        await flow.ScheduleAsync(meeting, c);

        var noQuorum = await flow.VoteAsync(meeting, c, "m1", VoteChoice.Exempted).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("no-quorum", noQuorum.Code);
        Assert.Contains("未达到法定人数", noQuorum.Title);
        Assert.Contains("应到 5 人，实到 2 人", noQuorum.Title);
        var noDecision = await flow.DecideAsync(meeting, c, Outcome.Exempted).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("no-quorum", noDecision.Code);
        Assert.Contains("法定人数", noDecision.Title);
        var view = await app.As("office").GetOkAsync($"/api/meetings/{meeting}");
        Assert.False(view.GetProperty("quorum").GetProperty("reached").GetBoolean());
        Assert.Empty(view.GetProperty("agenda")[0].GetProperty("votes").EnumerateArray());

        // A third member arrives: 3 of 5 is a quorum, and a decision needs 3 votes (more than half of 5 entitled).
        await app.As("office").PutJsonAsync($"/api/meetings/{meeting}/attendance", new
        {
            members = Cast.Members.Select((m, i) => new { personId = app.Cast.PersonOf[m], present = i < 3, absenceReason = i < 3 ? null : "出差" }).ToArray(),
        }).OkAsync();
        await flow.VoteManyAsync(meeting, c, VoteChoice.Exempted, "m1", "m2");
        var noMajority = await flow.DecideAsync(meeting, c, Outcome.Exempted).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("no-majority", noMajority.Code);
        Assert.Contains("仅获得 2 票", noMajority.Title);
        Assert.Contains("至少 3 票", noMajority.Title);
        Assert.Equal("Scheduled", (await flow.GetAsync(c)).Status());

        await flow.VoteManyAsync(meeting, c, VoteChoice.Exempted, "m3");
        await flow.DecideAsync(meeting, c, Outcome.Exempted).OkAsync();
        var decided = await flow.GetAsync(c);
        Assert.Equal("Decided", decided.Status());
        Assert.Equal("予以容错免责", decided.GetProperty("decision").GetProperty("outcomeName").GetString());
    }

    [Theory, AllDatabases]
    public async Task Recused_absent_and_subject_members_cannot_vote_and_nobody_votes_twice(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var flow = new Support.Procedure(app);
        var c = await flow.ReportedCaseAsync();
        // m2, a party-group member, is himself held accountable in another matter.
        var own = await flow.RegisterAsync(subject: "m2");
        await flow.ApplyAsync(own, "m2");
        await flow.VerifyAsync(own);
        await flow.ReportAsync(own, Outcome.Exempted);

        var meeting = await flow.OpenMeetingAsync(present: 4); // m5 away
        await flow.ScheduleAsync(meeting, c);
        await flow.ScheduleAsync(meeting, own);
        await app.As("office").PostJsonAsync($"/api/meetings/{meeting}/agenda/{c.Id}/recusals",
            new { personId = app.Cast.PersonOf["m1"], reason = "与申请人系近亲属" }).OkAsync();

        var recused = await flow.VoteAsync(meeting, c, "m1", VoteChoice.Exempted).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("recused", recused.Code);
        Assert.Equal("您已对本事项回避，不能表决（第六条）。", recused.Title);

        var subject = await flow.VoteAsync(meeting, own, "m2", VoteChoice.Exempted).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("separation-of-duties", subject.Code);
        Assert.Contains("依照第六条应当回避", subject.Title);

        var absent = await flow.VoteAsync(meeting, c, "m5", VoteChoice.Exempted).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("not-present", absent.Code);
        Assert.Equal("您未出席本次会议，不能表决。", absent.Title);

        await flow.VoteAsync(meeting, c, "m3", VoteChoice.Exempted).OkAsync();
        var twice = await flow.VoteAsync(meeting, c, "m3", VoteChoice.NotExempted).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("already-voted", twice.Code);
        Assert.Contains("如需更正，请说明更正理由", twice.Title);

        var view = await app.As("office").GetOkAsync($"/api/meetings/{meeting}");
        var agenda = view.GetProperty("agenda").EnumerateArray().ToDictionary(a => a.GetProperty("caseId").GetGuid());
        var recusedOnC = Assert.Single(agenda[c.Id].GetProperty("recused").EnumerateArray());
        Assert.Equal(app.Cast.PersonOf["m1"], recusedOnC.GetProperty("personId").GetGuid());
        var recusedOnOwn = Assert.Single(agenda[own.Id].GetProperty("recused").EnumerateArray());
        Assert.Equal(app.Cast.PersonOf["m2"], recusedOnOwn.GetProperty("personId").GetGuid());
        Assert.Contains("第六条", recusedOnOwn.GetProperty("absenceReason").GetString());
        var votes = Assert.Single(agenda[c.Id].GetProperty("votes").EnumerateArray());
        Assert.Equal("Exempted", votes.GetProperty("choice").GetString());
        Assert.Empty(agenda[own.Id].GetProperty("votes").EnumerateArray());
    }

    [Theory, AllDatabases]
    public async Task A_postponed_case_can_be_put_back_on_the_same_meetings_agenda_with_a_fresh_tally(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var flow = new Support.Procedure(app);
        var c = await flow.ReportedCaseAsync();
        var meeting = await flow.OpenMeetingAsync();
        await flow.ScheduleAsync(meeting, c);
        await flow.VoteAsync(meeting, c, "m1", VoteChoice.Exempted).OkAsync();

        await app.As("office").PostJsonAsync($"/api/meetings/{meeting}/agenda/{c.Id}/postponement", new { reason = "需补充了解整改情况后再议" }).OkAsync();
        Assert.Equal("Reported", (await flow.GetAsync(c)).Status());

        // Later in the same meeting the matter is taken up again (会议未能形成决定的，移出议题另行研究).
        var again = await app.As("office").PostJsonAsync($"/api/meetings/{meeting}/agenda", new { caseId = c.Id }).OkAsync();
        Assert.Equal("Scheduled", again.GetProperty("status").GetString());
        var view = await app.As("office").GetOkAsync($"/api/meetings/{meeting}");
        var item = Assert.Single(view.GetProperty("agenda").EnumerateArray());
        Assert.Equal(c.Id, item.GetProperty("caseId").GetGuid());
        Assert.Empty(item.GetProperty("votes").EnumerateArray());

        await flow.VoteManyAsync(meeting, c, VoteChoice.Exempted, Cast.Members);
        await flow.DecideAsync(meeting, c, Outcome.Exempted).OkAsync();
        Assert.Equal("Decided", (await flow.GetAsync(c)).Status());
    }
}
