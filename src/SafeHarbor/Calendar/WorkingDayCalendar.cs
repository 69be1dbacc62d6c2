namespace SafeHarbor.Calendar;

/// <summary>
/// Working days in mainland China as fixed each year by the State Council notice on public
/// holidays (国务院办公厅关于部分节假日安排的通知): statutory rest days and 调休 working days
/// override the Monday–Friday rule. Only years whose notice is loaded can be answered.
/// </summary>
/// <remarks>
/// A notice may reach back into the previous December (the 2019 notice made 2018-12-29 a
/// working day), so answers for late December of the newest covered year can still change
/// when the following year's notice is published.
/// </remarks>
public sealed class WorkingDayCalendar
{
    // Per-day codes in _days; 0 is reserved for "no notice loaded for this year".
    private const byte NotPublished = 0;
    private const byte WorkdayCode = 1 + (byte)DayKind.Workday;
    private const byte WeekendCode = 1 + (byte)DayKind.Weekend;
    private const byte HolidayCode = 1 + (byte)DayKind.Holiday;
    private const byte AdjustedWorkdayCode = 1 + (byte)DayKind.AdjustedWorkday;

    private readonly int _firstDayNumber;
    private readonly byte[] _days;
    private readonly string?[] _holidayNames;
    private readonly int[] _coveredYears;

    private WorkingDayCalendar(IReadOnlyList<HolidayNotice> notices)
    {
        Notices = notices;
        _coveredYears = new int[notices.Count];
        for (int i = 0; i < notices.Count; i++)
        {
            _coveredYears[i] = notices[i].Year;
        }

        Array.Sort(_coveredYears);
        CoveredYears = Array.AsReadOnly(_coveredYears);

        int firstYear = _coveredYears[0];
        int lastYear = _coveredYears[^1];
        _firstDayNumber = new DateOnly(firstYear, 1, 1).DayNumber;
        int length = new DateOnly(lastYear, 12, 31).DayNumber - _firstDayNumber + 1;
        _days = new byte[length];
        _holidayNames = new string?[length];

        foreach (int year in _coveredYears)
        {
            int from = new DateOnly(year, 1, 1).DayNumber;
            int to = new DateOnly(year, 12, 31).DayNumber;
            for (int day = from; day <= to; day++)
            {
                DayOfWeek weekday = DateOnly.FromDayNumber(day).DayOfWeek;
                _days[day - _firstDayNumber] = weekday is DayOfWeek.Saturday or DayOfWeek.Sunday ? WeekendCode : WorkdayCode;
            }
        }

        foreach (KeyValuePair<DateOnly, Listing> entry in CollectListings(notices))
        {
            int index = entry.Key.DayNumber - _firstDayNumber;

            // A notice's December dates belong to the previous year, which may not be loaded;
            // such a date stays unanswerable rather than half-known.
            if ((uint)index >= (uint)_days.Length || _days[index] == NotPublished)
            {
                continue;
            }

            _days[index] = entry.Value.Kind == DayKind.Holiday ? HolidayCode : AdjustedWorkdayCode;
            _holidayNames[index] = entry.Value.HolidayName;
        }
    }

    /// <summary>Where <see cref="LoadDefault"/> looks: the Calendar/Data folder copied next to the app.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "Calendar", "Data");

    /// <summary>Notice years loaded, ascending.</summary>
    public IReadOnlyList<int> CoveredYears { get; }

    /// <summary>The loaded notices, in load order (shipped files, then added ones).</summary>
    public IReadOnlyList<HolidayNotice> Notices { get; }

    public static WorkingDayCalendar LoadDefault() => LoadFrom(DefaultDirectory);

    /// <summary>Loads every <c>*.json</c> notice file in <paramref name="directory"/>.</summary>
    /// <exception cref="CalendarDataException">The directory is missing or empty, or a file is malformed.</exception>
    public static WorkingDayCalendar LoadFrom(string directory) => new(ReadDirectory(directory, required: true));

    /// <summary>
    /// Loads the shipped notices of <paramref name="directory"/> and the notices an administrator added
    /// later in <paramref name="addedDirectory"/> (which may be missing or empty).
    /// </summary>
    /// <remarks>
    /// A release may later ship a year an administrator had already added. The same arrangement twice
    /// is harmless and the shipped file wins; two different arrangements for one year mean one of them
    /// is wrong, so the load stops rather than pick one.
    /// </remarks>
    /// <exception cref="CalendarDataException">A directory or file is missing or malformed, or two files disagree.</exception>
    public static WorkingDayCalendar LoadFrom(string directory, string? addedDirectory)
    {
        List<HolidayNotice> notices = ReadDirectory(directory, required: true);
        if (string.IsNullOrWhiteSpace(addedDirectory) || !Directory.Exists(addedDirectory))
        {
            return new WorkingDayCalendar(notices);
        }

        var shipped = notices.ToDictionary(n => n.Year);
        foreach (HolidayNotice added in ReadDirectory(addedDirectory, required: false))
        {
            if (!shipped.TryGetValue(added.Year, out HolidayNotice? same))
            {
                notices.Add(added);
            }
            else if (!SameArrangement(same, added))
            {
                throw CalendarDataException.InFile(
                    added.FileName,
                    Invariant($"与随程序发布的 {same.FileName} 重复且内容不同：两处都是 {added.Year} 年的安排。请对照通知核对，删除 {addedDirectory} 中有误的文件"));
            }
        }

        return new WorkingDayCalendar(notices);
    }

    /// <summary>A calendar over notices already read and checked, e.g. the loaded ones plus one about to be written.</summary>
    /// <exception cref="CalendarDataException">Two notices list the same date.</exception>
    internal static WorkingDayCalendar FromNotices(IReadOnlyList<HolidayNotice> notices)
    {
        if (notices.Count == 0)
        {
            throw new CalendarDataException("没有任何节假日安排");
        }

        var byYear = new Dictionary<int, HolidayNotice>();
        foreach (HolidayNotice notice in notices)
        {
            if (!byYear.TryAdd(notice.Year, notice))
            {
                throw CalendarDataException.InFile(
                    notice.FileName,
                    $"与 {byYear[notice.Year].FileName} 重复：两个文件都是 {notice.Year} 年的安排（year 重复）");
            }
        }

        return new WorkingDayCalendar(notices);
    }

    private static List<HolidayNotice> ReadDirectory(string directory, bool required)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
        {
            throw new CalendarDataException($"找不到节假日数据目录 {directory}");
        }

        string[] files = Directory.GetFiles(directory, "*.json");
        if (files.Length == 0 && required)
        {
            throw new CalendarDataException($"节假日数据目录 {directory} 中没有 *.json 文件");
        }

        // Ordinal order makes the reported file deterministic when several are broken.
        Array.Sort(files, StringComparer.Ordinal);

        var notices = new List<HolidayNotice>(files.Length);
        var byYear = new Dictionary<int, HolidayNotice>();
        foreach (string file in files)
        {
            HolidayNotice notice = HolidayNoticeReader.Read(file);
            if (byYear.TryGetValue(notice.Year, out HolidayNotice? earlier))
            {
                throw CalendarDataException.InFile(
                    notice.FileName,
                    $"与 {earlier.FileName} 重复：两个文件都是 {notice.Year} 年的安排（year 重复）");
            }

            byYear.Add(notice.Year, notice);
            notices.Add(notice);
        }

        return notices;
    }

    private static bool SameArrangement(HolidayNotice a, HolidayNotice b) =>
        a.Holidays.Count == b.Holidays.Count
        && a.Holidays.Zip(b.Holidays).All(p =>
            p.First.Name == p.Second.Name
            && p.First.FirstOff == p.Second.FirstOff
            && p.First.LastOff == p.Second.LastOff
            && p.First.Workdays.SequenceEqual(p.Second.Workdays));

    private static string Invariant(FormattableString text) => text.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public bool Covers(int year) => Array.BinarySearch(_coveredYears, year) >= 0;

    /// <exception cref="CalendarNotPublishedException">No notice is loaded for the date's year.</exception>
    public bool IsWorkingDay(DateOnly date) => IsWorkingCode(CodeAt(date.DayNumber));

    /// <exception cref="CalendarNotPublishedException">No notice is loaded for the date's year.</exception>
    public DayInfo Describe(DateOnly date)
    {
        byte code = CodeAt(date.DayNumber);
        return new DayInfo(date, IsWorkingCode(code), (DayKind)(code - 1), _holidayNames[date.DayNumber - _firstDayNumber]);
    }

    /// <summary>
    /// The date of the <paramref name="workingDays"/>-th working day after <paramref name="start"/>;
    /// the start day itself is never counted, whatever kind of day it is
    /// (民法典第二百零一条：按照日计算期间的，开始的当日不计入，自下一日开始计算).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workingDays"/> is less than 1.</exception>
    /// <exception cref="CalendarNotPublishedException">The count reaches a year with no notice loaded.</exception>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDays, 1);

        int day = start.DayNumber;
        int remaining = workingDays;
        while (true)
        {
            day++;
            if (IsWorkingCode(CodeAt(day)) && --remaining == 0)
            {
                return DateOnly.FromDayNumber(day);
            }
        }
    }

    /// <summary>Number of working days d with <paramref name="fromExclusive"/> &lt; d ≤ <paramref name="toInclusive"/>.</summary>
    /// <exception cref="CalendarNotPublishedException">The range touches a year with no notice loaded.</exception>
    public int WorkingDaysBetween(DateOnly fromExclusive, DateOnly toInclusive)
    {
        int count = 0;
        int last = toInclusive.DayNumber;
        for (int day = fromExclusive.DayNumber + 1; day <= last; day++)
        {
            if (IsWorkingCode(CodeAt(day)))
            {
                count++;
            }
        }

        return count;
    }

    private static bool IsWorkingCode(byte code) => code is WorkdayCode or AdjustedWorkdayCode;

    private byte CodeAt(int dayNumber)
    {
        int index = dayNumber - _firstDayNumber;
        if ((uint)index < (uint)_days.Length && _days[index] != NotPublished)
        {
            return _days[index];
        }

        throw NotPublishedFor(dayNumber);
    }

    private static CalendarNotPublishedException NotPublishedFor(int dayNumber)
    {
        int year = dayNumber > DateOnly.MaxValue.DayNumber ? DateOnly.MaxValue.Year + 1 : DateOnly.FromDayNumber(dayNumber).Year;
        return new CalendarNotPublishedException(year);
    }

    /// <summary>
    /// Flattens all notices into one listing per date. A date listed twice is a data error even
    /// when both listings agree, because it means two holiday periods overlap in the files.
    /// </summary>
    private static Dictionary<DateOnly, Listing> CollectListings(IReadOnlyList<HolidayNotice> notices)
    {
        var listings = new Dictionary<DateOnly, Listing>();
        foreach (HolidayNotice notice in notices)
        {
            foreach (HolidayPeriod holiday in notice.Holidays)
            {
                for (DateOnly day = holiday.FirstOff; day <= holiday.LastOff; day = day.AddDays(1))
                {
                    Add(listings, day, new Listing(DayKind.Holiday, holiday.Name, notice.FileName));
                }

                foreach (DateOnly workday in holiday.Workdays)
                {
                    Add(listings, workday, new Listing(DayKind.AdjustedWorkday, holiday.Name, notice.FileName));
                }
            }
        }

        return listings;
    }

    private static void Add(Dictionary<DateOnly, Listing> listings, DateOnly date, Listing listing)
    {
        if (listings.TryAdd(date, listing))
        {
            return;
        }

        Listing earlier = listings[date];
        string day = HolidayNoticeReader.Format(date);
        string where = earlier.FileName != listing.FileName
            ? $"{earlier.FileName} 的「{earlier.HolidayName}」与本文件的「{listing.HolidayName}」"
            : earlier.HolidayName != listing.HolidayName
                ? $"「{earlier.HolidayName}」与「{listing.HolidayName}」"
                : $"「{listing.HolidayName}」";
        string problem = earlier.Kind != listing.Kind
            ? $"{day} 既被列为放假日又被列为调休上班日（{where}）"
            : $"{day} 重复出现（{where}）";
        throw CalendarDataException.InFile(listing.FileName, problem);
    }

    private sealed record Listing(DayKind Kind, string HolidayName, string FileName);
}
