using System.Net;
using SafeHarbor.Cases;
using SafeHarbor.Features.Determination;
using SafeHarbor.IntegrationTests.Pages;
using SafeHarbor.IntegrationTests.Support;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.IntegrationTests.Procedure;

/// <summary>
/// Voting as a party group votes: a vote can be corrected with a reason until the decision is recorded (audited);
/// the secretary records a 举手表决 member by member; a recusal follows the case to a later meeting; when no
/// outcome has the votes, the meeting page says what to do.
/// </summary>
[Article("3", "5(3)")]
public sealed class VotingTests
{
    [Theory, AllDatabases]
    public async Task A_vote_is_corrected_with_a_reason_until_the_decision_and_the_audit_keeps_both(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var flow = new Support.Procedure(app);
        var c = await flow.ReportedCaseAsync();
        var meeting = await flow.OpenMeetingAsync();
        await flow.ScheduleAsync(meeting, c);
        await flow.VoteAsync(meeting, c, "m1", VoteChoice.NotExempted).OkAsync();

        Assert.Equal("already-voted", (await flow.VoteAsync(meeting, c, "m1", VoteChoice.Exempted).ProblemAsync(HttpStatusCode.Conflict)).Code);
        await app.As("m1").PostJsonAsync($"/api/meetings/{meeting}/agenda/{c.Id}/votes",
            new { choice = VoteChoice.Exempted, correctionReason = "误点了不予容错免责" }).OkAsync();

        var agenda = (await app.As("office").GetOkAsync($"/api/meetings/{meeting}")).GetProperty("agenda")[0];
        var vote = Assert.Single(agenda.GetProperty("votes").EnumerateArray());
        Assert.Equal("Exempted", vote.GetProperty("choice").GetString());
        var corrected = (await app.As("inv").GetOkAsync($"{c.Url}/timeline")).EnumerateArray().Last(e => e.GetProperty("action").GetString() == "Vote");
        Assert.Contains("误点了不予容错免责", corrected.GetProperty("details").ToString());
        Assert.Contains("同意不予容错免责", corrected.GetProperty("details").GetProperty("changes").GetProperty("previous").GetString());

        await flow.VoteManyAsync(meeting, c, VoteChoice.Exempted, "m2", "m3", "m4");
        await flow.DecideAsync(meeting, c, Outcome.Exempted).OkAsync();
        var late = await app.As("m1").PostJsonAsync($"/api/meetings/{meeting}/agenda/{c.Id}/votes",
            new { choice = VoteChoice.NotExempted, correctionReason = "改变主意" });
        Assert.False(late.IsSuccessStatusCode);
        Assert.Equal("Exempted", (await app.As("office").GetOkAsync($"/api/meetings/{meeting}")).GetProperty("agenda")[0].GetProperty("votes")[0].GetProperty("choice").GetString());
    }

    [Theory, AllDatabases]
    public async Task The_secretary_records_a_show_of_hands_for_the_members_present_and_no_one_else(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var flow = new Support.Procedure(app);
        var c = await flow.ReportedCaseAsync();
        var meeting = await flow.OpenMeetingAsync(present: 4); // m5 away
        await flow.ScheduleAsync(meeting, c);
        await app.As("office").PostJsonAsync($"/api/meetings/{meeting}/agenda/{c.Id}/recusals",
            new { personId = app.Cast.PersonOf["m4"], reason = "与申请人系近亲属" }).OkAsync();
        object Hand(string member, VoteChoice choice) => new { personId = app.Cast.PersonOf[member], choice };
        var url = $"/api/meetings/{meeting}/agenda/{c.Id}/votes";

        Assert.Equal(HttpStatusCode.Forbidden, (await app.As("m1").PutJsonAsync(url, new { votes = new[] { Hand("m1", VoteChoice.Exempted) } })).StatusCode);
        var absent = await app.As("office").PutJsonAsync(url, new { votes = new[] { Hand("m1", VoteChoice.Exempted), Hand("m5", VoteChoice.Exempted) } })
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("未出席本次会议", absent.Title);
        var recused = await app.As("office").PutJsonAsync(url, new { votes = new[] { Hand("m4", VoteChoice.Exempted) } }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("已对本事项回避", recused.Title);
        Assert.Empty((await app.As("office").GetOkAsync($"/api/meetings/{meeting}")).GetProperty("agenda")[0].GetProperty("votes").EnumerateArray());

        await app.As("office").PutJsonAsync(url, new { votes = new[] { Hand("m1", VoteChoice.Exempted), Hand("m2", VoteChoice.Exempted), Hand("m3", VoteChoice.Exempted) } }).OkAsync();

        var votes = (await app.As("office").GetOkAsync($"/api/meetings/{meeting}")).GetProperty("agenda")[0].GetProperty("votes").EnumerateArray().ToList();
        Assert.Equal(3, votes.Count);
        var entries = (await app.As("inv").GetOkAsync($"{c.Url}/timeline")).EnumerateArray().Where(e => e.GetProperty("action").GetString() == "RecordShowOfHands").ToList();
        Assert.Equal(3, entries.Count);
        Assert.All(entries, e => Assert.Equal("举手表决", e.GetProperty("details").GetProperty("changes").GetProperty("method").GetString()));
        Assert.All(entries, e => Assert.Equal("孙秘书", e.GetProperty("actorName").GetString()));
        await flow.DecideAsync(meeting, c, Outcome.Exempted).OkAsync();

        // A show of hands, like any vote, waits for the meeting's date.
        var later = await flow.ReportedCaseAsync();
        var tomorrow = (await app.As("office").PostJsonAsync("/api/meetings", new { title = "明日党组会议", heldOn = app.Clock.Today.AddDays(1), place = "三楼会议室" }).OkAsync())
            .GetProperty("id").GetGuid();
        await flow.ScheduleAsync(tomorrow, later);
        var early = await app.As("office").PutJsonAsync($"/api/meetings/{tomorrow}/agenda/{later.Id}/votes", new { votes = new[] { Hand("m1", VoteChoice.Exempted) } })
            .ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("meeting-not-held", early.Code);
    }

    [Theory, AllDatabases]
    public async Task A_recusal_follows_the_case_to_the_next_meeting(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var flow = new Support.Procedure(app);
        var c = await flow.ReportedCaseAsync();
        var first = await flow.OpenMeetingAsync();
        await flow.ScheduleAsync(first, c);
        await app.As("office").PostJsonAsync($"/api/meetings/{first}/agenda/{c.Id}/recusals",
            new { personId = app.Cast.PersonOf["m2"], reason = "曾参与该事项的执法审核" }).OkAsync();
        await app.As("office").PostJsonAsync($"/api/meetings/{first}/agenda/{c.Id}/postponement", new { reason = "待补充情况后下次会议研究" }).OkAsync();

        var second = await flow.OpenMeetingAsync();
        await flow.ScheduleAsync(second, c);

        var recused = Assert.Single((await app.As("office").GetOkAsync($"/api/meetings/{second}")).GetProperty("agenda")[0].GetProperty("recused").EnumerateArray());
        Assert.Equal(app.Cast.PersonOf["m2"], recused.GetProperty("personId").GetGuid());
        Assert.Contains("曾参与该事项的执法审核", recused.GetProperty("absenceReason").GetString());
        Assert.Equal("recused", (await flow.VoteAsync(second, c, "m2", VoteChoice.Exempted).ProblemAsync(HttpStatusCode.Forbidden)).Code);
        var carried = (await app.As("inv").GetOkAsync($"{c.Url}/timeline")).EnumerateArray().Last(e => e.GetProperty("action").GetString() == "RecordRecusal");
        Assert.Equal("党组会议", carried.GetProperty("details").GetProperty("changes").GetProperty("carriedFrom").GetString());
    }

    [Theory, AllDatabases]
    public async Task When_no_outcome_has_the_votes_the_meeting_page_offers_postponement_and_the_next_meeting(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var flow = new Support.Procedure(app);
        var c = await flow.ReportedCaseAsync();
        var meeting = await flow.OpenMeetingAsync();
        await flow.ScheduleAsync(meeting, c);
        await flow.VoteManyAsync(meeting, c, VoteChoice.Exempted, "m1", "m2");
        await flow.VoteManyAsync(meeting, c, VoteChoice.NotExempted, "m3", "m4");
        using var office = await Browser.SignedInAsync(app, "office");
        Assert.Null((await office.GetAsync($"/Meetings/{meeting}")).Find("[data-testid=no-decision]"));

        await flow.VoteAsync(meeting, c, "m5", VoteChoice.Abstain).OkAsync();

        var page = await office.GetAsync($"/Meetings/{meeting}");
        var advice = page.Single("[data-testid=no-decision]");
        Assert.Contains("表决未能形成决定", advice.TextContent);
        Assert.Contains("暂缓研究", advice.TextContent);
        Assert.NotNull(advice.QuerySelector("a[href='/Meetings']"));
        Assert.NotNull(page.Find($"[data-testid='agenda-{c.Number}'] form[action$='handler=Postpone']"));
        Assert.Equal("no-majority", (await flow.DecideAsync(meeting, c, Outcome.Exempted).ProblemAsync(HttpStatusCode.Conflict)).Code);
    }
}
