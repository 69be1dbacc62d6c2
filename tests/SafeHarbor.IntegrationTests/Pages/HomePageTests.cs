using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Features.Determination;
using SafeHarbor.IntegrationTests.Support;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.IntegrationTests.Pages;

/// <summary>The home page: 待办 with a link to the step and its deadline, 已办, 我的申请.</summary>
public sealed class HomePageTests
{
    private static IElement? TodoRow(WebPage home, CaseRef c) =>
        home.All("table[data-testid=todo] tbody tr").SingleOrDefault(tr => tr.QuerySelector($"a[href='/Cases/{c.Id}']") is not null);

    private static IElement? Row(WebPage home, string pane, CaseRef c) =>
        home.All($"#{pane} tbody tr").SingleOrDefault(tr => tr.QuerySelector($"a[href='/Cases/{c.Id}']") is not null);

    private static (string Text, string Href)[] StepLinks(IElement row) =>
        row.QuerySelectorAll("td:nth-child(4) a").Select(a => (Browser.Squash(a.TextContent), a.GetAttribute("href") ?? "")).ToArray();

    [Theory, AllDatabases]
    public async Task The_todo_list_offers_each_user_the_step_the_procedure_waits_for_and_the_done_and_mine_lists_follow(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var flow = new Support.Procedure(app);
        using var staffA = await Browser.SignedInAsync(app, "staffA");
        using var inv = await Browser.SignedInAsync(app, "inv");
        using var office = await Browser.SignedInAsync(app, "office");
        using var staffA2 = await Browser.SignedInAsync(app, "staffA2");
        var c = await flow.RegisterAsync("staffA");

        // Registered: the person held accountable is asked to apply, with the deadline.
        var home = await staffA.GetAsync("/");
        var row = TodoRow(home, c);
        Assert.NotNull(row);
        Assert.Equal([("提出容错免责申请", $"/Cases/{c.Id}/Apply")], StepLinks(row));
        Assert.Contains("申请期限：剩余", Browser.Squash(row.QuerySelector("[data-testid=deadline]")?.TextContent));
        Assert.Equal("1", home.TextOf("[data-testid=todo-count]"));
        Assert.NotNull(Row(home, "mine", c));
        Assert.Null(Row(home, "done", c));
        Assert.Null(TodoRow(await inv.GetAsync("/"), c));
        Assert.NotNull(Row(await inv.GetAsync("/"), "done", c)); // inv registered it
        var colleague = await staffA2.GetAsync("/");
        Assert.Null(TodoRow(colleague, c));
        Assert.Null(Row(colleague, "mine", c));

        // Submitted: now the discipline committee is waited for; the applicant has it under 已办 and 我的申请.
        await flow.ApplyAsync(c);
        var invHome = await inv.GetAsync("/");
        row = TodoRow(invHome, c);
        Assert.NotNull(row);
        Assert.Equal([("开始调查核实", $"/Cases/{c.Id}/Verify")], StepLinks(row));
        Assert.Equal("待核实", Browser.Squash(row.QuerySelector(".badge")?.TextContent));
        home = await staffA.GetAsync("/");
        Assert.Null(TodoRow(home, c));
        var done = Row(home, "done", c);
        Assert.NotNull(done);
        Assert.Contains("提出容错免责申请", done.TextContent);
        Assert.NotNull(Row(home, "mine", c));
        Assert.Null(TodoRow(await office.GetAsync("/"), c));

        // Reported: the office is asked to put it on a party-group meeting's agenda.
        await flow.VerifyAsync(c);
        await flow.ReportAsync(c, Outcome.Exempted);
        row = TodoRow(await office.GetAsync("/"), c);
        Assert.NotNull(row);
        Assert.Equal([("列入党组会议议题", "/Meetings")], StepLinks(row));
        Assert.Null(TodoRow(await inv.GetAsync("/"), c));
        Assert.Contains("提交书面调查报告", Row(await inv.GetAsync("/"), "done", c)?.TextContent);

        // Scheduled at a meeting with m1 present: m1 is asked to vote on that meeting's page.
        var meeting = await flow.OpenMeetingAsync(present: 5);
        await flow.ScheduleAsync(meeting, c);
        using var m1 = await Browser.SignedInAsync(app, "m1");
        row = TodoRow(await m1.GetAsync("/"), c);
        Assert.NotNull(row);
        Assert.Contains(("表决", $"/Meetings/{meeting}"), StepLinks(row));
        await flow.VoteAsync(meeting, c, "m1", VoteChoice.Exempted).OkAsync();
        Assert.Null(TodoRow(await m1.GetAsync("/"), c));
    }

    [Theory, AllDatabases]
    public async Task The_application_deadline_turns_amber_two_working_days_before_and_red_once_passed(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var calendar = app.Services.GetRequiredService<WorkingDayCalendar>();
        var c = await new Support.Procedure(app).RegisterAsync("staffA");
        var deadline = DateOnly.Parse((await app.DetailAsync(c)).GetProperty("applicationDeadlineDate").GetString()!);
        var registeredOn = app.Clock.Today;

        // Days pass: the 8-hour sign-in cookie expires on the test clock too, so staffA signs in each day.
        async Task<(string Class, string Text)> BadgeOn(DateOnly day)
        {
            app.Clock.SetToday(day);
            using var browser = await Browser.SignedInAsync(app, "staffA");
            var badge = TodoRow(await browser.GetAsync("/"), c)?.QuerySelector("[data-testid=deadline]");
            Assert.True(badge is not null, $"no deadline badge on {day}");
            return (badge.ClassName ?? "", Browser.Squash(badge.TextContent));
        }

        DateOnly DayWithWorkingDaysLeft(int left)
        {
            for (var day = registeredOn; day <= deadline; day = day.AddDays(1))
            {
                if (calendar.IsWorkingDay(day) && Deadlines.Status(new ComputedDate(deadline), day, calendar).WorkingDaysLeft == left)
                {
                    return day;
                }
            }
            throw new InvalidOperationException($"no working day with {left} working days left before {deadline}");
        }

        var (fresh, freshText) = await BadgeOn(registeredOn);
        Assert.DoesNotContain("text-bg-warning", fresh);
        Assert.DoesNotContain("text-bg-danger", fresh);
        Assert.Contains($"截至 {deadline:yyyy-MM-dd}", freshText);

        var (three, _) = await BadgeOn(DayWithWorkingDaysLeft(3));
        Assert.DoesNotContain("text-bg-warning", three);

        var (two, twoText) = await BadgeOn(DayWithWorkingDaysLeft(2));
        Assert.Contains("text-bg-warning", two);
        Assert.Contains("剩余 2 个工作日", twoText);

        var (last, lastText) = await BadgeOn(deadline);
        Assert.Contains("text-bg-warning", last);
        Assert.Contains("今日截止", lastText);

        var (late, lateText) = await BadgeOn(deadline.AddDays(1));
        Assert.Contains("text-bg-danger", late);
        Assert.Contains("已逾期", lateText);

        // The case page and the application page colour the same deadline the same way.
        using var staffA = await Browser.SignedInAsync(app, "staffA");
        Assert.Contains("text-bg-danger", (await staffA.GetAsync($"/Cases/{c.Id}")).Single("[data-testid=deadline]").ClassName);
        Assert.Contains("text-bg-danger", (await staffA.GetAsync($"/Cases/{c.Id}/Apply")).Single("[data-testid=deadline]").ClassName);
    }
}
