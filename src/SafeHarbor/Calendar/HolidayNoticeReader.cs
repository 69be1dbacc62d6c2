using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SafeHarbor.Calendar;

/// <summary>One State Council holiday notice, as written in Calendar/Data/{year}.json.</summary>
/// <param name="SourcePath">The file it was read from; null for a notice not (yet) on disk.</param>
public sealed record HolidayNotice(
    string FileName,
    int Year,
    string Title,
    string? DocumentNumber,
    DateOnly? IssuedOn,
    IReadOnlyList<HolidayPeriod> Holidays,
    string? SourcePath = null);

/// <summary>One holiday of a notice: its inclusive rest-day range and its 调休 working days.</summary>
public sealed record HolidayPeriod(string Name, DateOnly FirstOff, DateOnly LastOff, IReadOnlyList<DateOnly> Workdays);

/// <summary>
/// Reads and checks one data file. The files are maintained by hand, so every check here
/// exists to turn a typo into a start-up failure instead of a silently wrong deadline.
/// </summary>
internal static class HolidayNoticeReader
{
    internal const string DateFormat = "yyyy-MM-dd";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // A misspelt "workdays" would otherwise be ignored and silently drop 调休 days.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
        Converters = { new StrictDateConverter(), new OffRangeConverter() },
    };

    public static HolidayNotice Read(string path)
    {
        string fileName = Path.GetFileName(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw CalendarDataException.InFile(fileName, $"无法读取文件（{ex.Message}）", innerException: ex);
        }

        return Parse(bytes, fileName) with { SourcePath = path };
    }

    /// <summary>Checks file content exactly as <see cref="Read"/> does, before it is written anywhere.</summary>
    public static HolidayNotice Parse(ReadOnlySpan<byte> content, string fileName)
    {
        // Editors on Windows like to save with a BOM, which the JSON reader rejects.
        ReadOnlySpan<byte> json = content;
        if (json.StartsWith("\uFEFF"u8))
        {
            json = json[3..];
        }

        NoticeDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize<NoticeDto>(json, Options);
        }
        catch (JsonException ex)
        {
            long? line = ex.LineNumber + 1;
            string problem = ex is InvalidCalendarValueException invalid
                ? invalid.Problem
                : $"JSON 无法解析（{ex.Path ?? "$"}）：{ex.Message}";
            throw CalendarDataException.InFile(fileName, problem, line, ex);
        }

        if (dto is null)
        {
            throw CalendarDataException.InFile(fileName, "内容应为一个 JSON 对象");
        }

        return Validate(fileName, dto);
    }

    private static HolidayNotice Validate(string fileName, NoticeDto dto)
    {
        if (dto.Year is not { } year)
        {
            throw CalendarDataException.InFile(fileName, "缺少 year 字段");
        }

        // Dates of the previous December must stay representable.
        if (year is < 1901 or > 9998)
        {
            throw CalendarDataException.InFile(fileName, Invariant($"year {year} 超出范围"));
        }

        string stem = Path.GetFileNameWithoutExtension(fileName);
        if (int.TryParse(stem, NumberStyles.None, CultureInfo.InvariantCulture, out int yearInName) && yearInName != year)
        {
            throw CalendarDataException.InFile(fileName, Invariant($"文件名表示 {yearInName} 年，但 year 为 {year}"));
        }

        if (string.IsNullOrWhiteSpace(dto.Notice))
        {
            throw CalendarDataException.InFile(fileName, "缺少 notice 字段（通知标题）");
        }

        if (dto.DocumentNumber is not null && string.IsNullOrWhiteSpace(dto.DocumentNumber))
        {
            throw CalendarDataException.InFile(fileName, "documentNumber 不能为空字符串；不确定时请省略该字段");
        }

        if (dto.Holidays is null || dto.Holidays.Count == 0)
        {
            throw CalendarDataException.InFile(fileName, "缺少 holidays 数组或数组为空");
        }

        var holidays = new List<HolidayPeriod>(dto.Holidays.Count);
        for (int i = 0; i < dto.Holidays.Count; i++)
        {
            holidays.Add(ValidateHoliday(fileName, year, i, dto.Holidays[i]));
        }

        return new HolidayNotice(fileName, year, dto.Notice.Trim(), dto.DocumentNumber?.Trim(), dto.IssuedOn, holidays);
    }

    private static HolidayPeriod ValidateHoliday(string fileName, int year, int index, HolidayDto? dto)
    {
        string where = Invariant($"holidays[{index}]");
        if (dto is null)
        {
            throw CalendarDataException.InFile(fileName, $"{where} 应为对象");
        }

        if (string.IsNullOrWhiteSpace(dto.Name))
        {
            throw CalendarDataException.InFile(fileName, $"{where} 缺少 name 字段");
        }

        string name = dto.Name.Trim();
        if (dto.Off is not { } off)
        {
            throw CalendarDataException.InFile(fileName, $"「{name}」缺少 off 字段 [第一天, 最后一天]");
        }

        if (dto.Workdays is null)
        {
            throw CalendarDataException.InFile(fileName, $"「{name}」缺少 workdays 字段（没有调休上班日时写 []）");
        }

        CheckWithinNoticeYear(fileName, year, name, off.First);
        CheckWithinNoticeYear(fileName, year, name, off.Last);
        foreach (DateOnly workday in dto.Workdays)
        {
            CheckWithinNoticeYear(fileName, year, name, workday);

            // 调休 turns a rest day into a working day; a weekday listed here is a typo.
            if (workday.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                throw CalendarDataException.InFile(fileName, $"「{name}」的调休上班日 {Format(workday)} 不是周六或周日");
            }
        }

        return new HolidayPeriod(name, off.First, off.Last, dto.Workdays.ToArray());
    }

    private static void CheckWithinNoticeYear(string fileName, int year, string name, DateOnly date)
    {
        // A notice for year N only ever reaches back into December of N-1 (元旦 bridging).
        bool inYear = date.Year == year || (date.Year == year - 1 && date.Month == 12);
        if (!inYear)
        {
            throw CalendarDataException.InFile(
                fileName,
                Invariant($"「{name}」的日期 {Format(date)} 不属于 {year} 年的安排（只能是 {year} 年或 {year - 1} 年 12 月）"));
        }
    }

    internal static string Format(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed class NoticeDto
    {
        public int? Year { get; set; }

        public string? Notice { get; set; }

        public string? DocumentNumber { get; set; }

        public DateOnly? IssuedOn { get; set; }

        public List<HolidayDto?>? Holidays { get; set; }
    }

    private sealed class HolidayDto
    {
        public string? Name { get; set; }

        public OffRange? Off { get; set; }

        public List<DateOnly>? Workdays { get; set; }
    }

    private readonly record struct OffRange(DateOnly First, DateOnly Last);

    /// <summary>
    /// Thrown from inside the converters so that the serializer attaches the line number;
    /// <see cref="Problem"/> is the Chinese text for the administrator.
    /// </summary>
    private sealed class InvalidCalendarValueException(string problem) : JsonException(problem)
    {
        public string Problem { get; } = problem;
    }

    private sealed class StrictDateConverter : JsonConverter<DateOnly>
    {
        public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            ReadDate(ref reader);

        public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
            writer.WriteStringValue(Format(value));

        public static DateOnly ReadDate(ref Utf8JsonReader reader)
        {
            string? text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            if (text is null
                || !DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date))
            {
                throw new InvalidCalendarValueException($"日期格式应为 YYYY-MM-DD（实际为 {DescribeToken(ref reader)}）");
            }

            return date;
        }

        private static string DescribeToken(ref Utf8JsonReader reader) => reader.TokenType switch
        {
            JsonTokenType.String => $"\"{reader.GetString()}\"",
            JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null =>
                Encoding.UTF8.GetString(reader.ValueSpan),
            JsonTokenType.StartArray => "数组",
            JsonTokenType.StartObject => "对象",
            _ => reader.TokenType.ToString(),
        };
    }

    private sealed class OffRangeConverter : JsonConverter<OffRange>
    {
        public override OffRange Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new InvalidCalendarValueException("off 应为数组 [第一天, 最后一天]");
            }

            var dates = new List<DateOnly>(2);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                dates.Add(StrictDateConverter.ReadDate(ref reader));
            }

            if (dates.Count != 2)
            {
                throw new InvalidCalendarValueException(
                    Invariant($"off 应恰好包含两个日期 [第一天, 最后一天]（实际为 {dates.Count} 个）"));
            }

            if (dates[0] > dates[1])
            {
                throw new InvalidCalendarValueException($"off 的第一天 {Format(dates[0])} 晚于最后一天 {Format(dates[1])}");
            }

            return new OffRange(dates[0], dates[1]);
        }

        public override void Write(Utf8JsonWriter writer, OffRange value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            writer.WriteStringValue(Format(value.First));
            writer.WriteStringValue(Format(value.Last));
            writer.WriteEndArray();
        }
    }
}
