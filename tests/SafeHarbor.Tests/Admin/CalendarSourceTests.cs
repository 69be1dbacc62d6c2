using System.Text;
using SafeHarbor.Calendar;

namespace SafeHarbor.Tests.Admin;

/// <summary>
/// The calendar in force: the shipped notices plus those an administrator added, which the app keeps in the
/// database and hands over. A draft is checked and rendered without changing anything; the added notices
/// are put in force together, and a broken one leaves them all out rather than stop the app.
/// </summary>
public sealed class CalendarSourceTests
{
    private static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>TEST DATA, MADE UP: not the State Council's 2027 notice; valid by the loader's rules.</summary>
    private static HolidayNoticeDraft MadeUp2027(string lastDay = "2027-10-07") => new(
        2027,
        "国务院办公厅关于2027年部分节假日安排的通知（测试数据，虚构）",
        null,
        null,
        [new HolidayDraft("国庆节", D("2027-10-01"), D(lastDay), [D("2027-09-26"), D("2027-10-09")])]);

    private static CalendarSource Open() => CalendarSource.Open(null);

    private static AddedNotice Shipped2026(Func<string, string>? change = null)
    {
        var text = File.ReadAllText(Path.Combine(WorkingDayCalendar.DefaultDirectory, "2026.json"));
        return new AddedNotice(2026, "2026.json", Encoding.UTF8.GetBytes(change is null ? text : change(text)));
    }

    [Fact]
    public void Without_added_notices_the_shipped_ones_are_in_force()
    {
        var source = Open();

        Assert.Equal(Enumerable.Range(2018, 9), source.Current.CoveredYears);
        Assert.Null(source.Problem);
    }

    [Fact]
    public void A_prepared_year_changes_nothing_until_it_is_used_and_then_is_in_force_at_once()
    {
        var source = Open();
        var before = source.Current;

        var (notice, calendar) = source.Prepare(MadeUp2027());

        Assert.Same(before, source.Current);
        Assert.Equal("2027.json", notice.FileName);
        Assert.True(calendar.Covers(2027));
        Assert.True(source.Use([notice]));
        Assert.Equal(DayKind.Holiday, source.Current.Describe(D("2027-10-01")).Kind);
        Assert.True(source.Current.IsWorkingDay(D("2027-10-09")));
        Assert.True(source.IsAdded(2027));
        Assert.False(source.IsAdded(2026));
        Assert.False(source.Use([notice]));

        var restarted = Open();
        restarted.Use([notice]);
        Assert.Equal("国庆节", restarted.Current.Describe(D("2027-10-07")).HolidayName);
    }

    [Fact]
    public void A_refused_draft_changes_nothing()
    {
        var source = Open();
        var before = source.Current;

        var e = Assert.Throws<CalendarDraftException>(() => source.Prepare(MadeUp2027(lastDay: "2027-09-30")));

        Assert.Equal("holidays[0].lastOff", Assert.Single(e.Problems).Field);
        Assert.Same(before, source.Current);
    }

    [Fact]
    public void The_same_year_cannot_be_added_twice()
    {
        var source = Open();
        source.Use([source.Prepare(MadeUp2027()).Notice]);

        var e = Assert.Throws<CalendarDraftException>(() => source.Prepare(MadeUp2027()));

        Assert.Equal("已有 2027 年的节假日安排，不能重复添加。", Assert.Single(e.Problems).Message);
    }

    [Fact]
    public void Using_fewer_notices_takes_a_year_back()
    {
        var source = Open();
        source.Use([source.Prepare(MadeUp2027()).Notice]);

        Assert.True(source.Use([]));

        Assert.False(source.Current.Covers(2027));
    }

    [Fact]
    public void A_year_the_release_now_ships_is_accepted_when_the_added_notice_says_the_same()
    {
        // A later release shipping a year the administrator had already added must still start.
        var source = Open();

        source.Use([Shipped2026()]);

        Assert.Equal(Enumerable.Range(2018, 9), source.Current.CoveredYears);
        Assert.False(source.IsAdded(2026));
        Assert.Null(source.Problem);
    }

    [Fact]
    public void A_year_shipped_and_added_with_different_days_leaves_the_added_notices_out_and_names_the_file()
    {
        var source = Open();

        source.Use([Shipped2026(t => t.Replace("\"2026-10-07\"", "\"2026-10-08\"", StringComparison.Ordinal))]);

        Assert.Contains("2026.json", source.Problem);
        Assert.Contains("与随程序发布的 2026.json 重复且内容不同", source.Problem);
        Assert.Contains("已暂不采用", source.Problem);
        Assert.True(source.Current.IsWorkingDay(new DateOnly(2026, 10, 8)));
    }

    [Fact]
    public void A_broken_added_notice_leaves_its_year_on_the_law_until_it_is_fixed()
    {
        var source = Open();

        source.Use([new AddedNotice(2027, "2027.json", Encoding.UTF8.GetBytes("{ \"year\": 2027 "))]);

        Assert.Contains("2027.json", source.Problem);
        Assert.True(source.Current.IsProvisional(2027));
        source.Use([Open().Prepare(MadeUp2027()).Notice]); // the stored notice corrected
        Assert.Null(source.Problem);
        Assert.True(source.Current.Covers(2027));
    }
}
