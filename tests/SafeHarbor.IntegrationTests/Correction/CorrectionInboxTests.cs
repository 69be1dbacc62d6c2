using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using SafeHarbor.Cases;
using SafeHarbor.Features.Correction;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Security;
using SafeHarbor.IntegrationTests.Pages;
using SafeHarbor.IntegrationTests.Support;
using SafeHarbor.PolicyRules;
using SafeHarbor.Reminders;
using static SafeHarbor.IntegrationTests.Correction.CorrectionArrange;

namespace SafeHarbor.IntegrationTests.Correction;

/// <summary>Rectification measures in 待办: owners see theirs with the deadline, the party group and the office see the overdue ones.</summary>
[Article("8")]
public sealed class CorrectionInboxTests
{
    private static IReadOnlyList<IElement> CorrectionRows(WebPage home) =>
        home.All("table[data-testid=other-todo] tbody tr").Where(tr => Browser.Squash(tr.QuerySelector("td")?.TextContent) == "纠错整改").ToList();

    private static (string Title, string Link, string Action, string Deadline, string Class) Row(IElement tr) =>
        (Browser.Squash(tr.QuerySelector("td:nth-child(2)")?.TextContent),
         tr.QuerySelector("td:nth-child(3) a")?.GetAttribute("href") ?? "",
         Browser.Squash(tr.QuerySelector("td:nth-child(3) a")?.TextContent),
         Browser.Squash(tr.QuerySelector("td:nth-child(4) .badge")?.TextContent),
         tr.QuerySelector("td:nth-child(4) .badge")?.ClassName ?? "");

    [Theory, AllDatabases]
    public async Task An_overdue_measure_is_in_the_owners_todo_in_red_and_in_the_offices_and_party_groups_only_after_its_due_date(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var c = await app.DecidedCaseAsync();
        var plan = await app.PlanAsync(c, ("staffA", 1)); // Mon 2026-09-21 + 1 working day: due Tue 09-22

        // Before the due date: the owner sees it in amber; nobody else is asked to urge it.
        var homes = await HomesAsync(app, "staffA", "office", "m1");
        var row = Row(Assert.Single(CorrectionRows(homes["staffA"])));
        Assert.Equal(("/Correction/Mine", "登记完成情况"), (row.Link, row.Action));
        Assert.Contains(c.Number, row.Title);
        Assert.Contains("整改措施1", row.Title);
        Assert.Equal("整改期限：剩余 1 个工作日（截至 2026-09-22）", row.Deadline);
        Assert.Contains("text-bg-warning", row.Class);
        Assert.Empty(CorrectionRows(homes["office"]));
        Assert.Empty(CorrectionRows(homes["m1"]));

        // On the due date it is still not overdue. (Signing in again each day: sessions last 8 hours on the test clock.)
        app.Clock.SetToday(new DateOnly(2026, 9, 22));
        homes = await HomesAsync(app, "staffA", "office");
        Assert.Equal("整改期限：今日截止", Row(Assert.Single(CorrectionRows(homes["staffA"]))).Deadline);
        Assert.Empty(CorrectionRows(homes["office"]));
        Assert.Equal(0, (await OverdueAsync(app)).Measures);

        // The day after: red for the owner; the office and each party-group member are asked to urge it; others are not.
        app.Clock.SetToday(new DateOnly(2026, 9, 23));
        homes = await HomesAsync(app, "staffA", "office", "m1", "inv", "staffA2");
        row = Row(Assert.Single(CorrectionRows(homes["staffA"])));
        Assert.Equal("整改期限：已逾期（期限截至 2026-09-22）", row.Deadline);
        Assert.Contains("text-bg-danger", row.Class);
        foreach (var urger in new[] { "office", "m1" })
        {
            var urge = Row(Assert.Single(CorrectionRows(homes[urger])));
            Assert.Equal(($"/Correction/{c.Id}", "督促整改"), (urge.Link, urge.Action));
            Assert.Contains("何执法的整改措施逾期未完成", urge.Title);
            Assert.Contains("text-bg-danger", urge.Class);
        }
        Assert.Empty(CorrectionRows(homes["inv"]));
        Assert.Empty(CorrectionRows(homes["staffA2"]));
        var overdue = await OverdueAsync(app);
        Assert.Equal((1, 1), (overdue.Measures, overdue.Plans));
        var unit = Assert.Single(overdue.ByUnit);
        Assert.Equal(("城东分局", 1), (unit.UnitName, unit.Measures));
        Assert.Equal("何执法", Assert.Single(overdue.Items).OwnerName);

        // Done late, on the owner's page: it leaves every 待办.
        using (var owner = await Browser.SignedInAsync(app, "staffA"))
        {
            var page = await owner.GetAsync("/Correction/Mine");
            var done = await owner.SubmitAsync(page, "form[data-testid=complete-form]", f => f.Set("Completion.Evidence", "台账已建立，附截图。"));
            Assert.Equal("/Correction/Mine", done.Location);
            Assert.Contains("逾期完成", (await owner.FollowAsync(done)).TextOf($"tr[data-measure='{MeasureOf(plan, app, "staffA")}'] [data-testid=measure-state]"));
        }
        homes = await HomesAsync(app, "staffA", "office");
        Assert.Empty(CorrectionRows(homes["staffA"]));
        Assert.Empty(CorrectionRows(homes["office"]));
        Assert.Equal(0, (await OverdueAsync(app)).Measures);
    }

    [Theory, AllDatabases]
    public async Task A_party_group_member_who_is_the_subject_is_not_asked_to_urge_the_measures_of_his_own_case(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var c = await app.ExemptedCaseOfMemberAsync("m3");
        await app.PlanAsync(c, ("staffA", 1));
        app.Clock.SetToday(new DateOnly(2026, 9, 24));

        await using var scope = app.Services.CreateAsyncScope();
        var contributor = scope.ServiceProvider.GetServices<IInboxContributor>().OfType<CorrectionInbox>().Single();
        var dbContext = scope.ServiceProvider.GetRequiredService<SafeHarborDb>();
        var policies = scope.ServiceProvider.GetRequiredService<PolicyCatalog>();
        async Task<IReadOnlyList<OtherTodo>> TodoOf(string user) =>
            await contributor.ForAsync((await ActorLoader.LoadAsync(dbContext, policies, app.Cast.UserIdOf[user], CancellationToken.None))!, app.Clock.Today, CancellationToken.None);

        Assert.Empty(await TodoOf("m3"));
        var urge = Assert.Single(await TodoOf("m1"));
        Assert.Equal(("纠错整改", "督促整改", true), (urge.Category, urge.ActionName, urge.Deadline!.IsOverdue));
        Assert.Equal("登记完成情况", Assert.Single(await TodoOf("staffA")).ActionName);
        Assert.Empty(await TodoOf("sysadmin"));
    }

    [Theory, AllDatabases]
    public async Task The_office_is_asked_to_start_the_correction_of_a_decided_matter_until_its_plan_is_made(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var exempted = await app.DecidedCaseAsync();
        var mitigated = await app.DecidedCaseAsync(Outcome.Mitigated, "staffA2");
        await app.DecidedCaseAsync(Outcome.NotExempted, "staffB");

        // The office (the secretariat) has one to-do per exempted or mitigated matter, at the step it waits for;
        // the party-group members, the investigator and the subject have none of these.
        var homes = await HomesAsync(app, "office", "m1", "inv", "staffA");
        Assert.Equal(
            [($"{exempted.Number} ", $"/Correction/{exempted.Id}", "开展纠错"), ($"{mitigated.Number} ", $"/Correction/{mitigated.Id}", "开展纠错")],
            CorrectionRows(homes["office"]).Select(Row).Select(r => (r.Title[..(exempted.Number.Length + 1)], r.Link, r.Action)));
        Assert.All(CorrectionRows(homes["office"]).Select(Row), r => Assert.EndsWith("：待谈话或发函提醒", r.Title));
        Assert.Empty(CorrectionRows(homes["m1"]));
        Assert.Empty(CorrectionRows(homes["inv"]));
        Assert.Empty(CorrectionRows(homes["staffA"]));

        // After the talk it waits for the analysis; once the plan is made the to-do is the owners' measures instead.
        await app.As("office").PostJsonAsync($"{exempted.CorrectionUrl()}/talks", Talk(app)).OkAsync();
        var office = Row(CorrectionRows((await HomesAsync(app, "office"))["office"]).First());
        Assert.EndsWith("：待分析原因", office.Title);
        await app.PlanAsync(exempted, ("staffA", 5));
        var rows = CorrectionRows((await HomesAsync(app, "office"))["office"]).Select(Row).ToList();
        Assert.Equal([$"/Correction/{mitigated.Id}"], rows.Select(r => r.Link));
    }

    /// <summary>The home page of each user, each signed in afresh.</summary>
    private static async Task<Dictionary<string, WebPage>> HomesAsync(TestApp app, params string[] users)
    {
        var homes = new Dictionary<string, WebPage>();
        foreach (var user in users)
        {
            using var browser = await Browser.SignedInAsync(app, user);
            homes[user] = await browser.GetAsync("/");
        }
        return homes;
    }

    private static Task<CorrectionQueries.OverdueSummary> OverdueAsync(TestApp app) =>
        app.WithDbAsync(d => OverdueMeasures.SummaryAsync(d, app.Clock.Today));
}
