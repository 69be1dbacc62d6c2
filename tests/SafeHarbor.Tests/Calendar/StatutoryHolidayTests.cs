using System.Globalization;
using SafeHarbor.Calendar;

namespace SafeHarbor.Tests.Calendar;

/// <summary>
/// The law-only rule (《全国年节及纪念日放假办法》, weekends, 补假) that answers for a year whose State Council
/// notice is not loaded, checked against every notice we ship.
/// </summary>
public sealed class StatutoryHolidayTests(ITestOutputHelper output)
{
    private static readonly WorkingDayCalendar Shipped = WorkingDayCalendar.LoadDefault();

    public static TheoryData<int> ShippedYears() => new(Shipped.CoveredYears);

    [Theory]
    [MemberData(nameof(ShippedYears))]
    public void Every_statutory_holiday_of_the_law_is_a_rest_day_of_that_holiday_in_the_published_notice(int year)
    {
        foreach (var holiday in StatutoryHolidays.For(year))
        {
            foreach (var day in holiday.Days)
            {
                var published = Shipped.Describe(day);
                Assert.True(published.Kind == DayKind.Holiday, $"{day:yyyy-MM-dd} {holiday.Name}: the notice has it as {published.Kind}");
                Assert.Contains(holiday.Name, published.HolidayName);
            }
        }
    }

    [Fact]
    public void Qingming_matches_an_independent_ephemeris_for_every_year_to_2100()
    {
        var expected = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Calendar", "QingmingDates.txt"))
            .Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => DateOnly.ParseExact(l, "yyyy-MM-dd", CultureInfo.InvariantCulture))
            .ToList();

        Assert.Equal(Enumerable.Range(1990, 111), expected.Select(d => d.Year));
        Assert.All(expected, d => Assert.Equal(d, SolarTerms.Qingming(d.Year)));
    }

    [Fact]
    public void The_2024_revision_adds_new_years_eve_to_the_spring_festival_and_a_second_labour_day_from_2025()
    {
        // 2024: 正月初一 is Saturday 10 February; 2025: 正月初一 is Wednesday 29 January.
        var before = StatutoryHolidays.For(2024).ToDictionary(h => h.Name);
        var after = StatutoryHolidays.For(2025).ToDictionary(h => h.Name);

        Assert.Equal([new(2024, 2, 10), new(2024, 2, 11), new(2024, 2, 12)], before["春节"].Days);
        Assert.Equal([new(2025, 1, 28), new(2025, 1, 29), new(2025, 1, 30), new(2025, 1, 31)], after["春节"].Days);
        Assert.Equal([new DateOnly(2024, 5, 1)], before["劳动节"].Days);
        Assert.Equal([new(2025, 5, 1), new DateOnly(2025, 5, 2)], after["劳动节"].Days);
        Assert.Contains("国务院令第644号", StatutoryHolidays.LawFor(2024));
        Assert.Contains("国务院令第795号", StatutoryHolidays.LawFor(2025));
    }

    [Fact]
    public void The_law_gives_2027_its_holidays_from_the_lunar_calendar_and_the_solar_term()
    {
        // 2027: 正月初一 Saturday 6 February, 清明 Monday 5 April, 端午 Wednesday 9 June, 中秋 Wednesday 15 September.
        var year = StatutoryHolidays.For(2027).ToDictionary(h => h.Name);

        Assert.Equal([new DateOnly(2027, 1, 1)], year["元旦"].Days);
        Assert.Equal([new(2027, 2, 5), new(2027, 2, 6), new(2027, 2, 7), new DateOnly(2027, 2, 8)], year["春节"].Days);
        Assert.Equal([new DateOnly(2027, 4, 5)], year["清明节"].Days);
        Assert.Equal([new(2027, 5, 1), new DateOnly(2027, 5, 2)], year["劳动节"].Days);
        Assert.Equal([new DateOnly(2027, 6, 9)], year["端午节"].Days);
        Assert.Equal([new DateOnly(2027, 9, 15)], year["中秋节"].Days);
        Assert.Equal([new(2027, 10, 1), new(2027, 10, 2), new DateOnly(2027, 10, 3)], year["国庆节"].Days);
    }

    [Fact]
    public void A_holiday_on_a_weekend_is_made_up_on_the_next_free_working_days()
    {
        // 2027: 春节 Sat 6 and Sun 7 February are made up on Tue 9 and Wed 10 (Mon 8 is 初三 itself);
        // 劳动节 Sat 1 and Sun 2 May on Mon 3 and Tue 4; 国庆 Sat 2 and Sun 3 October on Mon 4 and Tue 5.
        var year = StatutoryHolidays.For(2027).ToDictionary(h => h.Name);

        Assert.Equal([new(2027, 2, 9), new DateOnly(2027, 2, 10)], year["春节"].MakeUpDays);
        Assert.Equal([new(2027, 5, 3), new DateOnly(2027, 5, 4)], year["劳动节"].MakeUpDays);
        Assert.Equal([new(2027, 10, 4), new DateOnly(2027, 10, 5)], year["国庆节"].MakeUpDays);
        Assert.Empty(year["元旦"].MakeUpDays);
    }

    [Fact]
    public void Mid_autumn_within_national_day_is_one_rest_day_owed_once()
    {
        // 2020: 中秋 fell on Thursday 1 October, the first day of 国庆: the shared day is not made up twice.
        var year = StatutoryHolidays.For(2020).ToDictionary(h => h.Name);

        Assert.Equal([new DateOnly(2020, 10, 1)], year["中秋节"].Days);
        Assert.Empty(year["中秋节"].MakeUpDays);
        var calendar = CalendarWithout(2020);
        Assert.Equal("中秋节、国庆节", calendar.Describe(new DateOnly(2020, 10, 1)).HolidayName);
    }

    [Fact]
    public void Years_outside_the_known_versions_of_the_law_are_not_guessed()
    {
        Assert.Equal(2014, StatutoryHolidays.FirstYear);
        Assert.Equal(2100, StatutoryHolidays.LastYear);
        Assert.Throws<ArgumentOutOfRangeException>(() => StatutoryHolidays.For(2013));
        Assert.Throws<ArgumentOutOfRangeException>(() => StatutoryHolidays.For(2101));
    }

    /// <summary>
    /// How close the law-only rule comes to the published notices: for every start day of 2018–2026, the
    /// 7-working-day deadline counted as if that year's notice were missing, against the deadline the
    /// notice gives. The difference is the notice's 调休 (bridging days off and swapped weekends).
    /// </summary>
    [Fact]
    public void The_law_only_rule_gets_most_seven_working_day_deadlines_of_2018_to_2026_right()
    {
        int total = 0, same = 0;
        foreach (int year in Shipped.CoveredYears)
        {
            var lawOnly = CalendarWithout(year);
            int yearTotal = 0, yearSame = 0, later = 0;
            for (var start = new DateOnly(year, 1, 1); start.Year == year; start = start.AddDays(1))
            {
                var published = Shipped.AddWorkingDays(start, 7);
                if (published.Date.Year != year)
                {
                    continue;
                }
                var guessed = lawOnly.AddWorkingDays(start, 7);
                Assert.True(guessed.Provisional, $"{start:yyyy-MM-dd}: a count through {year} without its notice is provisional");
                yearTotal++;
                if (guessed.Date == published.Date)
                {
                    yearSame++;
                }
                else if (guessed.Date > published.Date)
                {
                    later++;
                }
            }
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{year}: {yearSame}/{yearTotal} deadlines agree ({100.0 * yearSame / yearTotal:F1} %); of the others {later} later, {yearTotal - yearSame - later} earlier than the notice"));
            total += yearTotal;
            same += yearSame;
        }
        double share = (double)same / total;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"2018–2026: {same}/{total} agree ({100 * share:F1} %)"));

        Assert.True(share >= 0.85, string.Create(CultureInfo.InvariantCulture, $"only {100 * share:F1} % of the law-only deadlines agree with the notices"));
    }

    /// <summary>Every shipped notice but the one of <paramref name="year"/>, so that year falls back on the law.</summary>
    internal static WorkingDayCalendar CalendarWithout(int year) =>
        WorkingDayCalendar.FromNotices(Shipped.Notices.Where(n => n.Year != year).ToList());
}
