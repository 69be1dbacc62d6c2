using SafeHarbor.Cases;
using SafeHarbor.IntegrationTests.Assessment;
using SafeHarbor.IntegrationTests.Correction;
using SafeHarbor.IntegrationTests.Prevention;
using SafeHarbor.IntegrationTests.Support;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.IntegrationTests.Dashboard;

/// <summary>统计分析, second half: the figures of Art. 8–13 (correction, overdue measures, prevention flags, result records, grades, incentives).</summary>
public sealed class AfterDecisionDashboardTests
{
    /// <summary>
    /// On Monday 2026-09-21, through the API: two exempted matters (何执法, 林执法), one mitigated (林执法) and one
    /// not exempted (杨执法), all 食品安全. 何执法's plan has one measure due in 1 working day (overdue from 09-23);
    /// the first 林执法 matter is corrected and closed. A threshold of 3 食品安全 matters in 12 months; a quarterly
    /// assessment graded for two people of 城东分局 (quota 50 %: one 优秀) and a third assessed after grading; one commendation of each kind, a support measure and a heart-to-heart talk.
    /// </summary>
    private static async Task SeedAsync(TestApp app)
    {
        var overdue = await app.DecidedCaseAsync(Outcome.Exempted, "staffA");
        await app.PlanAsync(overdue, ("staffA", 1));

        var closed = await app.DecidedCaseAsync(Outcome.Exempted, "staffA2");
        await app.As("office").PostJsonAsync($"{closed.CorrectionUrl()}/talks", CorrectionArrange.Talk(app, interviewee: "staffA2")).OkAsync();
        var plan = await app.PlanAsync(closed, ("staffA2", 5));
        await app.CompleteAsync(closed, CorrectionArrange.MeasureOf(plan, app, "staffA2"), "staffA2").OkAsync();
        await app.FollowUpAsync(closed, "office").OkAsync();
        await app.CloseAsync(closed).OkAsync();

        await app.DecidedCaseAsync(Outcome.Mitigated, "staffA2");
        await app.DecidedCaseAsync(Outcome.NotExempted, "staffB");
        await app.ThresholdAsync("BusinessField", "食品安全", count: 3, months: 12);

        await app.SchemeAsync(AssessmentArrange.SchemeBody(quota: 50));
        var period = await app.PeriodAsync();
        await app.AssessOkAsync(period, "staffA", 95);
        await app.AssessOkAsync(period, "staffA2", 80);
        await app.As("personnel").PostJsonAsync($"/api/assessment/periods/{period}/grades", null).OkAsync();
        await app.AssessOkAsync(period, "staffB", 70); // assessed after the grades were given: not graded yet

        await app.As("personnel").PostJsonAsync("/api/incentives/commendations", Incentives.IncentivesApiTests.Commendation(app, "Regular", person: "staffA")).OkAsync();
        await app.As("personnel").PostJsonAsync("/api/incentives/commendations", Incentives.IncentivesApiTests.Commendation(app, "Special", unit: "城东分局")).OkAsync();
        await app.As("personnel").PostJsonAsync("/api/incentives/support-measures", Incentives.IncentivesApiTests.SupportMeasure(app, person: "staffB")).OkAsync();
        await app.As("personnel").PostJsonAsync("/api/incentives/talks", Incentives.IncentivesApiTests.Talk(app, "staffA2", talker: "m1")).OkAsync();

        // Two days later: 何执法's measure (due 09-22) is overdue.
        app.Clock.SetToday(new DateOnly(2026, 9, 23));
    }

    [Theory, AllDatabases]
    public async Task The_office_sees_correction_overdue_measures_flags_result_records_grades_and_incentives_counted(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await SeedAsync(app);
        using var office = await SignedInPages.SignInAsync(app, "office");

        var page = await office.GetAsync("/Dashboard");

        // Art. 8: three matters call for correction (exempted twice, mitigated once); the not-exempted one does not.
        Assert.Equal(
            [("待谈话或发函提醒", "1"), ("待分析原因", "0"), ("待制定整改措施", "0"), ("整改中", "1"), ("已验收销号", "1")],
            page.Rows("correction-stages"));
        Assert.Equal(("2", "1", "1"), (Text(page, "plans-total"), Text(page, "plans-open"), Text(page, "plans-closed")));
        Assert.Equal([("城东分局", "1")], page.Rows("overdue-by-unit"));

        // Art. 9: four 食品安全 matters within 12 months cross the threshold of three.
        var flag = Assert.Single(page.Rows("prevention-flags"));
        Assert.Contains("食品安全", flag.Label);
        Assert.Equal("4", flag.Value);

        // Art. 11: each exempted person has a record for each of the five uses; the mitigated matter only for (五).
        Assert.Equal(["2", "2", "2", "2", "3"], page.Rows("records-by-use").Select(r => r.Value));
        Assert.StartsWith("第十一条第（一）项", page.Rows("records-by-use")[0].Label);

        // Art. 12 and 13.
        Assert.Equal([("优秀", "1"), ("称职", "1"), ("基本称职", "0"), ("不称职", "0"), ("未评定", "1")], page.Rows("grades"));
        Assert.Equal([("平时激励（项）", "1"), ("专项表彰奖励（项）", "1"), ("支持保障措施（项）", "1"), ("谈心谈话（次）", "1")], page.Rows("incentives"));

        // Every after-decision chart has its table below it.
        foreach (var table in new[] { "correction-stages", "overdue-by-unit", "prevention-flags", "records-by-use", "grades", "incentives" })
        {
            var chart = page.Document.QuerySelector($"[data-chart][data-table={table}]");
            Assert.NotNull(chart);
            Assert.Equal(table, chart.NextElementSibling?.Id);
        }
    }

    [Theory, AllDatabases]
    public async Task Personnel_sees_the_counts_but_not_the_prevention_flags_and_the_year_filter_moves_the_incentive_year(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await SeedAsync(app);
        using var personnel = await SignedInPages.SignInAsync(app, "personnel");

        var page = await personnel.GetAsync("/Dashboard");
        Assert.Null(page.Document.GetElementById("prevention-flags"));
        Assert.NotNull(page.Document.QuerySelector("[data-testid=prevention-withheld]"));
        Assert.Equal("1", page.Rows("correction-stages").Single(r => r.Label == "整改中").Value);
        Assert.Equal([("城东分局", "1")], page.Rows("overdue-by-unit"));

        // 2025: no matter started then, so no correction or records; the incentives of 2025 are none.
        var lastYear = await personnel.GetAsync("/Dashboard?Year=2025");
        Assert.All(lastYear.Rows("correction-stages"), r => Assert.Equal("0", r.Value));
        Assert.All(lastYear.Rows("records-by-use"), r => Assert.Equal("0", r.Value));
        Assert.Contains("2025年关爱激励记录", lastYear.Document.GetElementById("incentives")!.QuerySelector("caption")!.TextContent);
        Assert.All(lastYear.Rows("incentives"), r => Assert.Equal("0", r.Value));
    }

    private static string Text(PageAnswer page, string testId) =>
        page.Document.QuerySelector($"[data-testid={testId}]")?.TextContent.Trim() ?? throw new InvalidOperationException($"no [data-testid={testId}]");
}
