using SafeHarbor.Calendar;

namespace SafeHarbor.Tests.Calendar;

/// <summary>
/// "Within 7 working days after the accountability procedure started" (start day not counted),
/// with every expected date counted by hand from the State Council notice of that year.
/// </summary>
[Article("5(1)")]
public sealed class ApplicationDeadlineTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.LoadDefault();

    [Fact]
    public void Friday_start_counts_from_the_following_Monday()
    {
        // Fri 2026-03-06: Mon 9 (1), 10 (2), 11 (3), 12 (4), Fri 13 (5), Mon 16 (6), Tue 17 (7).
        Assert.Equal(new ComputedDate(new DateOnly(2026, 3, 17)), Calendar.AddWorkingDays(new DateOnly(2026, 3, 6), 7));
    }

    [Fact]
    public void Friday_start_on_Mid_Autumn_Day_skips_the_National_Day_week_and_counts_the_adjusted_Saturday()
    {
        // 2026 notice: 中秋节 9月25日至27日放假; 国庆节 10月1日至7日放假调休, 9月20日、10月10日（周六）上班.
        // Fri 2026-09-25 (holiday, not counted anyway): Mon 28 (1), 29 (2), 30 (3), 10-01..07 off,
        // Thu 10-08 (4), Fri 10-09 (5), Sat 10-10 adjusted (6), Sun 10-11 rest, Mon 10-12 (7).
        Assert.Equal(new ComputedDate(new DateOnly(2026, 10, 12)), Calendar.AddWorkingDays(new DateOnly(2026, 9, 25), 7));
    }

    [Fact]
    public void Application_deadline_skips_the_National_Day_week()
    {
        // 2025 notice: 国庆节、中秋节 10月1日至8日放假调休, 9月28日（周日）、10月11日（周六）上班.
        // Fri 2025-09-26: Sat 27 rest, Sun 28 adjusted (1), Mon 29 (2), Tue 30 (3), 10-01..08 off,
        // Thu 10-09 (4), Fri 10-10 (5), Sat 10-11 adjusted (6), Sun 10-12 rest, Mon 10-13 (7).
        Assert.Equal(new ComputedDate(new DateOnly(2025, 10, 13)), Calendar.AddWorkingDays(new DateOnly(2025, 9, 26), 7));
    }

    [Fact]
    public void Application_deadline_counts_the_weekend_after_the_2023_Golden_Week_as_working_days()
    {
        // 2023 notice: 中秋节、国庆节 9月29日至10月6日放假调休, 10月7日（周六）、10月8日（周日）上班.
        // Wed 2023-09-27: Thu 28 (1), 09-29..10-06 off, Sat 10-07 (2), Sun 10-08 (3),
        // Mon 9 (4), Tue 10 (5), Wed 11 (6), Thu 12 (7).
        Assert.Equal(new ComputedDate(new DateOnly(2023, 10, 12)), Calendar.AddWorkingDays(new DateOnly(2023, 9, 27), 7));
    }

    [Fact]
    public void Application_deadline_can_fall_on_the_adjusted_Saturday_after_Spring_Festival_2026()
    {
        // 2026 notice: 春节 2月15日至23日放假调休, 2月14日（周六）、2月28日（周六）上班.
        // Thu 2026-02-12: Fri 13 (1), Sat 14 adjusted (2), 15..23 off, Tue 24 (3), Wed 25 (4),
        // Thu 26 (5), Fri 27 (6), Sat 28 adjusted (7).
        Assert.Equal(new ComputedDate(new DateOnly(2026, 2, 28)), Calendar.AddWorkingDays(new DateOnly(2026, 2, 12), 7));
    }

    [Fact]
    public void Application_deadline_can_fall_on_the_adjusted_Sunday_after_Spring_Festival_2024()
    {
        // 2024 notice: 春节 2月10日至17日放假调休, 2月4日（周日）、2月18日（周日）上班; 除夕 2月9日 is a working day.
        // Fri 2024-02-02: Sat 3 rest, Sun 4 adjusted (1), Mon 5 (2), 6 (3), 7 (4), 8 (5), Fri 9 (6),
        // 10..17 off, Sun 18 adjusted (7).
        Assert.Equal(new ComputedDate(new DateOnly(2024, 2, 18)), Calendar.AddWorkingDays(new DateOnly(2024, 2, 2), 7));
    }

    [Fact]
    public void Start_on_a_holiday_counts_from_the_first_working_day_after_it()
    {
        // 2025 notice: 10月1日至8日放假调休, 10月11日（周六）上班.
        // Wed 2025-10-01: 02..08 off, Thu 9 (1), Fri 10 (2), Sat 11 adjusted (3), Sun 12 rest,
        // Mon 13 (4), Tue 14 (5), Wed 15 (6), Thu 16 (7).
        Assert.Equal(new ComputedDate(new DateOnly(2025, 10, 16)), Calendar.AddWorkingDays(new DateOnly(2025, 10, 1), 7));
    }

    [Fact]
    public void The_2020_Spring_Festival_extension_cancels_the_1_February_working_Saturday()
    {
        // 2020 notice: 春节 1月24日至30日, 1月19日（周日）、2月1日（周六）上班; 国办发明电〔2020〕1号
        // extended the holiday to 2月2日, work resuming Mon 2月3日, so 2月1日 became a rest day.
        // Wed 2020-01-22: Thu 23 (1), 01-24..02-02 off, Mon 3 (2), 4 (3), 5 (4), 6 (5), Fri 7 (6), Mon 10 (7).
        Assert.Equal(new ComputedDate(new DateOnly(2020, 2, 10)), Calendar.AddWorkingDays(new DateOnly(2020, 1, 22), 7));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2020, 2, 1)));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2020, 1, 19)));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2020, 2, 3)));
    }

    [Fact]
    public void The_amended_2019_Labour_Day_holiday_runs_1_to_4_May_with_two_working_Sundays()
    {
        // 国办发明电〔2019〕3号: 5月1日至4日放假调休, 4月28日（周日）、5月5日（周日）上班.
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2019, 4, 28)));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2019, 5, 2)));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2019, 5, 3)));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2019, 5, 5)));
    }

    [Fact]
    public void A_working_Saturday_in_the_previous_December_belongs_to_the_next_year_notice()
    {
        // 2019 notice: 元旦 2018年12月30日至2019年1月1日放假调休, 2018年12月29日（星期六）上班.
        // Thu 2018-12-27: Fri 28 (1), Sat 29 adjusted (2), 12-30..01-01 off, Wed 01-02 (3).
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2018, 12, 29)));
        Assert.Equal(new ComputedDate(new DateOnly(2019, 1, 2)), Calendar.AddWorkingDays(new DateOnly(2018, 12, 27), 3));
    }

    [Fact]
    public void Working_days_between_excludes_the_start_and_includes_the_end()
    {
        // 2023: 09-29..10-06 off, Sat 10-07 and Sun 10-08 adjusted → 2 working days in (09-28, 10-08].
        Assert.Equal(2, Calendar.WorkingDaysBetween(new DateOnly(2023, 9, 28), new DateOnly(2023, 10, 8)));

        // 2026: Sat 02-14 (1), 15..23 off, Tue 24 (2), 25 (3), 26 (4), Fri 27 (5), Sat 28 adjusted (6).
        Assert.Equal(6, Calendar.WorkingDaysBetween(new DateOnly(2026, 2, 13), new DateOnly(2026, 2, 28)));

        // A deadline is exactly N working days after its start.
        Assert.Equal(7, Calendar.WorkingDaysBetween(new DateOnly(2025, 9, 26), new DateOnly(2025, 10, 13)));
    }

    [Fact]
    public void Working_days_between_is_zero_when_the_end_is_not_after_the_start()
    {
        Assert.Equal(0, Calendar.WorkingDaysBetween(new DateOnly(2026, 3, 6), new DateOnly(2026, 3, 6)));
        Assert.Equal(0, Calendar.WorkingDaysBetween(new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 2)));
    }

    [Fact]
    public void Year_2025_has_248_working_days()
    {
        // 261 weekdays − 18 weekday holidays (元旦 1, 春节 6, 清明 1, 劳动 3, 端午 1, 国庆中秋 6)
        // + 5 adjusted days (01-26, 02-08, 04-27, 09-28, 10-11) = 248.
        Assert.Equal(248, Calendar.WorkingDaysBetween(new DateOnly(2024, 12, 31), new DateOnly(2025, 12, 31)));
    }

    [Fact]
    public void Year_2026_has_248_working_days()
    {
        // 261 weekdays − 19 weekday holidays (元旦 2, 春节 6, 清明 1, 劳动 3, 端午 1, 中秋 1, 国庆 5)
        // + 6 adjusted days (01-04, 02-14, 02-28, 05-09, 09-20, 10-10) = 248.
        Assert.Equal(248, Calendar.WorkingDaysBetween(new DateOnly(2025, 12, 31), new DateOnly(2026, 12, 31)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Adding_fewer_than_one_working_day_is_rejected(int workingDays)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(new DateOnly(2026, 3, 6), workingDays));
    }

    [Fact]
    public void Describe_names_the_holiday_of_rest_days_and_adjusted_working_days()
    {
        Assert.Equal(
            new DayInfo(new DateOnly(2026, 10, 3), false, DayKind.Holiday, "国庆节"),
            Calendar.Describe(new DateOnly(2026, 10, 3)));
        Assert.Equal(
            new DayInfo(new DateOnly(2026, 10, 10), true, DayKind.AdjustedWorkday, "国庆节"),
            Calendar.Describe(new DateOnly(2026, 10, 10)));
        Assert.Equal(
            new DayInfo(new DateOnly(2026, 10, 17), false, DayKind.Weekend, null),
            Calendar.Describe(new DateOnly(2026, 10, 17)));
        Assert.Equal(
            new DayInfo(new DateOnly(2026, 10, 16), true, DayKind.Workday, null),
            Calendar.Describe(new DateOnly(2026, 10, 16)));
    }
}
