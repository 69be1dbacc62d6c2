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
/// <see cref="DayKind.AdjustedWorkday"/>), as named in the notice or the law; otherwise null.
/// </param>
/// <param name="ProvisionalReason">
/// Set when the year's notice is not loaded, so the day follows the law and weekends and may still change
/// (暂定); null when a notice decides the day.
/// </param>
public sealed record DayInfo(DateOnly Date, bool IsWorkingDay, DayKind Kind, string? HolidayName, string? ProvisionalReason = null)
{
    public bool Provisional => ProvisionalReason is not null;
}

/// <summary>
/// A date the calendar counted. <see cref="ProvisionalReason"/> is set when the count went through a year
/// whose State Council notice is not loaded: the date follows the law and weekends and is 暂定 until the
/// notice arrives and the date is recomputed.
/// </summary>
public sealed record ComputedDate(DateOnly Date, string? ProvisionalReason = null)
{
    public bool Provisional => ProvisionalReason is not null;

    /// <summary>The date as shown everywhere: <c>2027-01-07（暂定）</c> when provisional.</summary>
    public override string ToString() => Format(Date, Provisional);

    public static string Format(DateOnly date, bool provisional) =>
        date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + (provisional ? "（暂定）" : "");
}
