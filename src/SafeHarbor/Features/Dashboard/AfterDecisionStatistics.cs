using SafeHarbor.Features.Assessment;
using SafeHarbor.Features.Correction;
using SafeHarbor.Features.Prevention;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Dashboard;

/// <summary>An overdue rectification measure as the dashboard counts it: its matter and the unit of its owner.</summary>
public sealed record OverdueFact(Guid CaseId, Guid? UnitId, string UnitName);

/// <summary>Overdue measures of one unit (of their owners) and the plans (one per matter) they belong to.</summary>
public sealed record UnitOverdueBar(string Key, string Label, int Measures, int Plans);

/// <summary>A prevention flag as a row: what reached which threshold.</summary>
public sealed record FlagBar(string Key, string Label, string Dimension, int Count, int Threshold, int Months);

/// <summary>The grades of one assessment period; <see cref="PeriodName"/> null when there is no period yet.</summary>
public sealed record GradeDistribution(string? PeriodName, bool PeriodClosed, int Assessed, IReadOnlyList<Bar> Grades);

/// <param name="Prevention">Null when the reader may not see the prevention analysis (<see cref="PreventionAccess.MayViewAnalysis"/>).</param>
/// <param name="Grades">The latest assessment period's grades.</param>
/// <param name="IncentiveYear">The calendar year the incentive counts are for.</param>
public sealed record AfterDecisionSeries(
    int Corrected,
    IReadOnlyList<Bar> CorrectionStages,
    int OpenPlans,
    int ClosedPlans,
    int OverdueMeasures,
    IReadOnlyList<UnitOverdueBar> OverdueByUnit,
    IReadOnlyList<FlagBar>? Prevention,
    int ResultRecords,
    IReadOnlyList<Bar> RecordsByUse,
    GradeDistribution Grades,
    int IncentiveYear,
    IReadOnlyList<Bar> Incentives);

/// <summary>
/// The figures of Art. 8–13 on 统计分析, as pure functions over plain records (no names, no text), so every
/// number can be checked without a database.
/// </summary>
public static class AfterDecisionStatistics
{
    public const string NotGraded = "未评定";

    /// <summary>Exempted or mitigated matters by how far their correction has come (Art. 8), every stage listed.</summary>
    public static IReadOnlyList<Bar> CorrectionStages(IEnumerable<CorrectionStage> stages)
    {
        var list = stages.ToList();
        return Enum.GetValues<CorrectionStage>().Select(s => new Bar(s.ToString(), s.Chinese(), list.Count(x => x == s))).ToList();
    }

    /// <summary>Overdue measures per unit of their owners, most first; a plan counts once per unit.</summary>
    public static IReadOnlyList<UnitOverdueBar> OverdueByUnit(IEnumerable<OverdueFact> overdue, IReadOnlyList<UnitName> units)
    {
        var order = units.Select((u, i) => (u.Id, i)).ToDictionary(x => x.Id, x => x.i);
        return overdue
            .GroupBy(o => (o.UnitId, o.UnitName))
            .Select(g => (g.Key.UnitId, Bar: new UnitOverdueBar(g.Key.UnitId?.ToString() ?? "", g.Key.UnitName, g.Count(), g.Select(o => o.CaseId).Distinct().Count())))
            .OrderByDescending(x => x.Bar.Measures)
            .ThenBy(x => x.UnitId is { } id ? order.GetValueOrDefault(id, int.MaxValue) : int.MaxValue)
            .ThenBy(x => x.Bar.Label, StringComparer.Ordinal)
            .Select(x => x.Bar)
            .ToList();
    }

    /// <summary>Result records (Art. 11) per use, in the order of the article; every use listed.</summary>
    public static IReadOnlyList<Bar> RecordsByUse(IEnumerable<string> useCodes, IReadOnlyList<PolicyItem> uses)
    {
        var counts = useCodes.CountBy(c => c).ToDictionary();
        var known = uses.DistinctBy(u => u.Code).Select(u => new Bar(u.Code, $"{u.Article} {u.Title}", counts.GetValueOrDefault(u.Code))).ToList();
        // A use a later policy version dropped still counts, under its code.
        var others = counts.Keys.Where(k => known.All(b => b.Key != k)).Order(StringComparer.Ordinal).Select(k => new Bar(k, k, counts[k]));
        return known.Concat(others).ToList();
    }

    /// <summary>The grades of one period (Art. 12), every grade listed, those not yet graded last.</summary>
    public static GradeDistribution Grades(string? periodName, bool closed, IReadOnlyCollection<Grade?> grades) =>
        new(periodName, closed, grades.Count,
            Enum.GetValues<Grade>().Select(g => new Bar(g.ToString(), g.Chinese(), grades.Count(x => x == g)))
                .Append(new Bar("None", NotGraded, grades.Count(x => x is null)))
                .ToList());

    /// <summary>Care and incentive records of a year (Art. 13).</summary>
    public static IReadOnlyList<Bar> Incentives(int regularCommendations, int specialAwards, int supportMeasures, int heartTalks) =>
    [
        new("regular", "平时激励（项）", regularCommendations),
        new("special", "专项表彰奖励（项）", specialAwards),
        new("support", "支持保障措施（项）", supportMeasures),
        new("talks", "谈心谈话（次）", heartTalks),
    ];

    /// <summary>The flags of the prevention analysis (Art. 9) as rows, in its order (furthest over the threshold first).</summary>
    public static IReadOnlyList<FlagBar> Flags(IEnumerable<PreventionFlag> flags) =>
        flags.Select(f => new FlagBar($"{f.ThresholdId}:{f.Value}", $"{f.DimensionName}：{f.Label}", f.DimensionName, f.Count, f.Threshold, f.Months)).ToList();
}
