namespace SafeHarbor.IntegrationTests.Support;

/// <summary>A clock the test sets; the app reads "now" only through TimeProvider.</summary>
public sealed class TestClock : TimeProvider
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public DateTimeOffset Now { get; set; } = At(2026, 9, 21);

    public override DateTimeOffset GetUtcNow() => Now;

    /// <summary>10:00 in Asia/Shanghai on the given date.</summary>
    public static DateTimeOffset At(int year, int month, int day) =>
        new DateTimeOffset(year, month, day, 10, 0, 0, ChinaOffset).ToUniversalTime();

    public DateOnly Today => DateOnly.FromDateTime(Now.ToOffset(ChinaOffset).DateTime);

    public void SetToday(DateOnly date) => Now = At(date.Year, date.Month, date.Day);
}
