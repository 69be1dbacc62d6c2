using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Features.ProvisionalDeadlines;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Web;

namespace SafeHarbor.Features.Admin;

/// <summary>
/// The working-day calendar a year at a time (everyone signed in may look: deadlines are counted on
/// it); the system administrator adds next year's State Council notice here.
/// </summary>
public sealed class CalendarModel(Actor actor, CalendarSource calendars, CommandRunner runner, IEnumerable<IDeadlineOwner> owners, IServiceScopeFactory scopes, TimeProvider time) : PageModel
{
    /// <summary>Names of the holidays of every recent notice, offered as the rows of next year's form.</summary>
    public static readonly string[] UsualHolidays = ["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"];

    public const int WorkdaySlots = 3;

    public sealed class HolidayRow
    {
        public string? Name { get; set; }
        public DateOnly? FirstOff { get; set; }
        public DateOnly? LastOff { get; set; }
        public List<DateOnly?> Workdays { get; set; } = [];
    }

    public sealed class InputModel
    {
        public int? Year { get; set; }
        public string? Title { get; set; }
        public string? DocumentNumber { get; set; }
        public DateOnly? IssuedOn { get; set; }
        public List<HolidayRow> Holidays { get; set; } = [];
    }

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();

    public WorkingDayCalendar Calendar { get; private set; } = null!;

    /// <summary>The notice of the year shown; null for a year without one, whose days follow the law (暂定).</summary>
    public HolidayNotice? Notice { get; private set; }

    /// <summary>For a year without a notice: its statutory holidays as the law alone gives them.</summary>
    public IReadOnlyList<StatutoryHoliday> LawHolidays { get; private set; } = [];

    /// <summary>The years offered: every loaded notice and the year after the newest, shown on the law.</summary>
    public IReadOnlyList<int> Years => [.. Calendar.CoveredYears, NextYear];
    public bool NoticeWasAdded { get; private set; }
    public bool MayAdd { get; private set; }
    public int NextYear => Calendar.CoveredYears[^1] + 1;
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input = BlankForm(NextYear);
    }

    /// <summary>One more holiday row, without saving (the form works without JavaScript).</summary>
    public async Task<IActionResult> OnPostAddRowAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!MayAdd)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        ModelState.Clear();
        Input.Holidays.Add(new HolidayRow());
        PadWorkdays();
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        try
        {
            var result = await AddCalendarYear.HandleAsync(new AddCalendarYear.Request(Input.Year ?? 0, Input.Title, Input.DocumentNumber, Input.IssuedOn,
                Input.Holidays.Select(h => new AddCalendarYear.HolidayInput(h.Name, h.FirstOff, h.LastOff, h.Workdays)).ToList()), actor, runner, calendars, owners, scopes, ct);
            TempData["Notice"] = $"已添加 {result.Year} 年的节假日安排（{result.Holidays} 个节日），即时生效。" + (result.Recomputed == 0
                ? "没有需要重算的暂定期限。"
                : $"已重算 {result.Recomputed} 个暂定期限，其中 {result.Moved} 个日期有调整，已通知相关人员。");
            return Redirect($"/Admin/Calendar?year={result.Year}");
        }
        catch (DomainException e) when (e.Kind is ErrorKind.Invalid or ErrorKind.Conflict)
        {
            ModelState.AddDomainErrors(e);
            await LoadAsync(ct);
            PadWorkdays();
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        MayAdd = AdminAccess.IsSystemAdmin(actor);
        Calendar = calendars.Current;
        Today = ChinaClock.Today(time);
        var year = Year is { } y && Years.Contains(y) ? y : Years.Contains(Today.Year) ? Today.Year : Calendar.LatestNoticeYear;
        Year = year;
        Notice = Calendar.Notices.SingleOrDefault(n => n.Year == year);
        LawHolidays = Notice is null ? StatutoryHolidays.For(year) : [];
        NoticeWasAdded = calendars.IsAdded(year);
    }

    private static InputModel BlankForm(int year) => new()
    {
        Year = year,
        Title = $"国务院办公厅关于{year}年部分节假日安排的通知",
        Holidays = UsualHolidays.Select(name => new HolidayRow { Name = name, Workdays = [.. Enumerable.Repeat<DateOnly?>(null, WorkdaySlots)] }).ToList(),
    };

    private void PadWorkdays()
    {
        foreach (var h in Input.Holidays)
        {
            while (h.Workdays.Count < WorkdaySlots)
            {
                h.Workdays.Add(null);
            }
        }
    }

    /// <summary>The weeks of a month, Monday first (as Chinese calendars print them); null outside the month.</summary>
    public IReadOnlyList<DayInfo?[]> Weeks(int month)
    {
        var first = new DateOnly(Year!.Value, month, 1);
        var weeks = new List<DayInfo?[]>();
        var week = new DayInfo?[7];
        for (var d = first; d.Month == month; d = d.AddDays(1))
        {
            var column = ((int)d.DayOfWeek + 6) % 7;
            week[column] = Calendar.Describe(d);
            if (column == 6)
            {
                weeks.Add(week);
                week = new DayInfo?[7];
            }
        }
        if (week.Any(x => x is not null))
        {
            weeks.Add(week);
        }
        return weeks;
    }

    public static string KindName(DayKind kind) => kind switch
    {
        DayKind.Holiday => "放假",
        DayKind.AdjustedWorkday => "调休上班",
        DayKind.Weekend => "休息日",
        _ => "工作日",
    };
}
