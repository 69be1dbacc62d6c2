using SafeHarbor.Calendar;

namespace SafeHarbor.Tests.Calendar;

/// <summary>
/// The data files are edited by hand; a mistake must stop the load with a Chinese message
/// that tells the administrator which file (and where possible which line) to fix.
/// </summary>
public sealed class MalformedCalendarDataTests : IDisposable
{
    private const string ValidHoliday = """{ "name": "国庆节", "off": ["2026-10-01", "2026-10-07"], "workdays": ["2026-09-20", "2026-10-10"] }""";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "safeharbor-calendar-" + Guid.NewGuid().ToString("N"));

    public MalformedCalendarDataTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_badly_written_date_is_reported_with_file_and_line()
    {
        // The bad date sits on line 5 of the file written below.
        WriteNotice("2026.json", 2026, """{ "name": "元旦", "off": ["2026-01-01", "2026-1-3"], "workdays": [] }""");

        var ex = Assert.Throws<CalendarDataException>(() => WorkingDayCalendar.LoadFrom(_directory));

        Assert.Equal("节假日数据文件 2026.json 第 5 行：日期格式应为 YYYY-MM-DD（实际为 \"2026-1-3\"）", ex.Message);
        Assert.Equal("2026.json", ex.FileName);
        Assert.Equal(5, ex.Line);
    }

    [Fact]
    public void An_impossible_date_is_reported()
    {
        WriteNotice("2026.json", 2026, """{ "name": "春节", "off": ["2026-02-15", "2026-02-30"], "workdays": [] }""");

        var ex = Assert.Throws<CalendarDataException>(() => WorkingDayCalendar.LoadFrom(_directory));

        Assert.StartsWith("节假日数据文件 2026.json 第 5 行：日期格式应为 YYYY-MM-DD", ex.Message);
    }

    [Fact]
    public void An_off_range_must_have_exactly_two_dates()
    {
        WriteNotice("2026.json", 2026, """{ "name": "元旦", "off": ["2026-01-01", "2026-01-02", "2026-01-03"], "workdays": [] }""");

        var ex = Assert.Throws<CalendarDataException>(() => WorkingDayCalendar.LoadFrom(_directory));

        Assert.Equal("节假日数据文件 2026.json 第 5 行：off 应恰好包含两个日期 [第一天, 最后一天]（实际为 3 个）", ex.Message);
    }

    [Fact]
    public void An_off_range_must_not_end_before_it_starts()
    {
        WriteNotice("2026.json", 2026, """{ "name": "元旦", "off": ["2026-01-03", "2026-01-01"], "workdays": [] }""");

        var ex = Assert.Throws<CalendarDataException>(() => WorkingDayCalendar.LoadFrom(_directory));

        Assert.Equal("节假日数据文件 2026.json 第 5 行：off 的第一天 2026-01-03 晚于最后一天 2026-01-01", ex.Message);
    }

    [Fact]
    public void A_date_cannot_be_both_a_rest_day_and_an_adjusted_working_day()
    {
        WriteNotice("2026.json", 2026, """{ "name": "国庆节", "off": ["2026-10-01", "2026-10-07"], "workdays": ["2026-10-03"] }""");

        var ex = Assert.Throws<CalendarDataException>(() => WorkingDayCalendar.LoadFrom(_directory));

        Assert.Equal("节假日数据文件 2026.json：2026-10-03 既被列为放假日又被列为调休上班日（「国庆节」）", ex.Message);
    }

    [Fact]
    public void Two_files_for_the_same_year_are_rejected()
    {
        WriteNotice("2026.json", 2026, ValidHoliday);
        WriteNotice("2026-copy.json", 2026, ValidHoliday);

        var ex = Assert.Throws<CalendarDataException>(() => WorkingDayCalendar.LoadFrom(_directory));

        Assert.Equal("节假日数据文件 2026.json：与 2026-copy.json 重复：两个文件都是 2026 年的安排（year 重复）", ex.Message);
    }

    [Fact]
    public void A_file_named_after_another_year_is_rejected()
    {
        WriteNotice("2027.json", 2026, ValidHoliday);

        var ex = Assert.Throws<CalendarDataException>(() => WorkingDayCalendar.LoadFrom(_directory));

        Assert.Equal("节假日数据文件 2027.json：文件名表示 2027 年，但 year 为 2026", ex.Message);
    }

    [Fact]
    public void An_adjusted_working_day_on_a_weekday_is_rejected_as_a_typo()
    {
        WriteNotice("2026.json", 2026, """{ "name": "国庆节", "off": ["2026-10-01", "2026-10-07"], "workdays": ["2026-10-09"] }""");

        var ex = Assert.Throws<CalendarDataException>(() => WorkingDayCalendar.LoadFrom(_directory));

        Assert.Equal("节假日数据文件 2026.json：「国庆节」的调休上班日 2026-10-09 不是周六或周日", ex.Message);
    }

    [Fact]
    public void A_date_outside_the_notice_year_is_rejected()
    {
        WriteNotice("2026.json", 2026, """{ "name": "国庆节", "off": ["2025-10-01", "2025-10-07"], "workdays": [] }""");

        var ex = Assert.Throws<CalendarDataException>(() => WorkingDayCalendar.LoadFrom(_directory));

        Assert.Contains("2026.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains("2025-10-01 不属于 2026 年的安排", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_property_is_rejected_instead_of_ignored()
    {
        WriteNotice("2026.json", 2026, """{ "name": "国庆节", "off": ["2026-10-01", "2026-10-07"], "workday": ["2026-10-10"] }""");

        var ex = Assert.Throws<CalendarDataException>(() => WorkingDayCalendar.LoadFrom(_directory));

        Assert.StartsWith("节假日数据文件 2026.json 第 5 行：JSON 无法解析", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_json_is_reported_with_file_and_line()
    {
        File.WriteAllText(Path.Combine(_directory, "2026.json"), "{\n  \"year\": 2026,\n  \"notice\": \"x\"\n  \"holidays\": []\n}\n");

        var ex = Assert.Throws<CalendarDataException>(() => WorkingDayCalendar.LoadFrom(_directory));

        Assert.StartsWith("节假日数据文件 2026.json 第 4 行：JSON 无法解析", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_workdays_list_is_rejected()
    {
        WriteNotice("2026.json", 2026, """{ "name": "中秋节", "off": ["2026-09-25", "2026-09-27"] }""");

        var ex = Assert.Throws<CalendarDataException>(() => WorkingDayCalendar.LoadFrom(_directory));

        Assert.Equal("节假日数据文件 2026.json：「中秋节」缺少 workdays 字段（没有调休上班日时写 []）", ex.Message);
    }

    [Fact]
    public void Document_number_and_issue_date_are_optional()
    {
        WriteNotice("2026.json", 2026, ValidHoliday);

        WorkingDayCalendar calendar = WorkingDayCalendar.LoadFrom(_directory);

        Assert.Equal([2026], calendar.CoveredYears);
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 10, 10)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 10, 5)));
    }

    [Fact]
    public void A_missing_data_folder_is_reported()
    {
        string missing = Path.Combine(_directory, "nope");

        var ex = Assert.Throws<CalendarDataException>(() => WorkingDayCalendar.LoadFrom(missing));

        Assert.Contains(missing, ex.Message, StringComparison.Ordinal);
    }

    /// <summary>Writes a minimal notice; the first holiday line is line 5 of the file.</summary>
    private void WriteNotice(string fileName, int year, string holidayJson)
    {
        string json = $$"""
            {
              "year": {{year}},
              "notice": "国务院办公厅关于{{year}}年部分节假日安排的通知",
              "holidays": [
                {{holidayJson}}
              ]
            }
            """;
        File.WriteAllText(Path.Combine(_directory, fileName), json);
    }
}
