using SafeHarbor.Calendar;

namespace SafeHarbor.Tests.Admin;

/// <summary>
/// The calendar in force: the shipped notices plus those added later in a writable directory. An
/// addition is checked, written atomically, in force at once, and still there after a restart.
/// </summary>
public sealed class CalendarSourceTests : IDisposable
{
    private readonly string added = Path.Combine(Path.GetTempPath(), "safeharbor-calendar-source-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(added))
        {
            Directory.Delete(added, recursive: true);
        }
    }

    private static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>TEST DATA, MADE UP: not the State Council's 2027 notice; valid by the loader's rules.</summary>
    private static HolidayNoticeDraft MadeUp2027(string lastDay = "2027-10-07") => new(
        2027,
        "国务院办公厅关于2027年部分节假日安排的通知（测试数据，虚构）",
        null,
        null,
        [new HolidayDraft("国庆节", D("2027-10-01"), D(lastDay), [D("2027-09-26"), D("2027-10-09")])]);

    private CalendarSource Open() => CalendarSource.Open(null, added);

    [Fact]
    public void A_missing_added_directory_means_the_shipped_notices_only()
    {
        var source = Open();

        Assert.Equal(Enumerable.Range(2018, 9), source.Current.CoveredYears);
        Assert.False(Directory.Exists(added));
    }

    [Fact]
    public void An_added_year_is_in_force_at_once_and_after_a_restart()
    {
        var source = Open();
        var before = source.Current;

        var path = source.Add(MadeUp2027());

        Assert.Equal(Path.Combine(added, "2027.json"), path);
        Assert.False(before.Covers(2027));
        Assert.Equal(DayKind.Holiday, source.Current.Describe(D("2027-10-01")).Kind);
        Assert.True(source.Current.IsWorkingDay(D("2027-10-09")));
        Assert.True(source.IsAdded(2027));
        Assert.False(source.IsAdded(2026));
        Assert.Equal(["2027.json"], Directory.GetFiles(added).Select(Path.GetFileName));

        var restarted = Open();
        Assert.Equal("国庆节", restarted.Current.Describe(D("2027-10-07")).HolidayName);
        Assert.True(restarted.IsAdded(2027));
    }

    [Fact]
    public void A_refused_draft_writes_nothing_and_changes_nothing()
    {
        var source = Open();
        var before = source.Current;

        var e = Assert.Throws<CalendarDraftException>(() => source.Add(MadeUp2027(lastDay: "2027-09-30")));

        Assert.Equal("holidays[0].lastOff", Assert.Single(e.Problems).Field);
        Assert.Same(before, source.Current);
        Assert.False(Directory.Exists(added) && Directory.EnumerateFileSystemEntries(added).Any());
    }

    [Fact]
    public void The_same_year_cannot_be_added_twice()
    {
        var source = Open();
        source.Add(MadeUp2027());

        var e = Assert.Throws<CalendarDraftException>(() => source.Add(MadeUp2027()));

        Assert.Equal("已有 2027 年的节假日安排，不能重复添加。", Assert.Single(e.Problems).Message);
    }

    [Fact]
    public void Taking_an_added_year_back_removes_its_file_and_its_days()
    {
        var source = Open();
        source.Add(MadeUp2027());

        source.RemoveAdded(2027);

        Assert.False(source.Current.Covers(2027));
        Assert.Empty(Directory.GetFiles(added));
    }

    [Fact]
    public void A_year_the_release_now_ships_is_accepted_when_the_added_file_says_the_same()
    {
        // The shipped 2026 file copied into the added directory: a later release shipping a year
        // the administrator had already added must still start.
        Directory.CreateDirectory(added);
        File.Copy(Path.Combine(WorkingDayCalendar.DefaultDirectory, "2026.json"), Path.Combine(added, "2026.json"));

        var source = Open();

        Assert.Equal(Enumerable.Range(2018, 9), source.Current.CoveredYears);
        Assert.False(source.IsAdded(2026));
    }

    [Fact]
    public void A_year_shipped_and_added_with_different_days_leaves_the_added_files_out_and_names_the_file()
    {
        Directory.CreateDirectory(added);
        var shipped = File.ReadAllText(Path.Combine(WorkingDayCalendar.DefaultDirectory, "2026.json"));
        File.WriteAllText(Path.Combine(added, "2026.json"), shipped.Replace("\"2026-10-07\"", "\"2026-10-08\"", StringComparison.Ordinal));

        var source = Open();

        Assert.Contains("2026.json", source.Problem);
        Assert.Contains("与随程序发布的 2026.json 重复且内容不同", source.Problem);
        Assert.Contains("已暂不采用", source.Problem);
        Assert.True(source.Current.IsWorkingDay(new DateOnly(2026, 10, 8)));
        Assert.Throws<CalendarDataException>(source.Reload);
    }

    [Fact]
    public void A_broken_added_file_leaves_its_year_on_the_law_until_it_is_fixed()
    {
        Directory.CreateDirectory(added);
        File.WriteAllText(Path.Combine(added, "2027.json"), "{ \"year\": 2027 ");

        var source = Open();

        Assert.Contains("2027.json", source.Problem);
        Assert.True(source.Current.IsProvisional(2027));
        File.Delete(Path.Combine(added, "2027.json"));
        source.Reload();
        Assert.Null(source.Problem);
    }

    [Fact]
    public void A_file_broken_by_hand_in_the_added_directory_fails_a_reload_and_the_calendar_in_force_stays()
    {
        var source = Open();
        source.Add(MadeUp2027());
        var before = source.Current;
        File.WriteAllText(Path.Combine(added, "2027.json"), "{ \"year\": 2027 ");

        Assert.Throws<CalendarDataException>(source.Reload);

        Assert.Same(before, source.Current);
        Assert.True(source.Current.Covers(2027));
    }
}
