using System.Text;
using SafeHarbor.Calendar;

namespace SafeHarbor.Tests.Calendar;

/// <summary>A year without a State Council notice never stops a count: its dates follow the law and are 暂定.</summary>
[Article("5(1)")]
public sealed class ProvisionalDateTests
{
    private const string Reason2027 = "2027 年节假日安排尚未发布，按法定节假日和周末推算，发布后自动重算";

    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.LoadDefault();

    [Fact]
    public void A_deadline_running_into_a_year_without_a_notice_is_counted_from_the_law_and_marked_provisional()
    {
        // Mon 2026-12-28: 29 (1), 30 (2), 31 (3); 2027-01-01 元旦; Sat 2, Sun 3; Mon 4 (4) … Thu 7 (7).
        var due = Calendar.AddWorkingDays(new DateOnly(2026, 12, 28), 7);

        Assert.Equal(new ComputedDate(new DateOnly(2027, 1, 7), Reason2027), due);
        Assert.Equal("2027-01-07（暂定）", due.ToString());
    }

    [Fact]
    public void A_day_of_a_year_without_a_notice_says_what_the_law_makes_it_and_why_it_is_provisional()
    {
        var eve = Calendar.Describe(new DateOnly(2027, 2, 5));
        var monday = Calendar.Describe(new DateOnly(2027, 3, 1));

        Assert.Equal((false, DayKind.Holiday, "春节", Reason2027), (eve.IsWorkingDay, eve.Kind, eve.HolidayName, eve.ProvisionalReason));
        Assert.Equal((true, DayKind.Workday, true), (monday.IsWorkingDay, monday.Kind, monday.Provisional));
        Assert.True(Calendar.IsProvisional(2027));
        Assert.False(Calendar.IsProvisional(2026));
    }

    [Fact]
    public void Counting_working_days_through_a_year_without_a_notice_is_answered()
    {
        // December 2026 after Tuesday the 1st: 22 working days; 2027-01-01 is 元旦, Mon 4 and Tue 5 count.
        Assert.Equal(24, Calendar.WorkingDaysBetween(new DateOnly(2026, 12, 1), new DateOnly(2027, 1, 5)));
    }

    [Fact]
    public void A_deadline_within_a_published_year_is_final()
    {
        var due = Calendar.AddWorkingDays(new DateOnly(2026, 12, 14), 7);

        Assert.Equal(new ComputedDate(new DateOnly(2026, 12, 23)), due);
        Assert.False(due.Provisional);
    }

    [Fact]
    public void The_last_days_of_december_wait_for_next_years_notice_which_may_reach_back_into_them()
    {
        // The 2019 notice made Sat 2018-12-29 a working day and Mon 2018-12-31 a rest day. So a count through
        // 29–31 December 2026 is provisional until the 2027 notice is in, though 2026 itself is published.
        var due = Calendar.AddWorkingDays(new DateOnly(2026, 12, 28), 2);

        Assert.Equal(new ComputedDate(new DateOnly(2026, 12, 30), Reason2027), due);
        Assert.True(Calendar.Describe(new DateOnly(2026, 12, 31)).Provisional);
        Assert.False(Calendar.Describe(new DateOnly(2026, 12, 28)).Provisional);
    }

    [Fact]
    public void Once_the_notice_is_loaded_the_same_count_is_final_and_follows_its_tiaoxiu()
    {
        var with2027 = WithNotice(Notice2027ForTests);

        Assert.Equal(new ComputedDate(new DateOnly(2027, 1, 7)), with2027.AddWorkingDays(new DateOnly(2026, 12, 28), 7));
        Assert.Equal(new ComputedDate(new DateOnly(2026, 12, 30)), with2027.AddWorkingDays(new DateOnly(2026, 12, 28), 2));
        // The law alone: Tue 2, Wed 3, Thu 4, (除夕 Fri 5 – 初三 Mon 8 off, 补假 Tue 9 and Wed 10) Thu 11, Fri 12, Mon 15, Tue 16;
        // the test notice gives 5–13 February off and works Sunday 14: Tue 2, Wed 3, Thu 4, Sun 14, Mon 15, Tue 16, Wed 17.
        Assert.Equal(new ComputedDate(new DateOnly(2027, 2, 16), Reason2027), Calendar.AddWorkingDays(new DateOnly(2027, 2, 1), 7));
        Assert.Equal(new ComputedDate(new DateOnly(2027, 2, 17)), with2027.AddWorkingDays(new DateOnly(2027, 2, 1), 7));
        Assert.True(with2027.Describe(new DateOnly(2027, 2, 14)) is { Kind: DayKind.AdjustedWorkday, Provisional: false });
    }

    [Fact]
    public void Two_years_without_notices_are_both_named()
    {
        var due = Calendar.AddWorkingDays(new DateOnly(2027, 12, 20), 20);

        Assert.Equal("2027、2028 年节假日安排尚未发布，按法定节假日和周末推算，发布后自动重算", due.ProvisionalReason);
    }

    [Fact]
    public void A_gap_before_the_newest_notice_is_called_not_entered_rather_than_not_published()
    {
        var without2020 = StatutoryHolidayTests.CalendarWithout(2020);

        Assert.Equal("系统中没有 2020 年的节假日安排，按法定节假日和周末推算，录入后自动重算",
            without2020.Describe(new DateOnly(2020, 3, 2)).ProvisionalReason);
    }

    [Fact]
    public void Years_beyond_the_known_law_are_still_refused_rather_than_guessed()
    {
        var before = Assert.Throws<CalendarNotPublishedException>(() => Calendar.Describe(new DateOnly(2013, 12, 31)));
        var after = Assert.Throws<CalendarNotPublishedException>(() => Calendar.IsWorkingDay(new DateOnly(2101, 3, 1)));

        Assert.Equal(2013, before.Year);
        Assert.Equal("尚未发布 2013 年的节假日安排（no calendar published for 2013）", before.Message);
        Assert.Equal(2101, after.Year);
    }

    /// <summary>
    /// A made-up 2027 arrangement for tests (the real notice was not published when this was written):
    /// 元旦 1–3 January, 春节 5–13 February with Sunday 14 February worked.
    /// </summary>
    internal const string Notice2027ForTests = """
        {
          "year": 2027,
          "notice": "国务院办公厅关于2027年部分节假日安排的通知（测试用）",
          "holidays": [
            { "name": "元旦", "off": ["2027-01-01", "2027-01-03"], "workdays": [] },
            { "name": "春节", "off": ["2027-02-05", "2027-02-13"], "workdays": ["2027-02-14"] }
          ]
        }
        """;

    internal static WorkingDayCalendar WithNotice(string json) =>
        WorkingDayCalendar.FromNotices([.. Calendar.Notices, HolidayNoticeReader.Parse(Encoding.UTF8.GetBytes(json), "2027.json")]);
}
