namespace SafeHarbor.Calendar;

/// <summary>
/// Working days in mainland China as fixed each year by the State Council notice on public
/// holidays (国务院办公厅关于部分节假日安排的通知): statutory rest days and 调休 working days
/// override the Monday–Friday rule. A year without a loaded notice never stops a count: its days
/// follow the statutory holidays of the law and weekends (<see cref="StatutoryHolidays"/>), and every
/// answer that used such a day is provisional (暂定) and says why.
/// </summary>
/// <remarks>
/// A notice may reach back into the previous December (the 2019 notice made 2018-12-29 a working
/// day and 2018-12-31 a rest day, around a 元旦 on Tuesday), so the last three days of a year whose
/// next notice is not loaded are provisional too, for the next year's reason.
/// </remarks>
[Article("5(1)")]
public sealed class WorkingDayCalendar
{
    // Per-day codes in _days; 0 is reserved for "no notice loaded for this year".
    private const byte NotPublished = 0;
    private const byte WorkdayCode = 1 + (byte)DayKind.Workday;
    private const byte WeekendCode = 1 + (byte)DayKind.Weekend;
    private const byte HolidayCode = 1 + (byte)DayKind.Holiday;
    private const byte AdjustedWorkdayCode = 1 + (byte)DayKind.AdjustedWorkday;

    /// <summary>From this month on, next year's notice is due (the State Council usually publishes it in November or December).</summary>
    public const int NextYearNoticeDueFromMonth = 11;

    // Flag on a code: the day lies in 29–31 December and the next year's notice, which may list it, is not loaded.
    private const byte AwaitsNextNotice = 0x80;
    private const int ReachBackDays = 3;

    private readonly int _firstDayNumber;
    private readonly byte[] _days;
    private readonly string?[] _holidayNames;
    private readonly int[] _coveredYears;

    // Days of years without a loaded notice, from the law; built on first use. A notice's listing of a
    // date in such a year (a December reached back into) still wins over the law.
    private readonly LawYear?[] _lawYears = new LawYear?[StatutoryHolidays.LastYear - StatutoryHolidays.FirstYear + 1];
    private readonly Dictionary<DateOnly, Listing> _listingsOutsideNoticeYears = [];

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
            // there the listed date overrides the law's answer for that year.
            if ((uint)index >= (uint)_days.Length || _days[index] == NotPublished)
            {
                _listingsOutsideNoticeYears[entry.Key] = entry.Value;
                continue;
            }

            _days[index] = entry.Value.Kind == DayKind.Holiday ? HolidayCode : AdjustedWorkdayCode;
            _holidayNames[index] = entry.Value.HolidayName;
        }

        foreach (int year in _coveredYears)
        {
            if (!Covers(year + 1) && StatutoryHolidays.Covers(year + 1))
            {
                int lastDay = new DateOnly(year, 12, 31).DayNumber - _firstDayNumber;
                for (int index = lastDay - ReachBackDays + 1; index <= lastDay; index++)
                {
                    _days[index] |= AwaitsNextNotice;
                }
            }
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

        return WithAdded(notices, ReadDirectory(addedDirectory, required: false), addedDirectory);
    }

    /// <summary>The shipped notices plus added ones (same rules as <see cref="LoadFrom(string, string?)"/>); <paramref name="where"/> names where the added ones are kept.</summary>
    /// <exception cref="CalendarDataException">An added notice contradicts a shipped one, or two notices list the same date.</exception>
    internal static WorkingDayCalendar WithAdded(IReadOnlyList<HolidayNotice> shippedNotices, IEnumerable<HolidayNotice> addedNotices, string where)
    {
        var notices = shippedNotices.ToList();
        var shipped = notices.ToDictionary(n => n.Year);
        foreach (HolidayNotice added in addedNotices)
        {
            if (!shipped.TryGetValue(added.Year, out HolidayNotice? same))
            {
                notices.Add(added);
            }
            else if (!SameArrangement(same, added))
            {
                throw CalendarDataException.InFile(
                    added.FileName,
                    Invariant($"与随程序发布的 {same.FileName} 重复且内容不同：两处都是 {added.Year} 年的安排。请对照通知核对，删除 {where} 中有误的安排"));
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

    /// <summary>Whether the State Council notice of <paramref name="year"/> is loaded.</summary>
    public bool Covers(int year) => Array.BinarySearch(_coveredYears, year) >= 0;

    /// <summary>The newest year whose notice is loaded.</summary>
    public int LatestNoticeYear => _coveredYears[^1];

    /// <summary>Whether days of <paramref name="year"/> come from the law rather than a notice (then every answer in it is 暂定).</summary>
    public bool IsProvisional(int year) => !Covers(year) && StatutoryHolidays.Covers(year);

    /// <summary>Years whose notice is wanted now and not loaded: this year, and from November next year.</summary>
    public IReadOnlyList<int> YearsAwaitingNotice(DateOnly today) =>
        [.. new[] { today.Year, today.Year + 1 }.Where(y => IsProvisional(y) && (y == today.Year || today.Month >= NextYearNoticeDueFromMonth))];

    /// <summary>Why an answer that used days of <paramref name="fromYear"/>–<paramref name="toYear"/> (years without a notice) is provisional.</summary>
    public string ProvisionalReason(int fromYear, int toYear)
    {
        string years = fromYear == toYear
            ? Invariant($"{fromYear} 年")
            : toYear == fromYear + 1 ? Invariant($"{fromYear}、{toYear} 年") : Invariant($"{fromYear}—{toYear} 年");
        return fromYear > LatestNoticeYear
            ? $"{years}节假日安排尚未发布，按法定节假日和周末推算，发布后自动重算"
            : $"系统中没有 {years}的节假日安排，按法定节假日和周末推算，录入后自动重算";
    }

    /// <exception cref="CalendarNotPublishedException">The year has neither a notice nor a known version of the law.</exception>
    public bool IsWorkingDay(DateOnly date)
    {
        var provisional = default(ProvisionalYears);
        return IsWorkingCode(CodeAt(date.DayNumber, ref provisional));
    }

    /// <exception cref="CalendarNotPublishedException">The year has neither a notice nor a known version of the law.</exception>
    public DayInfo Describe(DateOnly date)
    {
        var provisional = default(ProvisionalYears);
        byte code = CodeAt(date.DayNumber, ref provisional);
        string? name = Covers(date.Year)
            ? _holidayNames[date.DayNumber - _firstDayNumber]
            : LawYearOf(date.Year).Names[date.DayOfYear - 1];
        return new DayInfo(date, IsWorkingCode(code), (DayKind)(code - 1), name, Reason(provisional));
    }

    /// <summary>
    /// The date of the <paramref name="workingDays"/>-th working day after <paramref name="start"/>;
    /// the start day itself is never counted, whatever kind of day it is
    /// (民法典第二百零一条：按照日计算期间的，开始的当日不计入，自下一日开始计算).
    /// Provisional when any counted day lies in a year without a notice.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workingDays"/> is less than 1.</exception>
    /// <exception cref="CalendarNotPublishedException">The count reaches a year with neither a notice nor a known version of the law.</exception>
    public ComputedDate AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDays, 1);

        var provisional = default(ProvisionalYears);
        int day = start.DayNumber;
        int remaining = workingDays;
        while (true)
        {
            day++;
            if (IsWorkingCode(CodeAt(day, ref provisional)) && --remaining == 0)
            {
                return new ComputedDate(DateOnly.FromDayNumber(day), Reason(provisional));
            }
        }
    }

    /// <summary>Number of working days d with <paramref name="fromExclusive"/> &lt; d ≤ <paramref name="toInclusive"/>.</summary>
    /// <exception cref="CalendarNotPublishedException">The range touches a year with neither a notice nor a known version of the law.</exception>
    public int WorkingDaysBetween(DateOnly fromExclusive, DateOnly toInclusive)
    {
        var provisional = default(ProvisionalYears);
        int count = 0;
        int last = toInclusive.DayNumber;
        for (int day = fromExclusive.DayNumber + 1; day <= last; day++)
        {
            if (IsWorkingCode(CodeAt(day, ref provisional)))
            {
                count++;
            }
        }

        return count;
    }

    private static bool IsWorkingCode(byte code) => code is WorkdayCode or AdjustedWorkdayCode;

    private string? Reason(ProvisionalYears years) => years.Any ? ProvisionalReason(years.First, years.Last) : null;

    private byte CodeAt(int dayNumber, ref ProvisionalYears provisional)
    {
        int index = dayNumber - _firstDayNumber;
        if ((uint)index < (uint)_days.Length && _days[index] != NotPublished)
        {
            byte code = _days[index];
            if ((code & AwaitsNextNotice) == 0)
            {
                return code;
            }

            provisional.Add(DateOnly.FromDayNumber(dayNumber).Year + 1);
            return (byte)(code & ~AwaitsNextNotice);
        }

        if (dayNumber > DateOnly.MaxValue.DayNumber)
        {
            throw new CalendarNotPublishedException(DateOnly.MaxValue.Year + 1);
        }

        DateOnly date = DateOnly.FromDayNumber(dayNumber);
        if (!StatutoryHolidays.Covers(date.Year))
        {
            throw new CalendarNotPublishedException(date.Year);
        }

        provisional.Add(date.Year);
        return LawYearOf(date.Year).Codes[date.DayOfYear - 1];
    }

    private LawYear LawYearOf(int year)
    {
        ref LawYear? slot = ref _lawYears[year - StatutoryHolidays.FirstYear];
        LawYear? built = Volatile.Read(ref slot);
        if (built is null)
        {
            // Building twice on a race is harmless: both results are equal and immutable.
            built = BuildLawYear(year);
            Volatile.Write(ref slot, built);
        }

        return built;
    }

    private LawYear BuildLawYear(int year)
    {
        var first = new DateOnly(year, 1, 1);
        int length = DateTime.IsLeapYear(year) ? 366 : 365;
        var codes = new byte[length];
        var names = new string?[length];
        for (int i = 0; i < length; i++)
        {
            codes[i] = first.AddDays(i).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? WeekendCode : WorkdayCode;
        }

        foreach (StatutoryHoliday holiday in StatutoryHolidays.For(year))
        {
            foreach (DateOnly day in holiday.Days.Concat(holiday.MakeUpDays))
            {
                int i = day.DayOfYear - 1;
                codes[i] = HolidayCode;
                // 中秋 within 国庆 is one day of both, as the notices name it.
                names[i] = names[i] is null ? holiday.Name : names[i] + "、" + holiday.Name;
            }
        }

        foreach (var (date, listing) in _listingsOutsideNoticeYears)
        {
            if (date.Year == year)
            {
                codes[date.DayOfYear - 1] = listing.Kind == DayKind.Holiday ? HolidayCode : AdjustedWorkdayCode;
                names[date.DayOfYear - 1] = listing.HolidayName;
            }
        }

        return new LawYear(codes, names);
    }

    /// <summary>The years without a notice that a computation went through: contiguous, since a count walks day by day.</summary>
    private struct ProvisionalYears
    {
        public int First;
        public int Last;

        public readonly bool Any => First != 0;

        public void Add(int year)
        {
            if (First == 0 || year < First)
            {
                First = year;
            }

            if (year > Last)
            {
                Last = year;
            }
        }
    }

    private sealed record LawYear(byte[] Codes, string?[] Names);

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
