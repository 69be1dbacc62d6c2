using SafeHarbor.Calendar;

namespace SafeHarbor.Tests.Calendar;

public sealed class UnpublishedYearTests
{
    private const string Message2027 = "尚未发布 2027 年的节假日安排（no calendar published for 2027）";

    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.LoadDefault();

    [Fact]
    public void A_date_in_a_year_without_a_notice_is_refused_rather_than_guessed()
    {
        var ex = Assert.Throws<CalendarNotPublishedException>(() => Calendar.IsWorkingDay(new DateOnly(2027, 3, 1)));

        Assert.Equal(2027, ex.Year);
        Assert.Equal(Message2027, ex.Message);
    }

    [Fact]
    public void A_deadline_running_into_a_year_without_a_notice_is_refused()
    {
        // Mon 2026-12-28: 29 (1), 30 (2), 31 (3), then 2027-01-01 has no notice yet.
        var ex = Assert.Throws<CalendarNotPublishedException>(() => Calendar.AddWorkingDays(new DateOnly(2026, 12, 28), 7));

        Assert.Equal(2027, ex.Year);
        Assert.Equal(Message2027, ex.Message);
    }

    [Fact]
    public void Counting_working_days_into_a_year_without_a_notice_is_refused()
    {
        var ex = Assert.Throws<CalendarNotPublishedException>(
            () => Calendar.WorkingDaysBetween(new DateOnly(2026, 12, 1), new DateOnly(2027, 1, 5)));

        Assert.Equal(2027, ex.Year);
    }

    [Fact]
    public void Years_before_the_first_notice_are_not_covered_either()
    {
        var ex = Assert.Throws<CalendarNotPublishedException>(() => Calendar.Describe(new DateOnly(2017, 12, 29)));

        Assert.Equal(2017, ex.Year);
        Assert.False(Calendar.Covers(2017));
    }

    [Fact]
    public void A_deadline_ending_on_the_last_covered_day_is_still_answered()
    {
        // Tue 2026-12-29: Wed 30 (1), Thu 31 (2).
        Assert.Equal(new DateOnly(2026, 12, 31), Calendar.AddWorkingDays(new DateOnly(2026, 12, 29), 2));
    }
}
