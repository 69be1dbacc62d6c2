using System.Globalization;
using System.Text;

namespace SafeHarbor.Calendar;

/// <summary>A notice an administrator added (kept in the database by the app), as the JSON of a data file.</summary>
public sealed record AddedNotice(int Year, string FileName, byte[] Content)
{
    /// <summary>Reads one file, e.g. of the directory earlier versions wrote added notices to.</summary>
    public static AddedNotice FromFile(string path)
    {
        var fileName = Path.GetFileName(path);
        var year = int.TryParse(Path.GetFileNameWithoutExtension(path), NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : 0;
        return new AddedNotice(year, fileName, File.ReadAllBytes(path));
    }

    /// <summary>Checks the content as a data file is checked at load.</summary>
    /// <exception cref="CalendarDataException">The content is malformed.</exception>
    public HolidayNotice Parse() => HolidayNoticeReader.Parse(Content, FileName);
}

/// <summary>
/// The calendar currently in force: the notices shipped with the program (Calendar/Data) plus those an
/// administrator added later, which the app keeps in the database and hands over with <see cref="Use"/>
/// (at start and whenever another node added one). Adding next year's notice swaps in a new
/// <see cref="WorkingDayCalendar"/> at once; a <see cref="WorkingDayCalendar"/> itself never changes,
/// so a computation that already holds one finishes on the calendar it started with.
/// </summary>
public sealed class CalendarSource
{
    /// <summary>Where earlier versions wrote added notices, relative to the working directory; read once at start to move them into the database.</summary>
    public const string DefaultAddedDirectory = "data/calendar";

    private readonly Lock gate = new();
    private readonly List<HolidayNotice> shipped;
    private volatile WorkingDayCalendar current;
    private IReadOnlyList<AddedNotice> added = [];
    private string? importProblem;
    private string? addedProblem;

    /// <exception cref="CalendarDataException">A shipped data file is missing or malformed.</exception>
    public CalendarSource(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = directory;
        current = WorkingDayCalendar.LoadFrom(Directory);
        shipped = [.. current.Notices];
    }

    /// <summary>The setting <c>Calendar:Directory</c>; empty means the default.</summary>
    public static CalendarSource Open(string? directory) =>
        new(string.IsNullOrWhiteSpace(directory) ? WorkingDayCalendar.DefaultDirectory : directory);

    /// <summary>The shipped notices.</summary>
    public string Directory { get; }

    public WorkingDayCalendar Current => current;

    /// <summary>Why an added notice is not in force; null when all loaded.</summary>
    public string? Problem => addedProblem ?? importProblem;

    /// <summary>Whether the year's notice was added by an administrator rather than shipped.</summary>
    public bool IsAdded(int year) => added.Any(n => n.Year == year) && !shipped.Any(n => n.Year == year);

    /// <summary>
    /// Puts these added notices in force instead of those before. A broken one does not stop the app: the
    /// shipped notices are used alone (a year only added falls back on the law, 暂定) and <see cref="Problem"/>
    /// says why. Answers whether the calendar in force changed.
    /// </summary>
    public bool Use(IReadOnlyList<AddedNotice> notices)
    {
        ArgumentNullException.ThrowIfNull(notices);
        lock (gate)
        {
            if (Same(notices, added))
            {
                return false;
            }
            added = [.. notices];
            try
            {
                current = WorkingDayCalendar.WithAdded(shipped, notices.Select(n => n.Parse()), "数据库（节假日安排）");
                addedProblem = null;
            }
            catch (CalendarDataException e)
            {
                current = WorkingDayCalendar.FromNotices(shipped);
                addedProblem = $"录入的节假日安排有误，已暂不采用：{e.Message}。请修正后重启；在此之前相关年度按法定节假日和周末推算（暂定）。";
            }
            return true;
        }
    }

    /// <summary>A file of the old added-notices directory that could not be moved into the database; said on /health until the next start.</summary>
    public void ReportImportProblem(string message) => importProblem = message;

    /// <summary>
    /// Checks the draft field by field, then the exact bytes to be stored through the loader's own reader
    /// and overlap checks, and answers them with the calendar they would make. Nothing is put in force:
    /// the caller stores the notice and then calls <see cref="Use"/>.
    /// </summary>
    /// <exception cref="CalendarDraftException">The draft is refused.</exception>
    /// <exception cref="CalendarDataException">The loader refused the rendered notice.</exception>
    public (AddedNotice Notice, WorkingDayCalendar Calendar) Prepare(HolidayNoticeDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var calendar = current;
        IReadOnlyList<CalendarProblem> problems = draft.Check(calendar);
        if (problems.Count > 0)
        {
            throw new CalendarDraftException(problems);
        }
        if (added.Any(n => n.Year == draft.Year))
        {
            throw new CalendarDraftException(
                [new CalendarProblem("year", string.Create(CultureInfo.InvariantCulture, $"已有 {draft.Year} 年的节假日安排，不能重复添加。"))]);
        }
        var notice = new AddedNotice(draft.Year, draft.FileName, Encoding.UTF8.GetBytes(draft.ToJson()));
        return (notice, WorkingDayCalendar.FromNotices([.. calendar.Notices, notice.Parse()]));
    }

    private static bool Same(IReadOnlyList<AddedNotice> a, IReadOnlyList<AddedNotice> b) =>
        a.Count == b.Count
        && a.OrderBy(n => n.Year).Zip(b.OrderBy(n => n.Year)).All(p => p.First.Year == p.Second.Year && p.First.Content.AsSpan().SequenceEqual(p.Second.Content));
}
