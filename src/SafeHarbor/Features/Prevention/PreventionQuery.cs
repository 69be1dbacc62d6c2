using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Prevention;

/// <summary>Reads the registered matters and the thresholds and runs <see cref="PreventionAnalysis"/> on them.</summary>
public static class PreventionQuery
{
    public sealed record Filter(DateOnly? From = null, DateOnly? To = null, PeriodGrouping? Period = null);

    public sealed record CaseLine(Guid Id, string Number, string Title, DateOnly StartedOn, string BusinessField, string? ErrorKind, IReadOnlyList<string> Units);

    /// <summary>A flag as the API and the page give it; <paramref name="Cases"/> is empty when the reader may not see cases.</summary>
    public sealed record FlagView(
        Guid ThresholdId, PreventionDimension Dimension, string DimensionName, string Value, string Label,
        int Count, int Threshold, int Months, DateOnly WindowFrom, DateOnly WindowTo, string Rule, bool CasesShown, IReadOnlyList<CaseLine> Cases);

    public sealed record AnalysisView(
        DateOnly Today,
        DateOnly? From,
        DateOnly? To,
        PeriodGrouping Period,
        string Counted,
        int Total,
        bool CasesShown,
        IReadOnlyList<PreventionBar> ByField,
        IReadOnlyList<PreventionBar> ByUnit,
        IReadOnlyList<PreventionBar> ByKind,
        IReadOnlyList<PreventionBar> ByPeriod,
        IReadOnlyList<FlagView> Flags);

    /// <summary>What is counted, in words (the page and the API say the same).</summary>
    public const string CountedText = "统计全部已登记的问责事项，不论是否提出申请、认定结果如何（含不予受理、撤回申请和尚在办理中的事项），按启动问责程序日期归入期间。";

    public static async Task<AnalysisView> RunAsync(Filter filter, Actor actor, SafeHarborDb db, DateOnly today, CancellationToken ct)
    {
        if (!PreventionAccess.MayViewAnalysis(actor))
        {
            throw PreventionAccess.NotAllowedToView();
        }
        if (filter.From is { } f && filter.To is { } t && f > t)
        {
            throw new DomainException(ErrorKind.Invalid, "validation-failed", "提交的内容有误：起始日期不能晚于截止日期。",
                new Dictionary<string, string[]> { ["from"] = ["起始日期不能晚于截止日期。"] });
        }
        var period = filter.Period is { } p && Enum.IsDefined(p) ? p : PeriodGrouping.Month;
        var cases = await LoadCasesAsync(db, actor, ct);
        var thresholds = await db.Set<PreventionThreshold>().AsNoTracking().Where(x => x.Active).ToListAsync(ct);
        var result = PreventionAnalysis.Compute(cases, thresholds, today, filter.From, filter.To, period);
        var shown = PreventionAccess.SeesCases(actor);
        return new AnalysisView(
            today, result.From, result.To, result.Grouping, CountedText, result.Total, shown,
            result.ByField, result.ByUnit, result.ByKind, result.ByPeriod,
            result.Flags.Select(x => ToView(x, shown)).ToList());
    }

    /// <summary>
    /// Every registered matter the actor may count. Those who read every case count what they read; the
    /// policy owner reads no case yet counts the whole bureau, as on the dashboard, and never gets a case's
    /// number or title from here (<see cref="AnalysisView.CasesShown"/>).
    /// </summary>
    public static async Task<List<PreventionCase>> LoadCasesAsync(SafeHarborDb db, Actor actor, CancellationToken ct)
    {
        var scope = actor.SeesAllCases ? db.Cases.AsNoTracking().Where(CaseAccess.VisibleTo(actor)) : db.Cases.AsNoTracking();
        var rows = await scope.Select(c => new
        {
            c.Id,
            c.Number,
            c.Title,
            c.BusinessField,
            c.ErrorKind,
            c.AccountabilityStartedOn,
            Units = c.Subjects.Where(s => s.UnitId != null).Select(s => s.UnitId!.Value).ToList(),
        }).ToListAsync(ct);
        var names = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return rows.Select(r => new PreventionCase(
                r.Id, r.Number, r.Title, r.BusinessField, r.ErrorKind, r.AccountabilityStartedOn,
                r.Units.Distinct().Select(id => new PreventionUnit(id, names.GetValueOrDefault(id, "（未知单位）"))).ToList()))
            .OrderBy(c => c.StartedOn).ThenBy(c => c.Number, StringComparer.Ordinal)
            .ToList();
    }

    public static FlagView ToView(PreventionFlag f, bool casesShown) => new(
        f.ThresholdId, f.Dimension, f.DimensionName, f.Value, f.Label, f.Count, f.Threshold, f.Months, f.WindowFrom, f.WindowTo,
        PreventionAnalysis.Describe(f.Dimension, f.Value, f.Threshold, f.Months), casesShown,
        casesShown ? f.Cases.Select(ToLine).ToList() : []);

    public static CaseLine ToLine(PreventionCase c) =>
        new(c.Id, c.Number, c.Title, c.StartedOn, c.BusinessField, c.ErrorKind, c.Units.Select(u => u.Name).ToList());
}
