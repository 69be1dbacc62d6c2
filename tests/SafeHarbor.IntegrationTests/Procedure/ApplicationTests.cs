using System.Net;
using SafeHarbor.Cases;
using SafeHarbor.IntegrationTests.Support;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.IntegrationTests.Procedure;

/// <summary>Art. 5(1): the application window in working days, withdrawal, and applying for a unit.</summary>
[Article("5(1)")]
public sealed class ApplicationTests
{
    [Theory, AllDatabases]
    public async Task A_late_application_is_refused_and_the_reason_is_kept_while_one_on_the_seventh_working_day_is_accepted(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var flow = new Support.Procedure(app);
        app.Clock.SetToday(new DateOnly(2026, 9, 21)); // Monday

        // Started Thu 2026-09-10 (not counted): Fri 11 (1), Mon 14 (2), Tue 15 (3), Wed 16 (4), Thu 17 (5), Fri 18 (6),
        // Sun 20 (7: a 调休 working day before National Day, 国办发明电〔2025〕7号). Deadline 09-20; Mon 09-21 is the 8th working day.
        var late = await flow.RegisterAsync(startedOn: new DateOnly(2026, 9, 10));
        Assert.Equal("2026-09-20", (await flow.GetAsync(late)).GetProperty("applicationDeadlineDate").GetString());

        var answer = await flow.ApplyAsync(late);
        Assert.Equal("Refused", answer.GetProperty("status").GetString());
        Assert.Equal("不予受理", answer.GetProperty("statusName").GetString());

        var refused = await flow.GetAsync(late);
        Assert.Equal("Refused", refused.Status());
        var reason = refused.GetProperty("closingReason").GetString()!;
        Assert.Contains("2026-09-21", reason);
        Assert.Contains("2026-09-10", reason);
        Assert.Contains("期限截至 2026-09-20", reason);
        Assert.Contains("7个工作日", reason);
        var actions = await app.TimelineActionsAsync(late);
        Assert.Equal(["Register", "RefuseAsLate"], actions);

        // Started Fri 2026-09-11: Mon 14 (1) … Fri 18 (5), Sun 20 (6), Mon 21 (7). Today is the last day.
        var inTime = await flow.RegisterAsync(startedOn: new DateOnly(2026, 9, 11));
        var registered = await flow.GetAsync(inTime);
        Assert.Equal("2026-09-21", registered.GetProperty("applicationDeadlineDate").GetString());
        Assert.Equal("今日截止", registered.GetProperty("applicationDeadline").GetProperty("description").GetString());

        Assert.Equal("Submitted", (await flow.ApplyAsync(inTime)).GetProperty("status").GetString());
        var submitted = await flow.GetAsync(inTime);
        Assert.Equal("Submitted", submitted.Status());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, submitted.GetProperty("closingReason").ValueKind);
        Assert.Equal("2026-09-21", submitted.GetProperty("application").GetProperty("submittedOn").GetString());
    }

    [Theory, AllDatabases]
    public async Task The_window_skips_the_National_Day_and_Spring_Festival_holidays_and_counts_their_adjusted_working_days(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var flow = new Support.Procedure(app);
        var china = TimeSpan.FromHours(8);
        app.Clock.Now = new DateTimeOffset(2026, 10, 13, 22, 30, 0, china).ToUniversalTime();

        // Started Mon 2026-09-28: Tue 29 (1), Wed 30 (2), 10-01..10-07 off, Thu 10-08 (3), Fri 10-09 (4),
        // Sat 10-10 (5, 调休 working day), Mon 10-12 (6), Tue 10-13 (7).
        var onLastDay = await flow.RegisterAsync(startedOn: new DateOnly(2026, 9, 28));
        var dayAfter = await flow.RegisterAsync(startedOn: new DateOnly(2026, 9, 28));
        Assert.Equal("2026-10-13", (await flow.GetAsync(onLastDay)).GetProperty("applicationDeadlineDate").GetString());

        // Started Thu 2026-02-12: Fri 13 (1), Sat 14 (2, 调休), 02-15..02-23 off, Tue 24 (3) … Fri 27 (6), Sat 28 (7, 调休).
        var springFestival = await flow.RegisterAsync(startedOn: new DateOnly(2026, 2, 12));
        Assert.Equal("2026-02-28", (await flow.GetAsync(springFestival)).GetProperty("applicationDeadlineDate").GetString());

        Assert.Equal("Submitted", (await flow.ApplyAsync(onLastDay)).GetProperty("status").GetString());

        // Half past midnight in Beijing (still 10-13 in UTC): the application is dated 10-14, the 8th working day.
        app.Clock.Now = new DateTimeOffset(2026, 10, 14, 0, 30, 0, china).ToUniversalTime();
        Assert.Equal("Refused", (await flow.ApplyAsync(dayAfter)).GetProperty("status").GetString());
        Assert.Contains("期限截至 2026-10-13", (await flow.GetAsync(dayAfter)).GetProperty("closingReason").GetString());
    }

    [Theory, AllDatabases]
    public async Task Only_the_applicant_may_withdraw_and_only_before_the_determination(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var flow = new Support.Procedure(app);

        var c = await flow.RegisterAsync();
        await flow.ApplyAsync(c);
        await flow.StartVerificationAsync(c);

        // The applicant's own leader sees the case but did not apply.
        var notApplicant = await app.WithdrawAsync(c, "leaderA").ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("not-applicant", notApplicant.Code);
        Assert.Equal("只有本案申请人可以撤回申请。", notApplicant.Title);
        var notApplicantEither = await app.WithdrawAsync(c, "inv").ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("not-applicant", notApplicantEither.Code);
        Assert.Equal("Verifying", (await flow.GetAsync(c)).Status());

        Assert.Equal("Withdrawn", (await app.WithdrawAsync(c, "staffA").OkAsync()).GetProperty("status").GetString());
        var withdrawn = await flow.GetAsync(c, "staffA");
        Assert.Equal("Withdrawn", withdrawn.Status());
        Assert.Equal("已撤回", withdrawn.GetProperty("statusName").GetString());
        Assert.Equal("申请方撤回申请：经重新考虑，申请人决定不再申请容错免责。", withdrawn.GetProperty("closingReason").GetString());
        Assert.Contains("Withdraw", await app.TimelineActionsAsync(c));

        var decided = await flow.ReportedCaseAsync();
        await flow.DecideAtMeetingAsync(decided, Outcome.Exempted);
        var tooLate = await app.WithdrawAsync(decided, "staffA").ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("action-not-allowed", tooLate.Code);
        Assert.Contains("已认定待反馈", tooLate.Title);
        Assert.Contains("不能撤回申请", tooLate.Title);
        Assert.Equal("Decided", (await flow.GetAsync(decided)).Status());
    }

    [Theory, AllDatabases]
    public async Task A_unit_applies_through_its_leader_and_not_through_its_staff(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var flow = new Support.Procedure(app);
        var branch = app.Cast.BranchA;
        // Both 城东分局 and staffA are held accountable, so staffA sees the case and may apply for himself.
        var c = await app.RegisterWithSubjectsAsync((SubjectKind.Unit, branch), (SubjectKind.Person, app.Cast.PersonOf["staffA"]));

        var staffRefused = await app.As("staffA").PostJsonAsync($"{c.Url}/application",
            Support.Procedure.ApplicationBody(["c1"], SubjectKind.Unit, branch)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("validation-failed", staffRefused.Code);
        Assert.Equal("以单位名义申请须由该单位负责人提出。", staffRefused.FirstError("applicantUnitId"));
        Assert.Equal("Registered", (await flow.GetAsync(c)).Status());

        var answer = await app.As("leaderA").PostJsonAsync($"{c.Url}/application",
            Support.Procedure.ApplicationBody(["c1"], SubjectKind.Unit, branch)).OkAsync();
        Assert.Equal("Submitted", answer.GetProperty("status").GetString());

        var application = (await flow.GetAsync(c)).GetProperty("application");
        Assert.Equal("Unit", application.GetProperty("applicantKind").GetString());
        Assert.Equal("城东分局", application.GetProperty("applicantName").GetString());
        Assert.Contains("Withdraw", (await flow.GetAsync(c, "leaderA")).AllowedActions());
        Assert.DoesNotContain("Withdraw", (await flow.GetAsync(c, "staffA")).AllowedActions());
    }
}
