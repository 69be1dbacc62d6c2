using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SafeHarbor.Audit;
using SafeHarbor.Features.Incentives;
using SafeHarbor.IntegrationTests.BrowserUi;
using SafeHarbor.IntegrationTests.Pages;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Incentives;

/// <summary>
/// Art. 13 records entered wrongly: corrected by whoever may record them (with the version they saw), or withdrawn
/// (撤销) with a reason, after which they count nowhere but stay on record and in the audit trail.
/// </summary>
[Article("13")]
public sealed class IncentiveCorrectionTests
{
    private const string Talks = "/api/incentives/talks";
    private const string Commendations = "/api/incentives/commendations";
    private const string Support = "/api/incentives/support-measures";

    private static object CommendationBody(TestApp app, string title, DateOnly awardedOn, string kind = "Special", string person = "staffA") =>
        CommendationBody(app.Cast, title, awardedOn, kind, person);

    private static object CommendationBody(Cast cast, string title, DateOnly awardedOn, string kind = "Special", string person = "staffA") => new
    {
        kind,
        personId = cast.PersonOf[person],
        unitId = (Guid?)null,
        title,
        basis = "经局党组会议研究，予以表彰。",
        awardedBy = "测试市局",
        awardedOn,
    };

    private static string[] Ids(JsonElement list) => list.EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToArray();

    [Theory, AllDatabases]
    public async Task Personnel_corrects_a_commendations_title_and_date_with_the_version_it_saw_and_the_correction_is_audited(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var personnel = app.As("personnel");
        var today = app.Clock.Today;
        var recorded = await personnel.PostJsonAsync(Commendations, CommendationBody(app, "食品安全专项整治先进个人（误）", today)).OkAsync();
        var id = recorded.GetProperty("id").GetString();
        Assert.Equal(1, recorded.GetProperty("version").GetInt32());

        using (var response = await personnel.PutJsonAsync($"{Commendations}/{id}", CommendationBody(app, "特种设备安全专项整治先进个人", today.AddDays(-5)), ifMatch: 1))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
            var corrected = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("特种设备安全专项整治先进个人", corrected.GetProperty("title").GetString());
            Assert.Equal(today.AddDays(-5).ToString("yyyy-MM-dd"), corrected.GetProperty("awardedOn").GetString());
            Assert.Equal(2, corrected.GetProperty("version").GetInt32());
            Assert.False(corrected.GetProperty("withdrawn").GetBoolean());
        }
        var listed = Assert.Single((await personnel.GetOkAsync(Commendations)).EnumerateArray());
        Assert.Equal("特种设备安全专项整治先进个人", listed.GetProperty("title").GetString());

        var audit = await app.WithDbAsync(d => d.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == "CorrectCommendation"));
        Assert.Equal(id, audit.EntityId);
        Assert.Equal("人事科", audit.ActingAs);
        Assert.Equal("修改表彰奖励记录", AuditEntry.Describe(audit.Action, audit.Details));
        Assert.Contains("食品安全专项整治先进个人（误）", audit.Details);
        Assert.Contains("特种设备安全专项整治先进个人", audit.Details);
        Assert.Contains(today.AddDays(-5).ToString("yyyy-MM-dd"), audit.Details);

        // Another correction made on the version before is refused: it would undo this one unseen.
        var stale = await personnel.PutJsonAsync($"{Commendations}/{id}", CommendationBody(app, "先进个人", today), ifMatch: 1).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("concurrency-conflict", stale.Code);
        Assert.Contains("已被他人修改（您看到的是第 1 版，当前为第 2 版）", stale.Title);
        // The rules of recording hold for a correction.
        var future = await personnel.PutJsonAsync($"{Commendations}/{id}", CommendationBody(app, "先进个人", today.AddDays(1)), ifMatch: 2).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("授予日期不能晚于今天", future.Body.GetProperty("errors").GetProperty("awardedOn")[0].GetString());

        // Awards are 人事科's: not a staff member's, nor a leader's, of his unit or of another.
        foreach (var user in new[] { "staffA", "leaderA", "leaderB", "m1" })
        {
            var refused = await app.As(user).PutJsonAsync($"{Commendations}/{id}", CommendationBody(app, "自己改的名称", today), ifMatch: 2).ProblemAsync(HttpStatusCode.Forbidden);
            Assert.Equal("not-your-duty", refused.Code);
        }
        await personnel.PutJsonAsync($"{Commendations}/{Guid.NewGuid()}", CommendationBody(app, "先进个人", today)).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("特种设备安全专项整治先进个人", await app.WithDbAsync(d => d.Set<Commendation>().Select(c => c.Title).SingleAsync()));
        Assert.Equal(1, await app.WithDbAsync(d => d.AuditEntries.CountAsync(e => e.Action == "CorrectCommendation")));
    }

    [Theory, AllDatabases]
    public async Task A_talk_is_corrected_by_whoever_may_record_it_for_the_persons_unit_and_its_topics_stay_out_of_the_audit_trail(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var talk = await app.As("personnel").PostJsonAsync(Talks, IncentivesApiTests.Talk(app, "staffA", talker: "m1", topics: "本人反映家中老人生病。")).OkAsync();
        var url = $"{Talks}/{talk.GetProperty("id").GetString()}";

        // leaderA oversees 城东分局: he corrects the date of a talk 周书记 held there, the talker staying.
        var corrected = await app.As("leaderA").PutJsonAsync(url, new
        {
            personId = app.Cast.PersonOf["staffA"],
            heldOn = app.Clock.Today.AddDays(-2),
            topics = "本人反映家中老人生病，夜间值班难以兼顾。",
        }, ifMatch: 1).OkAsync();
        Assert.Equal("周书记", corrected.GetProperty("talkerName").GetString());
        Assert.Equal(app.Clock.Today.AddDays(-2).ToString("yyyy-MM-dd"), corrected.GetProperty("heldOn").GetString());
        Assert.Equal(2, corrected.GetProperty("version").GetInt32());
        var audit = await app.WithDbAsync(d => d.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == "CorrectHeartTalk"));
        Assert.Equal("修改谈心谈话记录", AuditEntry.Describe(audit.Action, audit.Details));
        Assert.Equal("单位负责人", audit.ActingAs);
        Assert.Contains("谈话主要内容", audit.Details);
        Assert.DoesNotContain("老人生病", audit.Details);

        // leaderB (城西分局) may not; nor may leaderA move the talk to a person outside his units.
        var other = await app.As("leaderB").PutJsonAsync(url, IncentivesApiTests.Talk(app, "staffA", talker: "leaderB")).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("not-your-unit", other.Code);
        await app.As("leaderA").PutJsonAsync(url, IncentivesApiTests.Talk(app, "staffB", talker: "leaderA")).ProblemAsync(HttpStatusCode.Forbidden);
        await app.As("staffA").PutJsonAsync(url, IncentivesApiTests.Talk(app, "staffA", talker: "m1")).ProblemAsync(HttpStatusCode.Forbidden);

        // A talk with leaderA himself is the organisation's note on him: he may neither correct nor withdraw it.
        var withHim = await app.As("personnel").PostJsonAsync(Talks, IncentivesApiTests.Talk(app, "leaderA", talker: "m1")).OkAsync();
        var himUrl = $"{Talks}/{withHim.GetProperty("id").GetString()}";
        var own = await app.As("leaderA").PutJsonAsync(himUrl, IncentivesApiTests.Talk(app, "leaderA", talker: "m1")).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("与您本人的谈心谈话记录", own.Title);
        await app.As("leaderA").PostJsonAsync($"{himUrl}/withdrawal", new { reason = "不想留记录" }).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(0, await app.WithDbAsync(d => d.Set<HeartTalk>().CountAsync(t => t.WithdrawnOn != null)));
    }

    [Theory, AllDatabases]
    public async Task A_withdrawn_record_counts_nowhere_stays_on_record_and_is_shown_to_personnel_on_asking(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await IncentivesApiTests.Arrange(app);
        var personnel = app.As("personnel");
        var year = app.Clock.Today.Year;
        var staffA = app.Cast.PersonOf["staffA"];
        var special = (await personnel.GetOkAsync($"{Commendations}?personId={staffA}")).EnumerateArray().Single(c => c.GetProperty("kind").GetString() == "Special");
        var specialUrl = $"{Commendations}/{special.GetProperty("id").GetString()}";
        var support = Assert.Single((await personnel.GetOkAsync($"{Support}?personId={staffA}")).EnumerateArray());
        var talk = (await personnel.GetOkAsync($"{Talks}?personId={staffA}&year={year}")).EnumerateArray().First();
        Assert.Equal(1, (await app.As("staffA").GetOkAsync($"/api/incentives/persons/{staffA}")).GetProperty("commendations").GetArrayLength());

        // A reason is required.
        var noReason = await personnel.PostJsonAsync($"{specialUrl}/withdrawal", new { reason = " " }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("validation-failed", noReason.Code);
        Assert.Contains("请填写撤销原因", noReason.Body.GetProperty("errors").GetProperty("reason")[0].GetString());

        var withdrawn = await personnel.PostJsonAsync($"{specialUrl}/withdrawal", new { reason = "表彰决定另有其人，误登记为何执法。" }, ifMatch: 1).OkAsync();
        Assert.True(withdrawn.GetProperty("withdrawn").GetBoolean());
        Assert.Equal("表彰决定另有其人，误登记为何执法。", withdrawn.GetProperty("withdrawal").GetProperty("reason").GetString());
        Assert.Equal("黄人事", withdrawn.GetProperty("withdrawal").GetProperty("byName").GetString());
        await personnel.PostJsonAsync($"{Support}/{support.GetProperty("id").GetString()}/withdrawal", new { reason = "重复登记。" }).OkAsync();
        await app.As("leaderA").PostJsonAsync($"{Talks}/{talk.GetProperty("id").GetString()}/withdrawal", new { reason = "谈话对象选错。" }).OkAsync();

        // Gone from the lists, the person's records, /mine and the yearly report.
        Assert.DoesNotContain(special.GetProperty("id").GetString(), Ids(await personnel.GetOkAsync(Commendations)));
        Assert.Equal(0, (await personnel.GetOkAsync($"{Support}?personId={staffA}")).GetArrayLength());
        var mine = await app.As("staffA").GetOkAsync("/api/incentives/mine");
        Assert.Equal(0, mine.GetProperty("personal").GetProperty("commendations").GetArrayLength());
        Assert.Equal(0, mine.GetProperty("personal").GetProperty("supportMeasures").GetArrayLength());
        // Of the three talks with staffA (two this year, one last), the one withdrawn is gone.
        Assert.Equal(2, mine.GetProperty("personal").GetProperty("talks").GetArrayLength());
        var profile = await app.As("leaderA").GetOkAsync($"/api/incentives/persons/{staffA}");
        Assert.Equal(0, profile.GetProperty("commendations").GetArrayLength());
        var report = await personnel.GetOkAsync($"/api/incentives/report?year={year}");
        var east = report.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("unitName").GetString() == "城东分局");
        // Before: 3 talks, 1 regular, 1 special, 1 support measure, 2 people reached.
        Assert.Equal((2, 1, 0, 0, 2), (east.GetProperty("talks").GetInt32(), east.GetProperty("regularCommendations").GetInt32(),
            east.GetProperty("specialAwards").GetInt32(), east.GetProperty("supportMeasures").GetInt32(), east.GetProperty("peopleReached").GetInt32()));
        Assert.Equal((3, 0, 2), (report.GetProperty("total").GetProperty("talks").GetInt32(), report.GetProperty("total").GetProperty("specialAwards").GetInt32(),
            report.GetProperty("total").GetProperty("supportMeasures").GetInt32()));

        // Final: no second withdrawal, no correction.
        var again = await personnel.PostJsonAsync($"{specialUrl}/withdrawal", new { reason = "再次撤销。" }).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("record-withdrawn", again.Code);
        Assert.Contains("已于", again.Title);
        var edit = await personnel.PutJsonAsync(specialUrl, CommendationBody(app, "先进个人", app.Clock.Today)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("record-withdrawn", edit.Code);

        // 人事科 sees it on asking, with its reason; nobody else may ask.
        var all = await personnel.GetOkAsync($"{Commendations}?personId={staffA}&includeWithdrawn=true");
        var shown = all.EnumerateArray().Single(c => c.GetProperty("id").GetString() == special.GetProperty("id").GetString());
        Assert.True(shown.GetProperty("withdrawn").GetBoolean());
        Assert.Equal(app.Clock.Today.ToString("yyyy-MM-dd"), shown.GetProperty("withdrawal").GetProperty("on").GetString());
        Assert.Equal(4, (await personnel.GetOkAsync($"{Talks}?year={year}&includeWithdrawn=true")).GetArrayLength());
        foreach (var user in new[] { "m1", "office", "leaderA", "staffA" })
        {
            await app.As(user).GetAsync($"{Commendations}?includeWithdrawn=true").ProblemAsync(HttpStatusCode.Forbidden);
        }

        // On record still, and in the audit trail.
        var row = await app.WithDbAsync(d => d.Set<Commendation>().AsNoTracking().SingleAsync(c => c.Id == Guid.Parse(special.GetProperty("id").GetString()!)));
        Assert.Equal("表彰决定另有其人，误登记为何执法。", row.WithdrawalReason);
        Assert.Equal(app.Cast.UserIdOf["personnel"], row.WithdrawnBy);
        var entries = await app.WithDbAsync(d => d.AuditEntries.AsNoTracking().Where(e => e.Action.StartsWith("Withdraw")).OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal(["撤销表彰奖励记录", "撤销支持保障措施记录", "撤销谈心谈话记录"], entries.Select(e => AuditEntry.Describe(e.Action, e.Details)));
        Assert.Contains("表彰决定另有其人", entries[0].Details);
    }

    [Theory, AllDatabases]
    public async Task The_dashboard_leaves_withdrawn_records_out_of_its_incentive_counts(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var personnel = app.As("personnel");
        var regular = await personnel.PostJsonAsync(Commendations, IncentivesApiTests.Commendation(app, "Regular", person: "staffA")).OkAsync();
        await personnel.PostJsonAsync(Commendations, IncentivesApiTests.Commendation(app, "Regular", person: "staffB")).OkAsync();
        var talk = await personnel.PostJsonAsync(Talks, IncentivesApiTests.Talk(app, "staffA2", talker: "m1")).OkAsync();
        await personnel.PostJsonAsync($"{Commendations}/{regular.GetProperty("id").GetString()}/withdrawal", new { reason = "误登记。" }).OkAsync();
        await personnel.PostJsonAsync($"{Talks}/{talk.GetProperty("id").GetString()}/withdrawal", new { reason = "误登记。" }).OkAsync();

        using var browser = await Browser.SignedInAsync(app, "personnel");
        var page = await browser.GetAsync("/Dashboard");
        var counts = page.All("#incentives tbody tr")
            .Where(tr => tr.QuerySelector("[data-value]") is not null)
            .ToDictionary(tr => tr.QuerySelector("th")!.TextContent.Trim(), tr => tr.QuerySelector("[data-value]")!.GetAttribute("data-value"));
        Assert.Equal("1", counts["平时激励（项）"]);
        Assert.Equal("0", counts["谈心谈话（次）"]);
    }

    [Theory, AllDatabases]
    public async Task Personnel_corrects_a_commendation_on_the_page_and_an_error_keeps_what_was_entered(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.As("personnel").PostJsonAsync(Commendations, CommendationBody(app, "食品安全先进个人（误）", app.Clock.Today)).OkAsync();
        using var browser = await Browser.SignedInAsync(app, "personnel");

        var list = await browser.GetAsync("/Incentives?Tab=commendations");
        var form = await browser.GetAsync(list.Single("[data-testid=commendations] tbody tr [data-testid=edit]").GetAttribute("href")!);
        Assert.Equal("修改表彰奖励记录", form.TextOf("#h-new-commendation"));
        Assert.Equal("食品安全先进个人（误）", form.Find("#Commendation_Title")!.GetAttribute("value"));
        Assert.Equal(app.Cast.PersonOf["staffA"].ToString(), form.Find("#Commendation_PersonId option[selected]")!.GetAttribute("value"));
        Assert.Equal("1", form.Find("#commendation-form input[name=RecordVersion]")!.GetAttribute("value"));

        // A title left empty is refused next to the field; the other entries stay as typed, the form stays a correction.
        var refused = await browser.SubmitAsync(form, "#commendation-form", f => f.Set("Commendation.Title", "").Set("Commendation.Basis", "排查隐患62处。"));
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("请填写表彰奖励名称", refused.FieldError("Commendation.Title"));
        Assert.Equal("排查隐患62处。", refused.Find("#Commendation_Basis")!.TextContent);
        Assert.Equal("修改表彰奖励记录", refused.TextOf("#h-new-commendation"));

        var saved = await browser.SubmitAsync(refused, "#commendation-form", f => f.Set("Commendation.Title", "食品安全专项整治先进个人"));
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var after = await browser.FollowAsync(saved);
        Assert.Contains("已修改专项表彰奖励记录：何执法（城东分局），食品安全专项整治先进个人。", after.Text);
        var row = after.TextOf("[data-testid=commendations] tbody tr");
        Assert.Contains("食品安全专项整治先进个人", row);
        Assert.Contains("排查隐患62处。", row);
        Assert.DoesNotContain("（误）", row);
        // Back to the form for a new record.
        Assert.Equal("登记表彰奖励", after.TextOf("#h-new-commendation"));
    }

    [Theory, AllDatabases]
    public async Task Withdrawing_on_the_page_needs_a_reason_and_the_withdrawn_record_is_shown_struck_through_on_asking(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.As("personnel").PostJsonAsync(Support, IncentivesApiTests.SupportMeasure(app, "排忧解难", person: "staffB")).OkAsync();
        using var browser = await Browser.SignedInAsync(app, "personnel");

        var list = await browser.GetAsync("/Incentives?Tab=support");
        var form = await browser.GetAsync(list.Single("[data-testid=support-measures] tbody tr [data-testid=withdraw]").GetAttribute("href")!);
        Assert.Equal("撤销支持保障措施记录", form.TextOf("#h-new-support"));
        Assert.Contains("杨执法（城西分局）", form.TextOf("[data-testid=withdrawing]"));
        Assert.NotNull(form.Find("#withdraw-form[data-confirm]"));

        var refused = await browser.SubmitAsync(form, "#withdraw-form", f => f.Set("Withdrawal.Reason", "  "));
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("请填写撤销原因", refused.FieldError("Withdrawal.Reason"));
        Assert.Single(refused.All("[data-testid=support-measures] tbody tr"));
        Assert.Null(await app.WithDbAsync(d => d.Set<SupportMeasure>().Select(s => s.WithdrawnOn).SingleAsync()));

        var done = await browser.FollowAsync(await browser.SubmitAsync(refused, "#withdraw-form", f => f.Set("Withdrawal.Reason", "对象选错，应为城东分局。")));
        Assert.Contains("已撤销支持保障措施记录（排忧解难）：杨执法（城西分局）。", done.Text);
        Assert.NotNull(done.Find("[data-testid=support-empty]"));
        Assert.Contains("0", done.TextOf("[data-testid=tab-support] .badge"));

        var shown = await browser.GetAsync(done.Single("[data-testid=toggle-withdrawn]").GetAttribute("href")!);
        var row = shown.Single("[data-testid=support-measures] tbody tr[data-withdrawn=true]");
        Assert.Contains("text-muted", row.ClassName);
        Assert.Contains("text-decoration-line-through", row.QuerySelector("td")!.ClassName);
        Assert.Contains("黄人事 撤销：对象选错，应为城东分局。", Browser.Squash(row.QuerySelector("[data-testid=withdrawal]")!.TextContent));
        Assert.Null(row.QuerySelector("[data-testid=edit]"));
        Assert.Equal("隐藏已撤销记录", shown.TextOf("[data-testid=toggle-withdrawn]"));
    }

    [Theory, AllDatabases]
    public async Task Only_those_who_may_change_a_record_see_its_buttons(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await IncentivesApiTests.Arrange(app);
        var withHim = await app.As("personnel").PostJsonAsync(Talks, IncentivesApiTests.Talk(app, "leaderA", talker: "m1", topics: "了解张局长的思想状况。")).OkAsync();

        // leaderA: the talks with his people, not the one with himself; no awards.
        using var leader = await Browser.SignedInAsync(app, "leaderA");
        var talks = await leader.GetAsync("/Incentives");
        var rows = talks.All("[data-testid=talks] tbody tr");
        Assert.Equal(4, rows.Count);
        Assert.Equal(3, rows.Count(r => r.QuerySelector("[data-testid=edit]") is not null && r.QuerySelector("[data-testid=withdraw]") is not null));
        Assert.Null(rows.Single(r => r.TextContent.Contains("张局长", StringComparison.Ordinal) && r.QuerySelector("td:nth-child(2)")!.TextContent.Contains("张局长", StringComparison.Ordinal)).QuerySelector("[data-testid=edit]"));
        Assert.Null(talks.Find("[data-testid=toggle-withdrawn]"));
        var awards = await leader.GetAsync("/Incentives?Tab=commendations");
        Assert.Empty(awards.All("[data-testid=edit], [data-testid=withdraw]"));
        // Asking for the correction form of a record he may not change shows the form for a new one, with nothing of it.
        var asked = await leader.GetAsync($"/Incentives?Edit={withHim.GetProperty("id").GetString()}");
        Assert.Equal("登记谈心谈话", asked.TextOf("#h-new-talk"));
        Assert.DoesNotContain("了解张局长的思想状况", asked.Html);
        Assert.Null((await leader.GetAsync($"/Incentives?Withdraw={withHim.GetProperty("id").GetString()}")).Find("#withdraw-form"));

        // 局党组成员 record talks bureau-wide and change them; awards are 人事科's.
        using var member = await Browser.SignedInAsync(app, "m1");
        Assert.Equal(5, (await member.GetAsync($"/Incentives?Year={app.Clock.Today.Year}")).All("[data-testid=talks] tbody tr [data-testid=edit]").Count);
        Assert.Empty((await member.GetAsync("/Incentives?Tab=support")).All("[data-testid=withdraw]"));
        // 人事科 changes everything.
        using var personnel = await Browser.SignedInAsync(app, "personnel");
        Assert.Equal(3, (await personnel.GetAsync("/Incentives?Tab=support")).All("[data-testid=support-measures] tbody tr [data-testid=withdraw]").Count);
    }

    [SqliteOnly("Chromium walks the pages of a Kestrel-served app; the same pages are tested on both databases without a browser")]
    public async Task In_the_browser_a_withdrawal_asks_for_confirmation_and_cancelling_it_sends_nothing()
    {
        await using var app = await KestrelApp.StartAsync();
        using var api = app.CreateClient();
        var login = await api.PostAsJsonAsync("/api/auth/login", new { userName = "personnel", password = TestApp.Password }).OkAsync();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("accessToken").GetString());
        await api.PostJsonAsync(Commendations, CommendationBody(app.Cast, "食品安全专项整治先进个人", app.Clock.Today)).OkAsync();

        await using var chromium = await Chromium.LaunchAsync(app, "incentive-withdrawal-");
        var page = chromium.Page;
        await chromium.SignInAsync("personnel", "黄人事");
        await page.GotoAsync("/Incentives?Tab=commendations");
        await chromium.ShotAsync("list");
        await page.GetByTestId("commendations").GetByRole(AriaRole.Link, new() { Name = "撤销" }).ClickAsync();
        await page.GetByLabel("撤销原因").FillAsync("表彰决定另有其人。");
        await chromium.ShotAsync("withdraw-form");

        // Cancelled: nothing is sent, and the form is not marked as sent (its button stays usable).
        var dismissed = new TaskCompletionSource();
        page.Dialog += DismissOnce;
        await page.GetByRole(AriaRole.Button, new() { Name = "确认撤销" }).ClickAsync();
        await dismissed.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        await page.WaitForTimeoutAsync(200);
        Assert.Null(await page.Locator("#withdraw-form").GetAttributeAsync("data-submitted"));
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "确认撤销" })).ToBeEnabledAsync();
        await Assertions.Expect(page.GetByTestId("withdrawing")).ToContainTextAsync("食品安全专项整治先进个人");

        page.Dialog += async (_, dialog) =>
        {
            Assert.Contains("确定撤销这条记录吗", dialog.Message);
            await dialog.AcceptAsync();
        };
        await page.GetByRole(AriaRole.Button, new() { Name = "确认撤销" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("commendations-empty")).ToBeVisibleAsync();
        await page.GetByTestId("toggle-withdrawn").ClickAsync();
        await Assertions.Expect(page.GetByTestId("withdrawal")).ToContainTextAsync("表彰决定另有其人。");
        await chromium.ShotAsync("withdrawn-shown");
        chromium.AssertNoProblems();

        async void DismissOnce(object? sender, IDialog dialog)
        {
            page.Dialog -= DismissOnce;
            await dialog.DismissAsync();
            dismissed.SetResult();
        }
    }
}
