using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SafeHarbor.Calendar;

/// <summary>One holiday of a notice as typed into a form; any part may still be missing.</summary>
public sealed record HolidayDraft(string? Name, DateOnly? FirstOff, DateOnly? LastOff, IReadOnlyList<DateOnly> Workdays)
{
    /// <summary>A row left empty on the form: ignored, not an error.</summary>
    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && FirstOff is null && LastOff is null && Workdays.Count == 0;
}

/// <summary>A problem of a draft, keyed by the field it concerns (<c>title</c>, <c>holidays[2].lastOff</c>).</summary>
public sealed record CalendarProblem(string Field, string Message);

/// <summary>A draft was refused; nothing was written.</summary>
public sealed class CalendarDraftException(IReadOnlyList<CalendarProblem> problems)
    : Exception(problems.Count > 0 ? problems[0].Message : "节假日安排有误")
{
    public IReadOnlyList<CalendarProblem> Problems { get; } = problems;
}

/// <summary>
/// Next year's State Council holiday notice as an administrator enters it, before it becomes a data
/// file. <see cref="Check"/> says what is wrong next to each field; the file it renders
/// (<see cref="ToJson"/>) is then read back by the loader's own reader before it is written, so a
/// draft can never produce a file the loader would refuse.
/// </summary>
public sealed record HolidayNoticeDraft(int Year, string? Title, string? DocumentNumber, DateOnly? IssuedOn, IReadOnlyList<HolidayDraft> Holidays)
{
    /// <summary>Longer than any real holiday period (2020's extended Spring Festival was 10 days): a typo.</summary>
    public const int MaxRestDays = 30;

    private static readonly JsonSerializerOptions StringOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string FileName => Year.ToString(CultureInfo.InvariantCulture) + ".json";

    /// <summary>The rows that were filled in, with their index on the form.</summary>
    public IEnumerable<(int Index, HolidayDraft Holiday)> FilledRows =>
        Holidays.Select((h, i) => (i, h)).Where(x => !x.h.IsBlank);

    /// <summary>Everything wrong with the draft, given the calendar it would join; empty when it may be written.</summary>
    public IReadOnlyList<CalendarProblem> Check(WorkingDayCalendar current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var problems = new List<CalendarProblem>();
        void Add(string field, string message) => problems.Add(new CalendarProblem(field, message));

        int next = current.CoveredYears[^1] + 1;
        if (current.Covers(Year))
        {
            Add("year", Invariant($"已有 {Year} 年的节假日安排，不能重复添加。"));
        }
        else if (Year != next)
        {
            Add("year", Invariant($"只能添加已有安排之后的下一年（{next} 年）的节假日安排。"));
        }

        if (string.IsNullOrWhiteSpace(Title))
        {
            Add("title", "请填写通知标题。");
        }
        else if (Title.Trim().Length > 200)
        {
            Add("title", "通知标题不能超过 200 个字。");
        }
        else if (!Title.Contains(Invariant($"{Year}年"), StringComparison.Ordinal))
        {
            Add("title", Invariant($"通知标题中应有“{Year}年”，请核对是否为 {Year} 年的通知。"));
        }

        if (DocumentNumber is { Length: > 50 })
        {
            Add("documentNumber", "文号不能超过 50 个字。");
        }

        if (IssuedOn is { } issued && issued.Year != Year && issued.Year != Year - 1)
        {
            Add("issuedOn", Invariant($"印发日期应在 {Year - 1} 年或 {Year} 年。"));
        }

        if (!FilledRows.Any())
        {
            Add("holidays", "请至少填写一个节假日。");
        }

        // Every date belongs to one holiday only, as rest day or as 调休 working day.
        var claimed = new Dictionary<DateOnly, string>();
        foreach (var (index, holiday) in FilledRows)
        {
            CheckHoliday(index, holiday, current, claimed, Add);
        }

        return problems;
    }

    private void CheckHoliday(int index, HolidayDraft h, WorkingDayCalendar current, Dictionary<DateOnly, string> claimed, Action<string, string> add)
    {
        string at = Invariant($"holidays[{index}]");
        string name = h.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            add($"{at}.name", "请填写节日名称。");
        }
        else if (name.Length > 20)
        {
            add($"{at}.name", "节日名称不能超过 20 个字。");
        }

        if (h.FirstOff is null)
        {
            add($"{at}.firstOff", "请填写放假第一天。");
        }
        else if (!InNoticeYear(h.FirstOff.Value))
        {
            add($"{at}.firstOff", OutsideYear(h.FirstOff.Value));
        }

        if (h.LastOff is null)
        {
            add($"{at}.lastOff", "请填写放假最后一天。");
        }
        else if (!InNoticeYear(h.LastOff.Value))
        {
            add($"{at}.lastOff", OutsideYear(h.LastOff.Value));
        }

        bool rangeUsable = false;
        if (h.FirstOff is { } first && h.LastOff is { } last && InNoticeYear(first) && InNoticeYear(last))
        {
            int days = last.DayNumber - first.DayNumber + 1;
            if (days < 1)
            {
                add($"{at}.lastOff", $"放假最后一天 {Format(last)} 早于第一天 {Format(first)}。");
            }
            else if (days > MaxRestDays)
            {
                add($"{at}.lastOff", Invariant($"放假 {days} 天，超过 {MaxRestDays} 天，请核对日期。"));
            }
            else
            {
                rangeUsable = true;
                for (DateOnly d = first; d <= last; d = d.AddDays(1))
                {
                    if (Conflict(d, name, current, claimed) is { } conflict)
                    {
                        add($"{at}.firstOff", conflict);
                        break;
                    }
                }
            }
        }

        var seen = new HashSet<DateOnly>();
        foreach (DateOnly w in h.Workdays)
        {
            string? problem =
                !InNoticeYear(w) ? OutsideYear(w)
                : w.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) ? $"调休上班日 {Format(w)} 不是周六或周日。"
                : !seen.Add(w) ? $"调休上班日 {Format(w)} 填了两次。"
                : rangeUsable && w >= h.FirstOff && w <= h.LastOff ? $"调休上班日 {Format(w)} 在本节日的放假期间内。"
                : Conflict(w, name, current, claimed);
            if (problem is not null)
            {
                add($"{at}.workdays", problem);
            }
        }
    }

    /// <summary>The date is already listed by an earlier row, or (in December of the previous year) by that year's notice.</summary>
    private string? Conflict(DateOnly date, string name, WorkingDayCalendar current, Dictionary<DateOnly, string> claimed)
    {
        if (!claimed.TryAdd(date, name))
        {
            return $"{Format(date)} 已列入「{claimed[date]}」，同一天只能属于一个节日。";
        }

        if (date.Year < Year && current.Covers(date.Year) && current.Describe(date) is { Kind: DayKind.Holiday or DayKind.AdjustedWorkday } listed)
        {
            return Invariant($"{Format(date)} 已在 {date.Year} 年的安排中列为「{listed.HolidayName}」{(listed.Kind == DayKind.Holiday ? "放假日" : "调休上班日")}。");
        }

        return null;
    }

    // As the loader: a notice for year N only reaches back into December of N-1 (元旦 bridging).
    private bool InNoticeYear(DateOnly date) => date.Year == Year || (date.Year == Year - 1 && date.Month == 12);

    private string OutsideYear(DateOnly date) =>
        Invariant($"{Format(date)} 不属于 {Year} 年的安排（只能是 {Year} 年或 {Year - 1} 年 12 月）。");

    /// <summary>The data file in the format of Calendar/Data/README.md, one line per holiday like the shipped files.</summary>
    public string ToJson()
    {
        var sb = new StringBuilder();
        sb.Append("{\n");
        sb.Append(Invariant($"  \"year\": {Year},\n"));
        sb.Append("  \"notice\": ").Append(Quote(Title?.Trim() ?? "")).Append(",\n");
        if (!string.IsNullOrWhiteSpace(DocumentNumber))
        {
            sb.Append("  \"documentNumber\": ").Append(Quote(DocumentNumber.Trim())).Append(",\n");
        }

        if (IssuedOn is { } issued)
        {
            sb.Append("  \"issuedOn\": ").Append(Quote(Format(issued))).Append(",\n");
        }

        sb.Append("  \"holidays\": [\n");
        var rows = FilledRows.Select(r => r.Holiday).ToList();
        for (int i = 0; i < rows.Count; i++)
        {
            HolidayDraft h = rows[i];
            sb.Append("    { \"name\": ").Append(Quote(h.Name?.Trim() ?? ""));
            sb.Append(", \"off\": [").Append(DateOrNull(h.FirstOff)).Append(", ").Append(DateOrNull(h.LastOff)).Append(']');
            sb.Append(", \"workdays\": [").Append(string.Join(", ", h.Workdays.Order().Select(w => Quote(Format(w))))).Append("] }");
            sb.Append(i < rows.Count - 1 ? ",\n" : "\n");
        }

        sb.Append("  ]\n}\n");
        return sb.ToString();
    }

    private static string DateOrNull(DateOnly? date) => date is { } d ? Quote(Format(d)) : "null";

    private static string Quote(string text) => JsonSerializer.Serialize(text, StringOptions);

    private static string Format(DateOnly date) => HolidayNoticeReader.Format(date);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
