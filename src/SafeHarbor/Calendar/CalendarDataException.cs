using System.Globalization;

namespace SafeHarbor.Calendar;

/// <summary>A holiday data file (or the data directory) is missing or malformed.</summary>
public sealed class CalendarDataException : Exception
{
    public CalendarDataException(string message)
        : base(message)
    {
    }

    public CalendarDataException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    private CalendarDataException(string fileName, long? line, string problem, Exception? innerException)
        : base(FormatMessage(fileName, line, problem), innerException)
    {
        FileName = fileName;
        Line = line;
    }

    /// <summary>File name (without directory) of the offending data file, when the problem is in one.</summary>
    public string? FileName { get; }

    /// <summary>1-based line in <see cref="FileName"/>, when the problem can be located.</summary>
    public long? Line { get; }

    internal static CalendarDataException InFile(string fileName, string problem, long? line = null, Exception? innerException = null) =>
        new(fileName, line, problem, innerException);

    private static string FormatMessage(string fileName, long? line, string problem) =>
        line is { } l
            ? string.Create(CultureInfo.InvariantCulture, $"节假日数据文件 {fileName} 第 {l} 行：{problem}")
            : $"节假日数据文件 {fileName}：{problem}";
}
