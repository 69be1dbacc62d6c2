using SafeHarbor.Calendar;

namespace SafeHarbor.Tests.Calendar;

public sealed class ChinaClockTests
{
    [Fact]
    public void Today_is_already_the_next_day_in_China_at_half_past_four_in_the_afternoon_UTC()
    {
        var time = new FixedTimeProvider(new DateTimeOffset(2026, 11, 25, 16, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 11, 26), ChinaClock.Today(time));
    }

    [Fact]
    public void The_China_date_changes_at_1600_UTC()
    {
        Assert.Equal(new DateOnly(2026, 11, 25), ChinaClock.ToChinaDate(new DateTimeOffset(2026, 11, 25, 15, 59, 59, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 11, 26), ChinaClock.ToChinaDate(new DateTimeOffset(2026, 11, 25, 16, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void The_China_date_does_not_depend_on_the_offset_the_instant_was_written_in()
    {
        // 2026-11-26 00:30 in Beijing, expressed as 2026-11-25 11:30 in New York (UTC−5).
        Assert.Equal(new DateOnly(2026, 11, 26), ChinaClock.ToChinaDate(new DateTimeOffset(2026, 11, 25, 11, 30, 0, TimeSpan.FromHours(-5))));
    }

    private sealed class FixedTimeProvider(DateTimeOffset utcNow) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => utcNow;
    }
}
