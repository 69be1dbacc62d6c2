using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeHarbor.Calendar;
using SafeHarbor.Features.Admin;
using SafeHarbor.IntegrationTests.Cli;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Admin;

/// <summary>The calendar page: a year at a time, and next year's notice added without a restart.</summary>
public sealed class CalendarPageTests : IDisposable
{
    /// <summary>
    /// TEST DATA, MADE UP: not the State Council's 2027 notice (not published when this was written).
    /// Valid by the loader's rules: 元旦 Fri 1 Jan – Sun 3 Jan; 国庆节 Fri 1 Oct – Thu 7 Oct, with
    /// Sun 26 Sep and Sat 9 Oct as adjusted working days.
    /// </summary>
    internal static readonly (string Name, string Value)[] Made_up_2027 =
    [
        ("Input.Year", "2027"),
        ("Input.Title", "国务院办公厅关于2027年部分节假日安排的通知（测试数据，虚构）"),
        ("Input.DocumentNumber", "测试〔2026〕1号"),
        ("Input.IssuedOn", "2026-11-01"),
        ("Input.Holidays[0].Name", "元旦"),
        ("Input.Holidays[0].FirstOff", "2027-01-01"),
        ("Input.Holidays[0].LastOff", "2027-01-03"),
        ("Input.Holidays[1].Name", "国庆节"),
        ("Input.Holidays[1].FirstOff", "2027-10-01"),
        ("Input.Holidays[1].LastOff", "2027-10-07"),
        ("Input.Holidays[1].Workdays[0]", "2027-09-26"),
        ("Input.Holidays[1].Workdays[1]", "2027-10-09"),
        ("Input.Holidays[1].Workdays[2]", ""),
    ];

    private readonly string addedDirectory = Path.Combine(Path.GetTempPath(), "safeharbor-calendar-added-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(addedDirectory))
        {
            Directory.Delete(addedDirectory, recursive: true);
        }
    }

    private Task<TestApp> StartAsync(Db db) =>
        TestApp.StartAsync(db, new Dictionary<string, string?> { ["Calendar:AddedDirectory"] = addedDirectory });

    [Theory, AllDatabases]
    public async Task The_2026_calendar_shows_national_day_with_its_adjusted_working_days(Db db)
    {
        await using var app = await StartAsync(db);
        using var staff = await AdminBrowser.SignInAsync(app, "staffA");

        var page = await staff.GetAsync("/Admin/Calendar?year=2026");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var holidays = page.Find("[data-testid='holiday-list']")!.TextContent;
        Assert.Contains("国庆节", holidays);
        Assert.Contains("10月1日至10月7日", holidays);
        Assert.Contains("9月20日（周日）、10月10日（周六）", holidays);
        Assert.Contains("国办发明电〔2025〕7号", page.Find("[data-testid='notice']")!.TextContent);
        Assert.Equal("holiday", page.Find("td[data-date='2026-10-01']")!.GetAttribute("data-kind"));
        Assert.Contains("国庆节", page.Find("td[data-date='2026-10-01']")!.GetAttribute("title"));
        Assert.Equal("adjusted", page.Find("td[data-date='2026-10-10']")!.GetAttribute("data-kind"));
        Assert.Equal("weekend", page.Find("td[data-date='2026-10-11']")!.GetAttribute("data-kind"));
        Assert.Equal("workday", page.Find("td[data-date='2026-10-12']")!.GetAttribute("data-kind"));
        Assert.Equal(12, page.Document.QuerySelectorAll("[data-testid='month-grid'] table").Length);
        Assert.Equal(Enumerable.Range(2018, 10).Select(y => y.ToString()), page.Document.QuerySelectorAll("select[name='Year'] option").Select(o => o.GetAttribute("value")));
        Assert.Equal("2027 年（暂定）", page.Document.QuerySelectorAll("select[name='Year'] option").Last().TextContent);
    }

    [Theory, AllDatabases]
    public async Task Adding_2027_puts_it_in_force_at_once_for_the_api_and_the_commands_and_records_it_in_the_audit_log(Db db)
    {
        await using var app = await StartAsync(db);
        using var admin = await AdminBrowser.SignInAsync(app, "sysadmin");
        Assert.False(app.Services.GetRequiredService<WorkingDayCalendar>().Covers(2027));
        var before = await app.As("staffA").GetOkAsync("/api/calendar/days/2027-10-09");
        Assert.True(before.GetProperty("provisional").GetBoolean());
        Assert.False(before.GetProperty("isWorkingDay").GetBoolean()); // a Saturday, as far as the law alone knows
        var page = await admin.GetAsync("/Admin/Calendar");
        Assert.Contains("添加 2027 年的节假日安排", page.Text);

        var shown = await admin.FollowAsync(await admin.PostAsync("/Admin/Calendar?handler=Add", page, Made_up_2027));

        Assert.Contains("已添加 2027 年的节假日安排（2 个节日），即时生效。", shown.Text);
        Assert.True(app.Services.GetRequiredService<WorkingDayCalendar>().Covers(2027));
        Assert.Equal("holiday", shown.Find("td[data-date='2027-10-01']")!.GetAttribute("data-kind"));
        Assert.Contains("管理员添加", shown.Text);
        var day = await app.As("staffA").GetOkAsync("/api/calendar/days/2027-10-01");
        Assert.False(day.GetProperty("isWorkingDay").GetBoolean());
        Assert.Equal("Holiday", day.GetProperty("kind").GetString());
        Assert.Equal("国庆节", day.GetProperty("holidayName").GetString());
        Assert.False(day.GetProperty("provisional").GetBoolean());
        var makeUp = await app.As("staffA").GetOkAsync("/api/calendar/days/2027-10-09");
        Assert.True(makeUp.GetProperty("isWorkingDay").GetBoolean());
        Assert.False(makeUp.GetProperty("provisional").GetBoolean());

        // Kept in the database, where every node finds it; nothing is written to the old added-notices folder.
        var stored = await app.WithDbAsync(d => d.Set<CalendarNotice>().SingleAsync());
        Assert.Equal(2027, JsonDocument.Parse(stored.Json).RootElement.GetProperty("year").GetInt32());
        Assert.False(Directory.Exists(addedDirectory));
        var cli = await AdminCli.RunAsync(["calendar", "is-working-day", "2027-10-01"], AdminCli.DatabaseOf(app));
        Assert.True(cli.ExitCode == 0, cli.ToString());
        Assert.Equal(["false"], cli.OutputLines);

        var audit = await app.WithDbAsync(d => d.AuditEntries.SingleAsync(e => e.Action == "AddCalendarYear"));
        Assert.Equal("2027", audit.EntityId);
        Assert.Equal("系统管理员", audit.ActingAs);
        Assert.Contains("国庆节", audit.Details);

        var again = await admin.GetAsync("/Admin/Calendar");
        Assert.Contains("添加 2028 年的节假日安排", again.Text);
    }

    [Theory, AllDatabases]
    public async Task A_year_another_node_added_is_in_force_here_after_the_next_refresh(Db db)
    {
        await using var app = await TestApp.StartAsync(db, new Dictionary<string, string?>
        {
            ["Calendar:AddedDirectory"] = addedDirectory,
            ["Calendar:RefreshSeconds"] = "0.2",
        });
        Assert.True((await app.As("staffA").GetOkAsync("/api/calendar/days/2027-10-01")).GetProperty("provisional").GetBoolean());

        // Another node's addition: a row in the shared database, nothing in this process.
        var draft = new HolidayNoticeDraft(2027, "国务院办公厅关于2027年部分节假日安排的通知（测试数据，虚构）", null, null,
            [new HolidayDraft("国庆节", new DateOnly(2027, 10, 1), new DateOnly(2027, 10, 7), [new DateOnly(2027, 10, 9)])]);
        await app.WithDbAsync(async d =>
        {
            d.Add(new CalendarNotice { Year = 2027, FileName = draft.FileName, Json = draft.ToJson(), AddedAt = DateTimeOffset.UtcNow });
            await d.SaveChangesAsync();
        });

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!app.Services.GetRequiredService<WorkingDayCalendar>().Covers(2027))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(20), "the added year did not reach this node");
            await Task.Delay(100);
        }
        var day = await app.As("staffA").GetOkAsync("/api/calendar/days/2027-10-01");
        Assert.False(day.GetProperty("provisional").GetBoolean());
        Assert.Equal("国庆节", day.GetProperty("holidayName").GetString());
        Assert.True((await app.As("staffA").GetOkAsync("/api/calendar/days/2027-10-09")).GetProperty("isWorkingDay").GetBoolean());
    }

    [Theory, AllDatabases]
    public async Task A_year_an_earlier_version_saved_as_a_file_is_moved_into_the_database_at_start(Db db)
    {
        var draft = new HolidayNoticeDraft(2027, "国务院办公厅关于2027年部分节假日安排的通知（测试数据，虚构）", null, null,
            [new HolidayDraft("国庆节", new DateOnly(2027, 10, 1), new DateOnly(2027, 10, 7), [new DateOnly(2027, 10, 9)])]);
        Directory.CreateDirectory(addedDirectory);
        await File.WriteAllTextAsync(Path.Combine(addedDirectory, "2027.json"), draft.ToJson());

        await using var app = await StartAsync(db);

        Assert.True(app.Services.GetRequiredService<WorkingDayCalendar>().Covers(2027));
        var stored = await app.WithDbAsync(d => d.Set<CalendarNotice>().SingleAsync());
        Assert.Equal((2027, "2027.json"), (stored.Year, stored.FileName));
        Assert.Equal(draft.ToJson(), stored.Json);
    }

    [Theory, AllDatabases]
    public async Task An_arrangement_with_a_rest_range_ending_before_it_starts_is_refused_next_to_the_field_and_writes_nothing(Db db)
    {
        await using var app = await StartAsync(db);
        using var admin = await AdminBrowser.SignInAsync(app, "sysadmin");
        var page = await admin.GetAsync("/Admin/Calendar");
        var reversed = Made_up_2027
            .Select(f => f.Name switch
            {
                "Input.Holidays[1].FirstOff" => (f.Name, "2027-10-07"),
                "Input.Holidays[1].LastOff" => (f.Name, "2027-10-01"),
                _ => f,
            })
            .Append(("Input.Holidays[0].Workdays[0]", "2027-01-04"))
            .ToList();

        var refused = await admin.PostAsync("/Admin/Calendar?handler=Add", page, reversed);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal("放假最后一天 2027-10-01 早于第一天 2027-10-07。", refused.MessageFor("Input.Holidays[1].LastOff"));
        Assert.Equal("调休上班日 2027-01-04 不是周六或周日。", refused.MessageFor("Input.Holidays[0].Workdays"));
        Assert.Equal("2027-10-07", refused.Find("input[name='Input.Holidays[1].FirstOff']")!.GetAttribute("value"));
        Assert.Equal(0, await app.WithDbAsync(d => d.Set<CalendarNotice>().CountAsync()));
        Assert.False(app.Services.GetRequiredService<WorkingDayCalendar>().Covers(2027));
        Assert.True((await app.As("staffA").GetOkAsync("/api/calendar/days/2027-10-01")).GetProperty("provisional").GetBoolean());
        Assert.Equal(0, await app.WithDbAsync(d => d.AuditEntries.CountAsync(e => e.Action == "AddCalendarYear")));
    }
}
