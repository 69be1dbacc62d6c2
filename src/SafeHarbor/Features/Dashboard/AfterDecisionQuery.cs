using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Features.Assessment;
using SafeHarbor.Features.Correction;
using SafeHarbor.Features.Incentives;
using SafeHarbor.Features.Prevention;
using SafeHarbor.Features.ResultUses;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Dashboard;

/// <summary>
/// Reads the few facts the Art. 8–13 figures need and computes them with <see cref="AfterDecisionStatistics"/>.
/// The correction figures and the result records follow the page's filter (the matters counted above); the
/// prevention flags answer "is this recurring now?", the grades are those of the latest assessment period, and
/// the incentive counts those of the filter's year (else this year). Counts only: no names, no titles.
/// </summary>
public static class AfterDecisionQuery
{
    public static async Task<AfterDecisionSeries> RunAsync(
        DashboardQuery.Filter filter, Actor actor, SafeHarborDb db, PolicyCatalog policies, DateOnly today, CancellationToken ct)
    {
        if (!DashboardQuery.MayView(actor))
        {
            throw DomainException.Forbidden("dashboard-not-allowed", "统计分析只向办理容错免责程序的部门、执法稽查科和人事科开放。");
        }
        var cases = DashboardQuery.Filtered(filter, actor, db);
        var units = (await db.Units.AsNoTracking().OrderBy(u => u.SortOrder).ThenBy(u => u.Name).Select(u => new { u.Id, u.Name }).ToListAsync(ct))
            .Select(u => new UnitName(u.Id, u.Name)).ToList();

        // Art. 8: the exempted or mitigated matters counted, by how far their correction has come.
        var corrected = await cases
            .Where(CorrectionRules.CallsForCorrection)
            .Select(c => c.Id).ToListAsync(ct);
        var progress = (await CorrectionQueries.ProgressAsync(db, corrected, ct)).Values.ToList();

        var inScope = corrected.ToHashSet();
        var overdue = (await OverdueMeasures.SummaryAsync(db, today, ct)).Items
            .Where(i => inScope.Contains(i.CaseId))
            .Select(i => new OverdueFact(i.CaseId, i.OwnerUnitId, i.OwnerUnitName))
            .ToList();

        // Art. 9: the flags of the prevention analysis, for those who may read it.
        IReadOnlyList<FlagBar>? prevention = null;
        if (PreventionAccess.MayViewAnalysis(actor))
        {
            var matters = await PreventionQuery.LoadCasesAsync(db, actor, ct);
            var thresholds = await db.Set<PreventionThreshold>().AsNoTracking().Where(t => t.Active).ToListAsync(ct);
            prevention = AfterDecisionStatistics.Flags(PreventionAnalysis.Flags(matters, thresholds, today));
        }

        // Art. 11: the result records of the matters counted.
        var caseIds = cases.Select(c => c.Id);
        var useCodes = await db.Set<ResultRecord>().AsNoTracking().Where(r => caseIds.Contains(r.CaseId)).Select(r => r.UseCode).ToListAsync(ct);
        var uses = policies.All.SelectMany(p => p.ResultUses).DistinctBy(u => u.Code).ToList();

        return new AfterDecisionSeries(
            corrected.Count,
            AfterDecisionStatistics.CorrectionStages(progress.Select(p => p.Stage)),
            progress.Count(p => p.Plan?.Status == PlanStatus.Open),
            progress.Count(p => p.Plan?.Status == PlanStatus.Closed),
            overdue.Count,
            AfterDecisionStatistics.OverdueByUnit(overdue, units),
            prevention,
            useCodes.Count,
            AfterDecisionStatistics.RecordsByUse(useCodes, uses),
            await GradesAsync(db, ct),
            IncentiveYear(filter, today),
            await IncentivesAsync(db, IncentiveYear(filter, today), ct));
    }

    /// <summary>The year of the filter when one is given, else this year.</summary>
    public static int IncentiveYear(DashboardQuery.Filter filter, DateOnly today) => filter.Year is { } y and >= 1 and <= 9999 ? y : today.Year;

    /// <summary>Art. 12: the grades of the latest period that has anyone assessed (an annual period before the quarters of its year).</summary>
    private static async Task<GradeDistribution> GradesAsync(SafeHarborDb db, CancellationToken ct)
    {
        var periods = await db.Set<AssessmentPeriod>().AsNoTracking().ToListAsync(ct);
        var assessed = (await db.Set<PersonAssessment>().AsNoTracking().Select(a => a.PeriodId).ToListAsync(ct)).ToHashSet();
        var latest = periods
            .Where(p => assessed.Contains(p.Id))
            .OrderByDescending(p => p.Year).ThenBy(p => p.Kind == PeriodKind.Annual ? 0 : 1).ThenByDescending(p => p.Quarter)
            .FirstOrDefault();
        if (latest is null)
        {
            return AfterDecisionStatistics.Grades(null, false, []);
        }
        var grades = await db.Set<PersonAssessment>().AsNoTracking().Where(a => a.PeriodId == latest.Id).Select(a => a.Grade).ToListAsync(ct);
        return AfterDecisionStatistics.Grades(latest.Name, latest.Closed, grades);
    }

    /// <summary>Art. 13: commendations by kind, support measures and heart-to-heart talks of the year; withdrawn records count nowhere.</summary>
    private static async Task<IReadOnlyList<Bar>> IncentivesAsync(SafeHarborDb db, int year, CancellationToken ct)
    {
        var (from, to) = IncentiveQueries.YearRange(year);
        var kinds = await db.Set<Commendation>().AsNoTracking().Where(c => c.WithdrawnOn == null && c.AwardedOn >= from && c.AwardedOn <= to).Select(c => c.Kind).ToListAsync(ct);
        var support = await db.Set<SupportMeasure>().AsNoTracking().CountAsync(s => s.WithdrawnOn == null && s.ProvidedOn >= from && s.ProvidedOn <= to, ct);
        var talks = await db.Set<HeartTalk>().AsNoTracking().CountAsync(t => t.WithdrawnOn == null && t.HeldOn >= from && t.HeldOn <= to, ct);
        return AfterDecisionStatistics.Incentives(
            kinds.Count(k => k == CommendationKind.Regular), kinds.Count(k => k == CommendationKind.Special), support, talks);
    }
}
