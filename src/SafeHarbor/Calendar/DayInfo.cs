namespace SafeHarbor.Calendar;

public enum DayKind
{
    Workday,
    Weekend,
    Holiday,
    AdjustedWorkday,
}

/// <param name="HolidayName">
/// The holiday period the day belongs to (for <see cref="DayKind.Holiday"/> and
/// <see cref="DayKind.AdjustedWorkday"/>), as named in the notice; otherwise null.
/// </param>
public sealed record DayInfo(DateOnly Date, bool IsWorkingDay, DayKind Kind, string? HolidayName);
