using System.Globalization;
using System.Text;

namespace SafeHarbor.Calendar;

/// <summary>
/// The calendar currently in force: the notices shipped with the program (Calendar/Data) plus those an
/// administrator added later in a writable directory. Adding next year's notice swaps in a new
/// <see cref="WorkingDayCalendar"/> at once; a <see cref="WorkingDayCalendar"/> itself never changes,
/// so a computation that already holds one finishes on the calendar it started with.
/// </summary>
public sealed class CalendarSource
{
    /// <summary>Relative to the working directory, like the other data of the app (data/keys, data/evidence).</summary>
    public const string DefaultAddedDirectory = "data/calendar";

    private readonly Lock gate = new();
    private volatile WorkingDayCalendar current;

    /// <summary>
    /// Loads the shipped and the added notices. A broken added file does not stop the app: the shipped notices
    /// are used alone (a year only added falls back on the law, 暂定) and <see cref="Problem"/> says why.
    /// </summary>
    /// <exception cref="CalendarDataException">A shipped data file is missing or malformed.</exception>
    public CalendarSource(string directory, string addedDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentException.ThrowIfNullOrWhiteSpace(addedDirectory);
        Directory = directory;
        AddedDirectory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(addedDirectory));
        try
        {
            current = Load();
        }
        catch (CalendarDataException e)
        {
            current = WorkingDayCalendar.LoadFrom(Directory);
            Problem = $"录入的节假日安排有误，已暂不采用（{AddedDirectory}）：{e.Message}。请修正或删除该文件后重启；在此之前相关年度按法定节假日和周末推算（暂定）。";
        }
    }

    /// <summary>Why the added notices are not in force, when a file among them is broken; null when all loaded.</summary>
    public string? Problem { get; private set; }

    /// <summary>The settings <c>Calendar:Directory</c> and <c>Calendar:AddedDirectory</c>; empty means the default.</summary>
    public static CalendarSource Open(string? directory, string? addedDirectory) => new(
        string.IsNullOrWhiteSpace(directory) ? WorkingDayCalendar.DefaultDirectory : directory,
        string.IsNullOrWhiteSpace(addedDirectory) ? DefaultAddedDirectory : addedDirectory);

    /// <summary>The shipped notices.</summary>
    public string Directory { get; }

    /// <summary>Where added notices are written (absolute).</summary>
    public string AddedDirectory { get; }

    public WorkingDayCalendar Current => current;

    /// <summary>Whether the year's notice was added by an administrator rather than shipped.</summary>
    public bool IsAdded(int year) =>
        current.Notices.FirstOrDefault(n => n.Year == year)?.SourcePath is { } path
        && string.Equals(Path.GetDirectoryName(Path.GetFullPath(path)), AddedDirectory, StringComparison.Ordinal);

    /// <summary>Reads both directories again (e.g. after a file was replaced by hand).</summary>
    /// <exception cref="CalendarDataException">A file is malformed; the calendar in force stays as it was.</exception>
    public void Reload()
    {
        lock (gate)
        {
            current = Load();
            Problem = null;
        }
    }

    /// <summary>
    /// Writes the draft as <c>{year}.json</c> into <see cref="AddedDirectory"/> and puts it in force.
    /// The draft is checked field by field, then the exact bytes to be written go through the loader's
    /// own reader and overlap checks; only then is the file written (atomically, never over an existing one).
    /// </summary>
    /// <returns>The path of the new file.</returns>
    /// <exception cref="CalendarDraftException">The draft is refused; nothing was written.</exception>
    /// <exception cref="CalendarDataException">The loader refused the rendered file; nothing was written.</exception>
    public string Add(HolidayNoticeDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        lock (gate)
        {
            IReadOnlyList<CalendarProblem> problems = draft.Check(current);
            if (problems.Count > 0)
            {
                throw new CalendarDraftException(problems);
            }

            byte[] content = Encoding.UTF8.GetBytes(draft.ToJson());
            HolidayNotice notice = HolidayNoticeReader.Parse(content, draft.FileName);
            _ = WorkingDayCalendar.FromNotices([.. current.Notices, notice]);

            System.IO.Directory.CreateDirectory(AddedDirectory);
            string path = Path.Combine(AddedDirectory, draft.FileName);
            // A temporary name the loader ignores (not *.json), then one rename: a reader never sees half a file.
            string temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllBytes(temporary, content);
            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temporary);
                throw new CalendarDraftException(
                    [new CalendarProblem("year", string.Create(CultureInfo.InvariantCulture, $"{draft.Year} 年的数据文件已存在（{path}），不能覆盖。"))]);
            }

            try
            {
                current = Load();
            }
            catch (CalendarDataException)
            {
                File.Delete(path);
                throw;
            }

            return path;
        }
    }

    /// <summary>Takes back an added year (its file in <see cref="AddedDirectory"/>), e.g. when recording the addition failed.</summary>
    public void RemoveAdded(int year)
    {
        lock (gate)
        {
            string path = Path.Combine(AddedDirectory, year.ToString(CultureInfo.InvariantCulture) + ".json");
            if (File.Exists(path))
            {
                File.Delete(path);
            }

            current = Load();
        }
    }

    private WorkingDayCalendar Load() => WorkingDayCalendar.LoadFrom(Directory, AddedDirectory);
}
