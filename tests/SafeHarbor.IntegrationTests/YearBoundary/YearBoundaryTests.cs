using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Features.Correction;
using SafeHarbor.IntegrationTests.Correction;
using SafeHarbor.IntegrationTests.Documents;
using SafeHarbor.IntegrationTests.Pages;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.YearBoundary;

/// <summary>
/// The year boundary: a deadline that runs into a year without a State Council notice is counted on the law and
/// shown 暂定 everywhere; nothing is refused on it; when the notice is entered every provisional deadline is
/// recomputed in one audited command and the people whose deadline moved are told.
/// </summary>
[Article("5(1)")]
public sealed class YearBoundaryTests : IAsyncLifetime
{
    private const string Reason2027 = "2027 年节假日安排尚未发布，按法定节假日和周末推算，发布后自动重算";
    private static readonly DateOnly December28 = new(2026, 12, 28);

    private readonly string addedDirectory = Path.Combine(Path.GetTempPath(), "safeharbor-year-boundary-" + Guid.NewGuid().ToString("N"));

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        if (Directory.Exists(addedDirectory))
        {
            Directory.Delete(addedDirectory, recursive: true);
        }
        return ValueTask.CompletedTask;
    }

    private async Task<TestApp> StartOnAsync(Db db, DateOnly today)
    {
        var app = await TestApp.StartAsync(db, new Dictionary<string, string?> { ["Calendar:AddedDirectory"] = addedDirectory });
        app.MoveTo(today);
        return app;
    }

    /// <summary>
    /// A made-up 2027 notice (the real one was not out when this was written). With <paramref name="fourthOff"/>
    /// Monday 4 January is a rest day too, which moves every count through it by one working day.
    /// </summary>
    private static object Notice2027(bool fourthOff) => new
    {
        year = 2027,
        title = "国务院办公厅关于2027年部分节假日安排的通知（测试用）",
        holidays = new object[]
        {
            new { name = "元旦", firstOff = "2027-01-01", lastOff = fourthOff ? "2027-01-04" : "2027-01-03", workdays = Array.Empty<string>() },
            new { name = "春节", firstOff = "2027-02-05", lastOff = "2027-02-13", workdays = new[] { "2027-02-14" } },
        },
    };

    private static Task<JsonElement> AddNoticeAsync(TestApp app, bool fourthOff) =>
        app.As("sysadmin").PostJsonAsync("/api/calendar/notices", Notice2027(fourthOff)).OkAsync();

    /// <summary>A matter registered on 28 December (deadline 2027-01-07, 暂定) and applied for on 8 January.</summary>
    private static async Task<(Support.Procedure Flow, CaseRef Case)> AppliedAfterTheProvisionalDeadlineAsync(TestApp app)
    {
        var flow = new Support.Procedure(app);
        var c = await flow.RegisterAsync();
        app.MoveTo(new DateOnly(2027, 1, 8));
        await flow.ApplyAsync(c);
        return (flow, c);
    }

    public static TheoryData<Db, string> DatabasesAndDays()
    {
        var data = new TheoryData<Db, string>();
        foreach (var db in new[] { Db.Sqlite, Db.Postgres })
        {
            foreach (var day in new[] { "2026-12-28", "2027-01-15", "2031-06-01" })
            {
                data.Add(db, day);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(DatabasesAndDays))]
    public async Task The_demo_seeds_on_any_day_with_its_deadlines_marked_where_they_are_provisional(Db db, string day)
    {
        var today = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        await using var demo = await DemoBureau.StartAsync(db, today: today);

        var cases = await demo.CasesAsync();
        Assert.Equal(14, cases.Count);
        Assert.Equal(CaseStatus.Refused, cases.Single(c => c.Title == DemoCases.Refused).Status);
        Assert.True(cases.Single(c => c.Title == DemoCases.Refused).WasRefusedAsLate);
        var waiting = cases.Single(c => c.Title == DemoCases.RegisteredToday);
        Assert.True(waiting.ApplicationDeadlineProvisionalReason is not null, $"{waiting.Number}: {waiting.ApplicationDue}");

        var verify = await Cli.AdminCli.RunAsync(["audit", "verify"], demo.CliSettings);
        Assert.True(verify.ExitCode == 0, verify.ToString());
    }

    [Theory, AllDatabases]
    public async Task From_1_November_the_system_administrator_is_told_that_next_years_notice_is_missing_until_it_is_entered(Db db)
    {
        const string Missing = "尚未录入 2027 年节假日安排";
        await using var app = await StartOnAsync(db, new DateOnly(2026, 10, 31));
        using (var before = await Browser.SignedInAsync(app, "sysadmin"))
        {
            Assert.DoesNotContain(Missing, (await before.GetAsync("/")).Text);
        }

        app.MoveTo(new DateOnly(2026, 11, 1));
        using var admin = await Browser.SignedInAsync(app, "sysadmin");
        var home = await admin.GetAsync("/");
        var row = home.All("table[data-testid=other-todo] tbody tr").Single(tr => tr.TextContent.Contains(Missing));
        Assert.Equal("/Admin/Calendar", row.QuerySelector("a")!.GetAttribute("href"));
        using var staffA = await Browser.SignedInAsync(app, "staffA");
        Assert.DoesNotContain(Missing, (await staffA.GetAsync("/")).Text);

        await AddNoticeAsync(app, fourthOff: false);
        Assert.DoesNotContain(Missing, (await admin.GetAsync("/")).Text);
    }

    [Theory, AllDatabases]
    public async Task A_matter_started_on_28_December_has_a_provisional_deadline_in_the_api_the_page_and_the_documents(Db db)
    {
        await using var app = await StartOnAsync(db, December28);
        var flow = new Support.Procedure(app);

        var c = await flow.RegisterAsync();

        var detail = await app.As("inv").GetOkAsync(c.Url);
        Assert.Equal("2027-01-07", detail.GetProperty("applicationDeadlineDate").GetString());
        Assert.True(detail.GetProperty("applicationDeadlineProvisional").GetBoolean());
        Assert.Equal(Reason2027, detail.GetProperty("applicationDeadlineProvisionalReason").GetString());
        var status = detail.GetProperty("applicationDeadline");
        Assert.Equal("剩余 7 个工作日（截至 2027-01-07，暂定）", status.GetProperty("description").GetString());
        Assert.True(status.GetProperty("provisional").GetBoolean());
        var listed = (await app.As("inv").GetOkAsync("/api/cases")).GetProperty("items")[0];
        Assert.True(listed.GetProperty("applicationDeadlineProvisional").GetBoolean());

        using var staffA = await Browser.SignedInAsync(app, "staffA");
        var page = await staffA.GetAsync($"/Cases/{c.Id}");
        Assert.Equal("截至 2027-01-07暂定 剩余 7 个工作日", page.TextOf("[data-testid=application-deadline]"));
        Assert.Equal(Reason2027, page.Single("[data-testid=application-deadline] [data-testid=provisional]").GetAttribute("title"));
        var apply = await staffA.GetAsync($"/Cases/{c.Id}/Apply");
        Assert.Contains("申请期限 2027-01-07 为暂定", apply.TextOf("[data-testid=provisional-note]"));
        var home = await staffA.GetAsync("/");
        Assert.Contains("申请期限：剩余 7 个工作日（截至 2027-01-07，暂定）", home.Text);

        app.MoveTo(new DateOnly(2026, 12, 29));
        await flow.ApplyAsync(c);
        using var response = await app.As("inv").GetAsync($"{c.Url}/documents/application");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        using var docx = new RenderedDocx(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("申请期限截至2027年1月7日（暂定）", docx.Text);
    }

    [Theory, AllDatabases]
    public async Task Entering_the_2027_notice_recomputes_audits_and_tells_the_subject_whose_deadline_moved(Db db)
    {
        await using var app = await StartOnAsync(db, December28);
        var flow = new Support.Procedure(app);
        var moving = await flow.RegisterAsync();
        var earlier = await flow.RegisterAsync(subject: "staffB", startedOn: new DateOnly(2026, 12, 14));
        Assert.False((await app.As("inv").GetOkAsync(earlier.Url)).GetProperty("applicationDeadlineProvisional").GetBoolean());

        var added = await AddNoticeAsync(app, fourthOff: true);

        Assert.Equal(1, added.GetProperty("recomputed").GetInt32());
        Assert.Equal(1, added.GetProperty("moved").GetInt32());
        var detail = await app.As("inv").GetOkAsync(moving.Url);
        Assert.Equal("2027-01-08", detail.GetProperty("applicationDeadlineDate").GetString());
        Assert.False(detail.GetProperty("applicationDeadlineProvisional").GetBoolean());
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("applicationDeadlineProvisionalReason").ValueKind);
        Assert.Equal("2026-12-23", (await app.As("inv").GetOkAsync(earlier.Url)).GetProperty("applicationDeadlineDate").GetString());

        var audit = await app.WithDbAsync(d => d.AuditEntries.AsNoTracking().Where(e => e.Action == "RecomputeDeadline").ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal(moving.Id, entry.CaseId);
        Assert.Equal("系统（按节假日安排重算期限）", entry.ActingAs);
        Assert.Contains("2027-01-07（暂定）", entry.Details);
        Assert.Contains("2027-01-08", entry.Details);
        var timeline = await app.As("inv").GetOkAsync($"{moving.Url}/timeline");
        Assert.Contains(timeline.EnumerateArray(), e => e.GetProperty("actionName").GetString() == "按节假日安排重算期限");

        const string Told = "申请期限已按 2027 年节假日安排调整为 2027-01-08，原为 2027-01-07（暂定）。";
        using var staffA = await Browser.SignedInAsync(app, "staffA");
        var home = await staffA.GetAsync("/");
        var row = home.All("table[data-testid=other-todo] tbody tr").Single(tr => tr.TextContent.Contains("期限调整"));
        Assert.Contains(Told, Browser.Squash(row.TextContent));
        Assert.DoesNotContain("期限调整", (await (await Browser.SignedInAsync(app, "staffB")).GetAsync("/")).Text);
        var notices = await app.As("staffA").GetOkAsync("/api/deadline-notices");
        Assert.Single(notices.EnumerateArray());

        var dismissed = await staffA.FollowAsync(await staffA.SubmitAsync(home, "form:has([data-testid=dismiss-notice])"));
        Assert.DoesNotContain("期限调整", dismissed.Text);
        Assert.Empty((await app.As("staffA").GetOkAsync("/api/deadline-notices")).EnumerateArray());
    }

    [Theory, AllDatabases]
    public async Task A_late_application_on_a_provisional_deadline_is_not_refused_and_the_notice_then_refuses_it(Db db)
    {
        await using var app = await StartOnAsync(db, December28);

        var (_, c) = await AppliedAfterTheProvisionalDeadlineAsync(app);

        Assert.Equal("TimelinessPending", (await app.As("inv").GetOkAsync(c.Url)).GetProperty("status").GetString());
        var detail = await app.As("inv").GetOkAsync(c.Url);
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("closingReason").ValueKind);
        Assert.Contains(detail.GetProperty("allowedActions").EnumerateArray(), a => a.GetProperty("action").GetString() == "AcceptApplication");
        using var staffA = await Browser.SignedInAsync(app, "staffA");
        Assert.Contains("晚于暂定的申请期限", (await staffA.GetAsync($"/Cases/{c.Id}")).TextOf("[data-testid=timeliness-pending]"));

        await AddNoticeAsync(app, fourthOff: false);

        detail = await app.As("inv").GetOkAsync(c.Url);
        Assert.Equal("Refused", detail.GetProperty("status").GetString());
        Assert.Equal("2027-01-07", detail.GetProperty("applicationDeadlineDate").GetString());
        Assert.False(detail.GetProperty("applicationDeadlineProvisional").GetBoolean());
        Assert.Contains("期限截至 2027-01-07。", detail.GetProperty("closingReason").GetString());
        Assert.True(await app.WithDbAsync(d => d.Cases.AnyAsync(x => x.Id == c.Id && x.WasRefusedAsLate)));
        var told = Assert.Single((await app.As("staffA").GetOkAsync("/api/deadline-notices")).EnumerateArray());
        Assert.Contains("申请超过正式期限，不予受理", told.GetProperty("text").GetString());
    }

    [Theory, AllDatabases]
    public async Task A_late_application_on_a_provisional_deadline_is_accepted_when_the_notice_moves_the_deadline_past_it(Db db)
    {
        await using var app = await StartOnAsync(db, December28);
        var (flow, c) = await AppliedAfterTheProvisionalDeadlineAsync(app);

        await AddNoticeAsync(app, fourthOff: true);

        var detail = await app.As("inv").GetOkAsync(c.Url);
        Assert.Equal("Submitted", detail.GetProperty("status").GetString());
        Assert.Equal("2027-01-08", detail.GetProperty("applicationDeadlineDate").GetString());
        var told = Assert.Single((await app.As("staffA").GetOkAsync("/api/deadline-notices")).EnumerateArray());
        Assert.Contains("申请在正式期限内，已受理", told.GetProperty("text").GetString());
        await flow.StartVerificationAsync(c);
    }

    [Theory, AllDatabases]
    public async Task The_discipline_committee_may_decide_a_late_application_with_its_reason_without_waiting(Db db)
    {
        await using var app = await StartOnAsync(db, December28);
        var (flow, c) = await AppliedAfterTheProvisionalDeadlineAsync(app);

        var noReason = await app.As("inv").PostJsonAsync($"{c.Url}/application/timeliness", new { accept = true, reason = "" }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("受理理由", noReason.Body.GetProperty("errors").GetProperty("reason")[0].GetString());
        var notTheirs = await app.As("staffA").PostJsonAsync($"{c.Url}/application/timeliness", new { accept = true, reason = "我按时了。" }).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("not-your-duty", notTheirs.Code);
        using var staffA = await Browser.SignedInAsync(app, "staffA");
        Assert.Equal(HttpStatusCode.Forbidden, (await staffA.GetAsync($"/Cases/{c.Id}/Timeliness")).Status);

        using var inv = await Browser.SignedInAsync(app, "inv");
        var page = await inv.GetAsync($"/Cases/{c.Id}/Timeliness");
        Assert.Contains("不能仅凭暂定期限作出不予受理决定", page.TextOf("[data-testid=timeliness-pending]"));
        var done = await inv.SubmitAsync(page, "main form", f => f.Set("Input.Reason", "申请人按系统告知的暂定期限次日提出，予以受理。"), "button[value=true]");
        Assert.Equal(HttpStatusCode.Redirect, done.Status);

        var detail = await app.As("inv").GetOkAsync(c.Url);
        Assert.Equal("Submitted", detail.GetProperty("status").GetString());
        var timeline = await app.As("inv").GetOkAsync($"{c.Url}/timeline");
        var decided = timeline.EnumerateArray().Single(e => e.GetProperty("action").GetString() == "AcceptApplication");
        Assert.Contains("申请人按系统告知的暂定期限次日提出", decided.GetProperty("details").GetRawText());
        Assert.Equal("局机关纪委", decided.GetProperty("actingAs").GetString());

        // The notice later finds the deadline was 2027-01-07: a step already taken keeps its footing, only the mark goes.
        await AddNoticeAsync(app, fourthOff: false);
        detail = await app.As("inv").GetOkAsync(c.Url);
        Assert.Equal("Submitted", detail.GetProperty("status").GetString());
        Assert.False(detail.GetProperty("applicationDeadlineProvisional").GetBoolean());
        Assert.Empty((await app.As("staffA").GetOkAsync("/api/deadline-notices")).EnumerateArray());
    }

    [Theory, AllDatabases]
    public async Task Recomputation_moves_exactly_the_open_provisional_measures_and_leaves_the_rest_as_given(Db db)
    {
        await using var app = await StartOnAsync(db, new DateOnly(2026, 12, 14));
        var c = await app.DecidedCaseAsync();
        // From Monday 14 December, 3 working days: Thursday 17 December, final.
        await app.PlanAsync(c, ("staffB", 3));
        // From Monday 28 December, 5 working days: Tuesday 2027-01-05 on the law, 暂定; staffA2's is done at once.
        app.MoveTo(December28);
        await app.As("office").PostJsonAsync($"{c.CorrectionUrl()}/plan/measures", CorrectionArrange.Measure(app, "staffA", 5)).OkAsync();
        var view = await app.As("office").PostJsonAsync($"{c.CorrectionUrl()}/plan/measures", CorrectionArrange.Measure(app, "staffA2", 5)).OkAsync();
        await app.CompleteAsync(c, CorrectionArrange.MeasureOf(view, app, "staffA2"), "staffA2").OkAsync();

        await AddNoticeAsync(app, fourthOff: true);

        var measures = (await app.As("office").GetOkAsync(c.CorrectionUrl())).GetProperty("plan").GetProperty("measures").EnumerateArray()
            .ToDictionary(m => m.GetProperty("ownerPersonId").GetGuid());
        (string Due, string? Reason) Of(string owner)
        {
            var m = measures[app.Cast.PersonOf[owner]];
            return (m.GetProperty("dueOn").GetString()!, m.GetProperty("dueProvisionalReason").GetString());
        }
        Assert.Equal(("2026-12-17", (string?)null), Of("staffB"));
        Assert.Equal(("2027-01-06", (string?)null), Of("staffA"));
        Assert.Equal(("2027-01-05", (string?)null), Of("staffA2"));
        var audited = await app.WithDbAsync(d => d.AuditEntries.AsNoTracking().CountAsync(e => e.Action == "RecomputeDeadline" && e.EntityType == "RectificationMeasure"));
        Assert.Equal(2, audited);
        var toldA = Assert.Single((await app.As("staffA").GetOkAsync("/api/deadline-notices")).EnumerateArray());
        Assert.Contains("整改期限已按 2027 年节假日安排调整为 2027-01-06", toldA.GetProperty("text").GetString());
        Assert.Empty((await app.As("staffA2").GetOkAsync("/api/deadline-notices")).EnumerateArray());
        Assert.Empty((await app.As("staffB").GetOkAsync("/api/deadline-notices")).EnumerateArray());
        Assert.Equal(MeasureState.Done.ToString(), measures[app.Cast.PersonOf["staffA2"]].GetProperty("state").GetString());
    }
}
