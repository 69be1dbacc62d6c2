namespace SafeHarbor.Calendar;

/// <summary>
/// Civil dates as counted by the procedure: the day boundary is midnight in mainland China,
/// whatever the server's own time zone is.
/// </summary>
public static class ChinaClock
{
    private static readonly TimeZoneInfo ChinaZone = ResolveChinaZone();

    public static DateOnly Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return ToChinaDate(time.GetUtcNow());
    }

    public static DateOnly ToChinaDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, ChinaZone).DateTime);

    private static TimeZoneInfo ResolveChinaZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            // Minimal containers ship without tzdata. China has kept UTC+8 without daylight
            // saving since 1991, so a fixed offset gives the same dates for every year we cover.
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
        }
    }
}
