using System.Net;
using AngleSharp.Dom;
using SafeHarbor.Cases;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Pages;

/// <summary>The party-group meeting page: attendance and the live quorum panel, each member's own vote, recusals.</summary>
[Article("5(3)", "6")]
public sealed class MeetingPageTests
{
    /// <summary>Marks exactly the given members present in the attendance form, the others absent with a reason.</summary>
    private static Action<FormFields> Attendance(TestApp app, WebPage page, params string[] present) => f =>
    {
        var rows = page.All("form[data-testid=attendance] input[type=hidden][name$='.PersonId']");
        foreach (var row in rows)
        {
            var prefix = row.GetAttribute("name")![..^".PersonId".Length];
            var here = present.Any(m => app.Cast.PersonOf[m].ToString() == row.GetAttribute("value"));
            f.Remove($"{prefix}.Present");
            if (here)
            {
                f.Set($"{prefix}.Present", "true").Set($"{prefix}.AbsenceReason", "");
            }
            else
            {
                f.Set($"{prefix}.AbsenceReason", "外出执行公务");
            }
        }
    };

    private static async Task<string> OpenMeetingThroughThePageAsync(Browser office)
    {
        var list = await office.GetAsync("/Meetings");
        var opened = await office.SubmitAsync(list, "main form[method=post]", f => f.Set("Input.Title", "2026年第十六次党组会议"));
        Assert.True(opened.Status == HttpStatusCode.Redirect, opened.Summary + opened.Text);
        return opened.Location!;
    }

    private static IElement? VoteForm(WebPage page, string number) =>
        page.Find($"[data-testid='agenda-{number}'] form[aria-label='我的表决']");

    [Theory, AllDatabases]
    public async Task Two_of_five_present_is_shown_as_no_quorum_on_the_page_and_in_the_polled_panel_and_three_reach_it(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.CaseInStatusAsync(CaseStatus.Reported);
        using var office = await Browser.SignedInAsync(app, "office");
        using var m1 = await Browser.SignedInAsync(app, "m1");
        var url = await OpenMeetingThroughThePageAsync(office);

        var meeting = await office.GetAsync(url);
        var recorded = await office.SubmitAsync(meeting, "form[data-testid=attendance]", Attendance(app, meeting, "m1", "m2"));
        Assert.Equal(HttpStatusCode.Redirect, recorded.Status);
        Assert.Equal(url, recorded.Location);

        meeting = await office.GetAsync(url);
        var quorum = meeting.TextOf("[data-testid=quorum]");
        Assert.StartsWith("未达到法定人数", quorum);
        Assert.Contains("应到 5 人，实到 2 人", quorum);
        Assert.Equal($"{url}?handler=Quorum", meeting.Single("[hx-get][hx-trigger]").GetAttribute("hx-get"));

        // The htmx poll answers the panel alone, to every member.
        var poll = await m1.GetAsync($"{url}?handler=Quorum");
        Assert.Equal(HttpStatusCode.OK, poll.Status);
        Assert.Null(poll.Find("header"));
        Assert.StartsWith("未达到法定人数", poll.TextOf("[data-testid=quorum]"));
        Assert.Contains("alert-warning", poll.Single("[data-testid=quorum]").ClassList);

        meeting = await office.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, (await office.SubmitAsync(meeting, "form[data-testid=attendance]", Attendance(app, meeting, "m1", "m2", "m3"))).Status);
        poll = await m1.GetAsync($"{url}?handler=Quorum");
        Assert.StartsWith("已达到法定人数", poll.TextOf("[data-testid=quorum]"));
        Assert.Contains("应到 5 人，实到 3 人", poll.TextOf("[data-testid=quorum]"));
        Assert.Contains("缺席：外出执行公务", (await m1.GetAsync(url)).TextOf("section[aria-labelledby=s-attendance]"));
    }

    [Theory, AllDatabases]
    public async Task With_a_quorum_each_present_member_votes_once_and_recused_or_absent_members_see_no_vote_buttons(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var c = await app.CaseInStatusAsync(CaseStatus.Reported);
        using var office = await Browser.SignedInAsync(app, "office");
        var url = await OpenMeetingThroughThePageAsync(office);
        var page = await office.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, (await office.SubmitAsync(page, "form[data-testid=attendance]", Attendance(app, page, "m1", "m2", "m3", "m4"))).Status);
        page = await office.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, (await office.SubmitAsync(page, "form[action$='handler=Schedule']")).Status);

        var listed = (await office.GetAsync("/Meetings")).All("[data-testid=meetings] tbody tr").Single(tr => tr.QuerySelector($"a[href='{url}']") is not null);
        Assert.Equal(["2026年第十六次党组会议", "2026-09-21", "1 件", "进行中"], listed.QuerySelectorAll("td").Select(td => Browser.Squash(td.TextContent)).ToArray());

        // m4 has an interest in the matter and withdraws from it (回避).
        page = await office.GetAsync(url);
        var recusal = await office.SubmitAsync(page, $"[data-testid='agenda-{c.Number}'] form[action$='handler=Recusal']", f => f
            .Set("Input.PersonId", app.Cast.PersonOf["m4"].ToString()).Set("Input.Reason", "与当事人系近亲属"));
        Assert.True(recusal.Status == HttpStatusCode.Redirect, recusal.Summary);
        Assert.Contains("回避：陈副局长（与当事人系近亲属）", (await office.GetAsync(url)).TextOf($"[data-testid='agenda-{c.Number}']"));

        var members = new Dictionary<string, Browser>();
        foreach (var m in Cast.Members)
        {
            members[m] = await Browser.SignedInAsync(app, m);
        }
        try
        {
            var m1Page = await members["m1"].GetAsync(url);
            var buttons = VoteForm(m1Page, c.Number)?.QuerySelectorAll("button").Select(b => Browser.Squash(b.TextContent)).ToArray();
            Assert.NotNull(buttons);
            Assert.Contains("同意予以容错免责", buttons);
            Assert.Contains("弃权", buttons);
            Assert.NotNull(VoteForm(await members["m2"].GetAsync(url), c.Number));
            Assert.Null(VoteForm(await members["m4"].GetAsync(url), c.Number)); // recused
            Assert.Null(VoteForm(await members["m5"].GetAsync(url), c.Number)); // absent
            Assert.Null(VoteForm(page, c.Number)); // the office does not vote

            var voted = await members["m1"].SubmitAsync(m1Page, $"[data-testid='agenda-{c.Number}'] form[action$='handler=Vote']", buttonSelector: "button[value=Exempted]");
            Assert.Equal(HttpStatusCode.Redirect, voted.Status);
            var after = await members["m1"].FollowAsync(voted);
            Assert.Contains("您的表决（同意予以容错免责）已记录", after.TextOf("main > [role=status]"));
            Assert.Null(VoteForm(after, c.Number));
            // Until the decision the member may correct the vote, with a reason.
            var correction = after.Single($"[data-testid='agenda-{c.Number}'] [data-testid=correct-vote] form[aria-label='更正表决']");
            Assert.NotNull(correction.QuerySelector("input[name='Input.Reason']"));
            Assert.Null(correction.QuerySelector("button[value=Exempted]"));
            Assert.Contains("周书记 同意予以容错免责", after.TextOf($"[data-testid='agenda-{c.Number}'] [data-testid=votes]"));
            Assert.NotNull(VoteForm(await members["m2"].GetAsync(url), c.Number));

            // Pressing the old button again records nothing more.
            var again = await members["m1"].SubmitAsync(m1Page, $"[data-testid='agenda-{c.Number}'] form[action$='handler=Vote']", buttonSelector: "button[value=NotExempted]");
            Assert.Equal(HttpStatusCode.OK, again.Status);
            Assert.NotEqual("", again.Summary);
            var votes = (await app.As("office").GetOkAsync($"/api/meetings/{url["/Meetings/".Length..]}")).GetProperty("agenda")[0].GetProperty("votes");
            Assert.Equal(1, votes.GetArrayLength());
        }
        finally
        {
            foreach (var b in members.Values)
            {
                b.Dispose();
            }
        }
    }

    [Theory, AllDatabases]
    public async Task Without_a_quorum_no_member_is_offered_vote_buttons(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var c = await app.CaseInStatusAsync(CaseStatus.Reported);
        var flow = new Support.Procedure(app);
        var meeting = await flow.OpenMeetingAsync(present: 2);
        await flow.ScheduleAsync(meeting, c);
        using var m1 = await Browser.SignedInAsync(app, "m1");

        var page = await m1.GetAsync($"/Meetings/{meeting}");
        Assert.StartsWith("未达到法定人数", page.TextOf("[data-testid=quorum]"));
        var offered = VoteForm(page, c.Number);
        if (offered is not null)
        {
            // What a press does: refused, nothing recorded.
            var pressed = await m1.SubmitAsync(page, $"[data-testid='agenda-{c.Number}'] form[action$='handler=Vote']", buttonSelector: "button[value=Exempted]");
            Assert.Equal(HttpStatusCode.OK, pressed.Status);
            Assert.Contains("未达到法定人数", pressed.Summary);
            Assert.Equal(0, (await app.As("office").GetOkAsync($"/api/meetings/{meeting}")).GetProperty("agenda")[0].GetProperty("votes").GetArrayLength());
        }
        Assert.True(offered is null,
            "m1 is offered vote buttons although the meeting has no quorum; every press is refused with 未达到法定人数");
    }
}
