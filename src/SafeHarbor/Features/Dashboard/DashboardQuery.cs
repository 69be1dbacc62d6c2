using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Organisation;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Dashboard;

/// <summary>Reads the few facts the statistics need from the cases and their audit entries, and computes the series.</summary>
public static class DashboardQuery
{
    public sealed record Filter(int? Year, string? BusinessField);

    public sealed record Result(DashboardSeries Series, IReadOnlyList<int> Years, bool BureauWide);

    /// <summary>The audit actions that mark the steps of <see cref="DashboardStatistics.Stages"/>.</summary>
    private static readonly string[] MilestoneActions =
    [
        nameof(CaseAction.Register), nameof(CaseAction.Apply), nameof(CaseAction.SubmitReport), nameof(CaseAction.Decide),
        nameof(CaseAction.Acknowledge), nameof(CaseAction.Publish), nameof(CaseAction.Archive),
    ];

    /// <summary>The same rule as the 统计分析 menu item.</summary>
    public static bool MayView(Actor actor) =>
        actor.SeesAllCases || actor.Has(Role.PolicyOwner) || actor.Has(Role.Personnel);

    /// <summary>
    /// The cases counted. A procedure body counts what it may read (today: every case).
    /// 执法稽查科 (PolicyOwner) and 人事科 (Personnel) interpret the policy together (Art. 14) and
    /// 人事科 applies its results in assessment (Art. 11, 12). They hold no duty in the procedure and
    /// read no case, yet judging how the policy works needs the whole bureau's figures, so they count
    /// every case of the bureau. That is safe because the dashboard shows aggregates only — counts per
    /// status, outcome, field and unit, and average durations; never a case number, title, facts, a
    /// person's name or a link to a case. (A narrow filter can leave one case behind the figures: its
    /// unit, stage and outcome then show, and the outcome is what Art. 11 has 人事科 apply anyway.)
    /// Anyone else gets nothing: the page answers 403.
    /// </summary>
    public static Expression<Func<Case, bool>> Scope(Actor actor) =>
        actor.SeesAllCases ? CaseAccess.VisibleTo(actor) : _ => true;

    /// <summary>The cases counted under the filter: the actor's scope, the year the procedure started, the business field.</summary>
    public static IQueryable<Case> Filtered(Filter filter, Actor actor, SafeHarborDb db) =>
        ByFilter(db.Cases.AsNoTracking().Where(Scope(actor)), filter);

    /// <summary>Cases of the year the procedure started and of the business field the filter names.</summary>
    public static IQueryable<Case> ByFilter(IQueryable<Case> cases, Filter filter)
    {
        if (filter.Year is { } year)
        {
            if (year is >= 1 and <= 9999)
            {
                var from = new DateOnly(year, 1, 1);
                var to = new DateOnly(year, 12, 31);
                cases = cases.Where(c => c.AccountabilityStartedOn >= from && c.AccountabilityStartedOn <= to);
            }
            else
            {
                cases = cases.Where(_ => false);
            }
        }
        if (!string.IsNullOrWhiteSpace(filter.BusinessField))
        {
            var field = filter.BusinessField.Trim();
            cases = cases.Where(c => c.BusinessField == field);
        }
        return cases;
    }

    public static async Task<Result> RunAsync(Filter filter, Actor actor, SafeHarborDb db, WorkingDayCalendar calendar, DateOnly today, CancellationToken ct)
    {
        if (!MayView(actor))
        {
            throw DomainException.Forbidden("dashboard-not-allowed", "统计分析只向办理容错免责程序的部门、执法稽查科和人事科开放。");
        }
        var years = await db.Cases.AsNoTracking().Where(Scope(actor)).Select(c => c.AccountabilityStartedOn.Year).Distinct().ToListAsync(ct);
        var cases = Filtered(filter, actor, db);

        var rows = await cases.Select(c => new
        {
            c.Id,
            c.Status,
            c.BusinessField,
            c.ApplicationDeadline,
            SubmittedOn = c.Application != null ? c.Application.SubmittedOn : (DateOnly?)null,
            c.WasRefusedAsLate,
            Outcome = c.Decision != null ? c.Decision.Outcome : (Outcome?)null,
            Units = c.Subjects.Where(s => s.UnitId != null).Select(s => s.UnitId!.Value).ToList(),
        }).ToListAsync(ct);

        var caseIds = cases.Select(c => (Guid?)c.Id);
        var events = await db.AuditEntries.AsNoTracking()
            .Where(e => e.CaseId != null && caseIds.Contains(e.CaseId) && MilestoneActions.Contains(e.Action))
            .Select(e => new { CaseId = e.CaseId!.Value, e.Action, e.OccurredAt })
            .ToListAsync(ct);
        // The first time each step happened, as a date in China.
        var firsts = events
            .GroupBy(e => (e.CaseId, e.Action))
            .ToDictionary(g => g.Key, g => ChinaClock.ToChinaDate(g.Min(e => e.OccurredAt)));

        StageDates DatesOf(Guid id)
        {
            DateOnly? At(CaseAction action) => firsts.TryGetValue((id, action.ToString()), out var d) ? d : null;
            return new StageDates(
                At(CaseAction.Register), At(CaseAction.Apply), At(CaseAction.SubmitReport), At(CaseAction.Decide),
                At(CaseAction.Acknowledge), At(CaseAction.Publish), At(CaseAction.Archive));
        }

        var facts = rows.Select(r => new CaseFacts(r.Status, r.BusinessField, r.ApplicationDeadline, r.SubmittedOn, r.Outcome, r.Units, DatesOf(r.Id), r.WasRefusedAsLate)).ToList();
        var units = (await db.Units.AsNoTracking().OrderBy(u => u.SortOrder).ThenBy(u => u.Name).Select(u => new { u.Id, u.Name }).ToListAsync(ct))
            .Select(u => new UnitName(u.Id, u.Name)).ToList();

        var series = DashboardStatistics.Compute(facts, units, calendar, today);
        // The years with cases, this year, and the year asked for, so the filter can always show its choice.
        var yearChoices = years.Append(today.Year).Concat(filter.Year is { } asked and >= 1 and <= 9999 ? [asked] : Array.Empty<int>());
        return new Result(series, yearChoices.Distinct().OrderDescending().ToList(), !actor.SeesAllCases);
    }
}
