using SafeHarbor.Calendar;

namespace SafeHarbor.Tests.Admin;

/// <summary>
/// Next year's notice typed into the form: refused field by field for what the loader would refuse
/// (and for what would be a plain typo), and rendered as a file the loader reads back unchanged.
/// </summary>
public sealed class HolidayNoticeDraftTests
{
    private static readonly WorkingDayCalendar Shipped = WorkingDayCalendar.LoadDefault(); // 2018–2026

    private static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static HolidayDraft H(string? name, string? first, string? last, params string[] workdays) =>
        new(name, first is null ? null : D(first), last is null ? null : D(last), workdays.Select(D).ToList());

    /// <summary>TEST DATA, MADE UP: not the State Council's 2027 notice; valid by the loader's rules.</summary>
    private static HolidayNoticeDraft MadeUp2027(params HolidayDraft[] holidays) => new(
        2027,
        "国务院办公厅关于2027年部分节假日安排的通知（测试数据，虚构）",
        "测试〔2026〕1号",
        D("2026-11-01"),
        holidays.Length > 0
            ? holidays
            : [H("元旦", "2027-01-01", "2027-01-03"), H("国庆节", "2027-10-01", "2027-10-07", "2027-09-26", "2027-10-09")]);

    private static IEnumerable<string> Fields(IEnumerable<CalendarProblem> problems) => problems.Select(p => p.Field);

    [Fact]
    public void A_valid_draft_has_no_problems_and_renders_a_file_the_loader_reads_back_unchanged()
    {
        var draft = MadeUp2027();

        Assert.Empty(draft.Check(Shipped));
        var notice = HolidayNoticeReader.Parse(System.Text.Encoding.UTF8.GetBytes(draft.ToJson()), draft.FileName);
        Assert.Equal(2027, notice.Year);
        Assert.Equal(draft.Title, notice.Title);
        Assert.Equal("测试〔2026〕1号", notice.DocumentNumber);
        Assert.Equal(D("2026-11-01"), notice.IssuedOn);
        Assert.Equal(["元旦", "国庆节"], notice.Holidays.Select(h => h.Name));
        Assert.Equal([D("2027-09-26"), D("2027-10-09")], notice.Holidays[1].Workdays);
    }

    [Fact]
    public void The_rendered_file_looks_like_the_shipped_ones()
    {
        var json = MadeUp2027(H("元旦", "2027-01-01", "2027-01-03")).ToJson();

        Assert.Equal("""
            {
              "year": 2027,
              "notice": "国务院办公厅关于2027年部分节假日安排的通知（测试数据，虚构）",
              "documentNumber": "测试〔2026〕1号",
              "issuedOn": "2026-11-01",
              "holidays": [
                { "name": "元旦", "off": ["2027-01-01", "2027-01-03"], "workdays": [] }
              ]
            }

            """.ReplaceLineEndings("\n"), json);
    }

    [Fact]
    public void Quotes_and_backslashes_in_the_title_survive_the_round_trip()
    {
        var draft = MadeUp2027() with { Title = "国务院办公厅关于2027年\"部分\"节假日安排的通知\\测试" };

        var notice = HolidayNoticeReader.Parse(System.Text.Encoding.UTF8.GetBytes(draft.ToJson()), draft.FileName);

        Assert.Equal(draft.Title, notice.Title);
    }

    [Fact]
    public void A_rest_range_ending_before_it_starts_is_refused_on_its_last_day()
    {
        var problems = MadeUp2027(H("国庆节", "2027-10-07", "2027-10-01")).Check(Shipped);

        var problem = Assert.Single(problems);
        Assert.Equal(new CalendarProblem("holidays[0].lastOff", "放假最后一天 2027-10-01 早于第一天 2027-10-07。"), problem);
    }

    [Fact]
    public void An_adjusted_working_day_on_a_weekday_is_refused_as_a_typo()
    {
        var problems = MadeUp2027(H("国庆节", "2027-10-01", "2027-10-07", "2027-10-08")).Check(Shipped);

        Assert.Equal([new CalendarProblem("holidays[0].workdays", "调休上班日 2027-10-08 不是周六或周日。")], problems);
    }

    [Fact]
    public void An_adjusted_working_day_inside_its_own_rest_days_is_refused()
    {
        var problems = MadeUp2027(H("国庆节", "2027-10-01", "2027-10-07", "2027-10-02")).Check(Shipped);

        Assert.Equal([new CalendarProblem("holidays[0].workdays", "调休上班日 2027-10-02 在本节日的放假期间内。")], problems);
    }

    [Fact]
    public void Two_holidays_claiming_the_same_day_are_refused_on_the_later_one()
    {
        var problems = MadeUp2027(H("中秋节", "2027-09-15", "2027-09-17"), H("教师节", "2027-09-17", "2027-09-18")).Check(Shipped);

        Assert.Equal([new CalendarProblem("holidays[1].firstOff", "2027-09-17 已列入「中秋节」，同一天只能属于一个节日。")], problems);
    }

    [Fact]
    public void A_date_outside_the_notice_year_and_its_preceding_december_is_refused()
    {
        Assert.Empty(MadeUp2027(H("元旦", "2026-12-31", "2027-01-02")).Check(Shipped));

        var problems = MadeUp2027(H("元旦", "2026-11-30", "2027-01-02")).Check(Shipped);

        Assert.Equal([new CalendarProblem("holidays[0].firstOff", "2026-11-30 不属于 2027 年的安排（只能是 2027 年或 2026 年 12 月）。")], problems);
    }

    [Fact]
    public void A_december_date_the_previous_years_notice_already_lists_is_refused()
    {
        // TEST DATA, MADE UP: a 2026 notice that lists its own New Year's Eve as a rest day.
        var directory = Path.Combine(Path.GetTempPath(), "safeharbor-draft-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            File.WriteAllText(Path.Combine(directory, "2026.json"), """
                { "year": 2026, "notice": "测试通知", "holidays": [ { "name": "岁末", "off": ["2026-12-31", "2026-12-31"], "workdays": [] } ] }
                """);
            var calendar = WorkingDayCalendar.LoadFrom(directory);

            var problems = MadeUp2027(H("元旦", "2026-12-31", "2027-01-02")).Check(calendar);

            Assert.Equal([new CalendarProblem("holidays[0].firstOff", "2026-12-31 已在 2026 年的安排中列为「岁末」放假日。")], problems);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void A_rest_period_of_more_than_thirty_days_is_taken_for_a_typo()
    {
        var problems = MadeUp2027(H("国庆节", "2027-10-01", "2027-11-07")).Check(Shipped);

        Assert.Equal([new CalendarProblem("holidays[0].lastOff", "放假 38 天，超过 30 天，请核对日期。")], problems);
    }

    [Fact]
    public void Only_the_year_after_the_last_covered_one_may_be_added()
    {
        var skipping = new HolidayNoticeDraft(2028, "国务院办公厅关于2028年部分节假日安排的通知", null, null, [H("元旦", "2028-01-01", "2028-01-03")]);
        Assert.Equal([new CalendarProblem("year", "只能添加已有安排之后的下一年（2027 年）的节假日安排。")], skipping.Check(Shipped));
        Assert.Contains(new CalendarProblem("year", "已有 2026 年的节假日安排，不能重复添加。"),
            new HolidayNoticeDraft(2026, "国务院办公厅关于2026年部分节假日安排的通知", null, null, [H("元旦", "2026-01-01", "2026-01-01")]).Check(Shipped));
    }

    [Fact]
    public void Missing_title_name_and_dates_are_reported_next_to_each_field_and_blank_rows_are_ignored()
    {
        var draft = new HolidayNoticeDraft(2027, " ", null, D("2025-01-01"), [H(null, null, null), H("", "2027-01-01", null), H("春节", null, "2027-02-10")]);

        var problems = draft.Check(Shipped);

        Assert.Equal(["title", "issuedOn", "holidays[1].name", "holidays[1].lastOff", "holidays[2].firstOff"], Fields(problems));
        Assert.Equal(["请填写通知标题。", "印发日期应在 2026 年或 2027 年。", "请填写节日名称。", "请填写放假最后一天。", "请填写放假第一天。"], problems.Select(p => p.Message));
    }

    [Fact]
    public void A_draft_without_any_filled_row_is_refused()
    {
        var problems = new HolidayNoticeDraft(2027, "国务院办公厅关于2027年部分节假日安排的通知", null, null, [H(null, null, null)]).Check(Shipped);

        Assert.Equal([new CalendarProblem("holidays", "请至少填写一个节假日。")], problems);
    }

    [Fact]
    public void A_title_naming_another_year_is_taken_for_the_wrong_notice()
    {
        var problems = (MadeUp2027() with { Title = "国务院办公厅关于2026年部分节假日安排的通知" }).Check(Shipped);

        Assert.Equal([new CalendarProblem("title", "通知标题中应有“2027年”，请核对是否为 2027 年的通知。")], problems);
    }
}
