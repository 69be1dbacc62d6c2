using SafeHarbor.Cases;

namespace SafeHarbor.Features.Prevention;

/// <summary>How the period chart groups the cases.</summary>
public enum PeriodGrouping
{
    Month,
    Quarter,
}

public sealed record PreventionUnit(Guid Id, string Name);

/// <summary>
/// What the analysis needs of one registered matter, whatever became of it (applied or not, exempted
/// or not, refused, withdrawn): a problem that recurs is a problem even when nobody applied.
/// </summary>
/// <param name="Units">The units concerned: each unit held accountable and each person subject's own unit.</param>
public sealed record PreventionCase(
    Guid Id,
    string Number,
    string Title,
    string BusinessField,
    string? ErrorKind,
    DateOnly StartedOn,
    IReadOnlyList<PreventionUnit> Units);

/// <summary>One value of a dimension and its number of cases; <paramref name="Flagged"/> when an active threshold flags it now.</summary>
public sealed record PreventionBar(string Key, string Label, int Count, bool Flagged);

/// <summary>A value that reached a threshold within the window ending today, with the cases behind it.</summary>
public sealed record PreventionFlag(
    Guid ThresholdId,
    PreventionDimension Dimension,
    string DimensionName,
    string Value,
    string Label,
    int Count,
    int Threshold,
    int Months,
    DateOnly WindowFrom,
    DateOnly WindowTo,
    IReadOnlyList<PreventionCase> Cases);

public sealed record PreventionAnalysisResult(
    int Total,
    DateOnly? From,
    DateOnly? To,
    PeriodGrouping Grouping,
    IReadOnlyList<PreventionBar> ByField,
    IReadOnlyList<PreventionBar> ByUnit,
    IReadOnlyList<PreventionBar> ByKind,
    IReadOnlyList<PreventionBar> ByPeriod,
    IReadOnlyList<PreventionFlag> Flags);

/// <summary>
/// Art. 9 (同一类问题频繁出现或同一领域集中出现): counts of registered matters by business field, unit,
/// kind of error and period, and the values that reach a threshold of the policy owner. A pure
/// function over plain records, so every figure and every flag can be checked without a database.
/// </summary>
public static class PreventionAnalysis
{
    public const string Unclassified = "未分类";

    /// <summary>Separates the field from the kind in a <see cref="PreventionDimension.FieldAndKind"/> value.</summary>
    public const char Separator = '/';

    /// <summary>More periods than this and the empty ones are left out (a filter over decades).</summary>
    private const int MaxBuckets = 240;

    public static string Chinese(this PreventionDimension dimension) => dimension switch
    {
        PreventionDimension.BusinessField => "业务领域",
        PreventionDimension.Unit => "单位",
        PreventionDimension.ErrorKind => "失误类型",
        PreventionDimension.FieldAndKind => "同一领域同一失误类型",
        _ => dimension.ToString(),
    };

    public static string Chinese(this PeriodGrouping grouping) => grouping == PeriodGrouping.Quarter ? "按季度" : "按月";

    /// <summary>
    /// The window of <paramref name="months"/> months ending today: from the day after the same date
    /// <paramref name="months"/> months earlier, through today (12 months ending 2026-09-21 start on 2025-09-22).
    /// </summary>
    public static (DateOnly From, DateOnly To) Window(DateOnly today, int months) => (today.AddMonths(-months).AddDays(1), today);

    public static string CombinedValue(string field, string kind) => $"{field}{Separator}{kind}";

    /// <summary>A threshold value as people read it.</summary>
    public static string Label(PreventionDimension dimension, string value) =>
        dimension == PreventionDimension.FieldAndKind && value.Split(Separator) is [var field, var kind]
            ? $"{field}领域 · {kind}"
            : value;

    /// <summary>The threshold in one sentence, e.g. "同一失误类型“跟踪复查不到位”在12个月内达到3件".</summary>
    public static string Describe(PreventionDimension dimension, string? value, int count, int months)
    {
        var what = value is null
            ? $"任一{dimension.Chinese()}"
            : dimension switch
            {
                PreventionDimension.BusinessField => $"业务领域“{value}”",
                PreventionDimension.Unit => $"单位“{value}”",
                PreventionDimension.ErrorKind => $"失误类型“{value}”",
                _ => $"“{Label(dimension, value)}”",
            };
        if (value is null && dimension == PreventionDimension.FieldAndKind)
        {
            what = "同一业务领域的同一失误类型";
        }
        return $"{what}在{months}个月内达到{count}件";
    }

    /// <summary>The values a case counts for in a dimension: none when it has no kind of error yet (for kinds).</summary>
    public static IEnumerable<string> ValuesOf(PreventionCase c, PreventionDimension dimension) => dimension switch
    {
        PreventionDimension.BusinessField => [c.BusinessField],
        PreventionDimension.Unit => c.Units.Select(u => u.Name).Distinct(StringComparer.Ordinal),
        PreventionDimension.ErrorKind => c.ErrorKind is { } k ? [k] : [],
        PreventionDimension.FieldAndKind => c.ErrorKind is { } kind ? [CombinedValue(c.BusinessField, kind)] : [],
        _ => [],
    };

    /// <summary>
    /// Counts the cases whose accountability procedure started within [<paramref name="from"/>, <paramref name="to"/>]
    /// (open ends when null), and flags, over all cases, every value of each active threshold's dimension that has at
    /// least Count cases in the window of the threshold's Months ending <paramref name="today"/>. Flags do not
    /// follow the period filter: they answer "is this recurring now?".
    /// </summary>
    public static PreventionAnalysisResult Compute(
        IReadOnlyCollection<PreventionCase> cases,
        IReadOnlyCollection<PreventionThreshold> thresholds,
        DateOnly today,
        DateOnly? from = null,
        DateOnly? to = null,
        PeriodGrouping grouping = PeriodGrouping.Month)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(thresholds);

        var flags = Flags(cases, thresholds, today);
        bool IsFlagged(PreventionDimension d, string value) => flags.Any(f => f.Dimension == d && f.Value == value);

        var inPeriod = cases.Where(c => (from is null || c.StartedOn >= from) && (to is null || c.StartedOn <= to)).ToList();

        var fieldOrder = Order(BusinessFields.All);
        var byField = inPeriod.GroupBy(c => c.BusinessField)
            .Select(g => new PreventionBar(g.Key, g.Key, g.Count(), IsFlagged(PreventionDimension.BusinessField, g.Key)))
            .OrderByDescending(b => b.Count).ThenBy(b => fieldOrder.GetValueOrDefault(b.Key, int.MaxValue)).ThenBy(b => b.Key, StringComparer.Ordinal)
            .ToList();

        // A case counts once for each unit concerned: two people of one unit count the unit once.
        var byUnit = inPeriod.SelectMany(c => c.Units.DistinctBy(u => u.Id))
            .GroupBy(u => u.Id)
            .Select(g => new PreventionBar(g.Key.ToString(), g.First().Name, g.Count(), IsFlagged(PreventionDimension.Unit, g.First().Name)))
            .OrderByDescending(b => b.Count).ThenBy(b => b.Label, StringComparer.Ordinal)
            .ToList();

        var kindOrder = Order(ErrorKinds.All);
        var byKind = inPeriod.GroupBy(c => c.ErrorKind ?? "")
            .Select(g => g.Key.Length == 0
                ? new PreventionBar("", Unclassified, g.Count(), false)
                : new PreventionBar(g.Key, g.Key, g.Count(), IsFlagged(PreventionDimension.ErrorKind, g.Key)))
            .OrderBy(b => b.Key.Length == 0 ? 1 : 0)
            .ThenByDescending(b => b.Count).ThenBy(b => kindOrder.GetValueOrDefault(b.Key, int.MaxValue)).ThenBy(b => b.Key, StringComparer.Ordinal)
            .ToList();

        return new PreventionAnalysisResult(inPeriod.Count, from, to, grouping, byField, byUnit, byKind, Periods(inPeriod, from, to, today, grouping), flags);
    }

    public static IReadOnlyList<PreventionFlag> Flags(IReadOnlyCollection<PreventionCase> cases, IEnumerable<PreventionThreshold> thresholds, DateOnly today)
    {
        var flags = new List<PreventionFlag>();
        foreach (var t in thresholds.Where(t => t.Active && t.Count > 0 && t.Months > 0))
        {
            var (windowFrom, windowTo) = Window(today, t.Months);
            var groups = cases
                .Where(c => c.StartedOn >= windowFrom && c.StartedOn <= windowTo)
                .SelectMany(c => ValuesOf(c, t.Dimension).Select(v => (Value: v, Case: c)))
                .GroupBy(x => x.Value, StringComparer.Ordinal)
                .Where(g => t.Value is null || g.Key == t.Value);
            foreach (var g in groups)
            {
                var behind = g.Select(x => x.Case).DistinctBy(c => c.Id).OrderBy(c => c.StartedOn).ThenBy(c => c.Number, StringComparer.Ordinal).ToList();
                if (behind.Count >= t.Count)
                {
                    flags.Add(new PreventionFlag(t.Id, t.Dimension, t.Dimension.Chinese(), g.Key, Label(t.Dimension, g.Key),
                        behind.Count, t.Count, t.Months, windowFrom, windowTo, behind));
                }
            }
        }
        return flags
            .OrderByDescending(f => (double)f.Count / f.Threshold)
            .ThenByDescending(f => f.Count)
            .ThenBy(f => f.Dimension)
            .ThenBy(f => f.Value, StringComparer.Ordinal)
            .ToList();
    }

    public static string PeriodKey(DateOnly date, PeriodGrouping grouping) =>
        grouping == PeriodGrouping.Quarter ? $"{date.Year}-Q{(date.Month - 1) / 3 + 1}" : $"{date.Year}-{date.Month:00}";

    public static string PeriodLabel(DateOnly date, PeriodGrouping grouping) =>
        grouping == PeriodGrouping.Quarter
            ? $"{date.Year}年第{"一二三四"[(date.Month - 1) / 3]}季度"
            : $"{date.Year}年{date.Month}月";

    /// <summary>Every month (or quarter) from the filter's start (else the first case) to its end (else today), empty ones included.</summary>
    private static List<PreventionBar> Periods(List<PreventionCase> cases, DateOnly? from, DateOnly? to, DateOnly today, PeriodGrouping grouping)
    {
        var counts = cases.GroupBy(c => PeriodKey(c.StartedOn, grouping)).ToDictionary(g => g.Key, g => g.Count());
        if (cases.Count == 0 && (from is null || to is null))
        {
            return [];
        }
        var first = from ?? cases.Min(c => c.StartedOn);
        var last = to ?? (cases.Count == 0 ? today : new[] { today, cases.Max(c => c.StartedOn) }.Max());
        if (last < first)
        {
            return [];
        }
        var step = grouping == PeriodGrouping.Quarter ? 3 : 1;
        var start = new DateOnly(first.Year, grouping == PeriodGrouping.Quarter ? (first.Month - 1) / 3 * 3 + 1 : first.Month, 1);
        var span = ((last.Year - start.Year) * 12 + last.Month - start.Month) / step + 1;
        if (span > MaxBuckets)
        {
            // A filter over decades: only the periods that have cases.
            return cases.GroupBy(c => PeriodKey(c.StartedOn, grouping))
                .Select(g => new PreventionBar(g.Key, PeriodLabel(g.First().StartedOn, grouping), g.Count(), false))
                .OrderBy(b => b.Key, StringComparer.Ordinal)
                .ToList();
        }
        var buckets = new List<PreventionBar>();
        for (var i = 0; i < span; i++)
        {
            var d = start.AddMonths(i * step);
            var key = PeriodKey(d, grouping);
            buckets.Add(new PreventionBar(key, PeriodLabel(d, grouping), counts.GetValueOrDefault(key), false));
        }
        return buckets;
    }

    private static Dictionary<string, int> Order(IReadOnlyList<string> names) =>
        names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);
}
