using System.Globalization;

namespace SafeHarbor.Calendar;

/// <summary>One statutory holiday of a year as the law fixes it, before any State Council 调休.</summary>
/// <param name="Days">The rest days the law gives, in order.</param>
/// <param name="MakeUpDays">
/// Working days given as rest days in place of holiday days that fell on a Saturday or Sunday
/// (补假); the law does not say which days, so these follow the holiday.
/// </param>
public sealed record StatutoryHoliday(string Name, IReadOnlyList<DateOnly> Days, IReadOnlyList<DateOnly> MakeUpDays);

/// <summary>
/// The public holidays of 《全国年节及纪念日放假办法》 in the version in force in a year: what a year's
/// working days are when the State Council has not (yet) published its notice for that year. Only the
/// 调休 (swapped weekends and bridging days) of the notice stay unknown.
/// </summary>
public static class StatutoryHolidays
{
    /// <summary>The law's versions this rule knows, newest first, each with the first year it governs.</summary>
    private static readonly LawVersion[] Versions =
    [
        // 国务院令第795号 (2024-11-10), in force 2025-01-01: 春节 adds 农历除夕, 劳动节 adds May 2.
        new(2025, "《全国年节及纪念日放假办法》（2024年11月10日修订，国务院令第795号）", SpringFestivalFromEve: true, LabourDays: 2),
        // 国务院令第644号 (2013-12-11), in force 2014-01-01: 春节 农历正月初一至初三, 劳动节 May 1.
        new(2014, "《全国年节及纪念日放假办法》（2013年12月11日修订，国务院令第644号）", SpringFestivalFromEve: false, LabourDays: 1),
    ];

    private static readonly ChineseLunisolarCalendar Lunar = new();

    /// <summary>The first year a known version of the law governs.</summary>
    public static int FirstYear => Versions[^1].From;

    /// <summary>The last year whose lunar dates .NET's Chinese lunisolar calendar can give (its range ends early in 2101).</summary>
    public static int LastYear => Lunar.MaxSupportedDateTime.Year - 1;

    public static bool Covers(int year) => year >= FirstYear && year <= LastYear;

    /// <summary>The title and order number of the version of the law in force in <paramref name="year"/>.</summary>
    public static string LawFor(int year) => VersionFor(year).Title;

    /// <summary>The statutory holidays of <paramref name="year"/>, in calendar order.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside <see cref="FirstYear"/>–<see cref="LastYear"/>.</exception>
    public static IReadOnlyList<StatutoryHoliday> For(int year)
    {
        LawVersion law = VersionFor(year);
        DateOnly springFestival = LunarDate(year, 1, 1);
        var springDays = law.SpringFestivalFromEve
            ? Days(springFestival.AddDays(-1), 4)
            : Days(springFestival, 3);

        var holidays = new List<(string Name, List<DateOnly> Days)>
        {
            ("元旦", [new DateOnly(year, 1, 1)]),
            ("春节", springDays),
            ("清明节", [SolarTerms.Qingming(year)]),
            ("劳动节", Days(new DateOnly(year, 5, 1), law.LabourDays)),
            ("端午节", [LunarDate(year, 5, 5)]),
            ("中秋节", [LunarDate(year, 8, 15)]),
            ("国庆节", Days(new DateOnly(year, 10, 1), 3)),
        };

        // The law gives a working day off (补假) for a holiday of all citizens that falls on a Saturday or
        // Sunday. Which day is the notice's choice; the first free weekdays after the holiday are the usual one.
        // When 中秋 falls within 国庆 the shared day is one rest day, owed once.
        var taken = holidays.SelectMany(h => h.Days).ToHashSet();
        var counted = new HashSet<DateOnly>();
        var result = new List<StatutoryHoliday>();
        foreach (var (name, days) in holidays.OrderBy(h => h.Days[0]))
        {
            int owed = days.Count(d => counted.Add(d) && IsWeekend(d));
            var makeUp = new List<DateOnly>();
            for (DateOnly day = days[^1].AddDays(1); owed > 0; day = day.AddDays(1))
            {
                if (!IsWeekend(day) && taken.Add(day))
                {
                    makeUp.Add(day);
                    owed--;
                }
            }

            result.Add(new StatutoryHoliday(name, days, makeUp));
        }

        return result;
    }

    private static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static List<DateOnly> Days(DateOnly first, int count) => Enumerable.Range(0, count).Select(first.AddDays).ToList();

    /// <summary>The Gregorian date of a day of an ordinary (not leap) lunar month of the lunar year beginning in <paramref name="year"/>.</summary>
    private static DateOnly LunarDate(int year, int month, int day)
    {
        // In a lunar year with a leap month, GetLeapMonth names its position (1–13); months from it on shift by one.
        int leap = Lunar.GetLeapMonth(year);
        int index = leap != 0 && month >= leap ? month + 1 : month;
        return DateOnly.FromDateTime(Lunar.ToDateTime(year, index, day, 0, 0, 0, 0));
    }

    private static LawVersion VersionFor(int year)
    {
        if (!Covers(year))
        {
            throw new ArgumentOutOfRangeException(
                nameof(year), year, string.Create(CultureInfo.InvariantCulture, $"法定节假日规则只覆盖 {FirstYear}–{LastYear} 年。"));
        }

        return Versions.First(v => year >= v.From);
    }

    private sealed record LawVersion(int From, string Title, bool SpringFestivalFromEve, int LabourDays);
}
