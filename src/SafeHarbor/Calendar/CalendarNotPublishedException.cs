using System.Globalization;

namespace SafeHarbor.Calendar;

/// <summary>
/// A computation needed a year for which no State Council holiday notice is loaded.
/// Deadlines in such a year cannot be derived from weekends alone, so we refuse instead of guessing.
/// </summary>
public sealed class CalendarNotPublishedException : Exception
{
    public CalendarNotPublishedException(int year)
        : base(string.Create(CultureInfo.InvariantCulture, $"尚未发布 {year} 年的节假日安排（no calendar published for {year}）"))
    {
        Year = year;
    }

    public int Year { get; }
}
