using Microsoft.EntityFrameworkCore;
using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.CaseFiles;

/// <summary>The cases within the actor's scope, filtered, sorted and paged.</summary>
public static class ListCases
{
    public sealed record ListQuery(
        CaseStatus? Status, string? BusinessField, Guid? UnitId, int? Year, Outcome? Outcome, string? Applicant, string? Q,
        string? Sort, int? Page, int? PageSize);

    public sealed record CaseListItem(
        Guid Id, string Number, string Title, CaseStatus Status, string StatusName, string BusinessField, string Subjects,
        string? ApplicantName, DateOnly AccountabilityStartedOn, DateOnly ApplicationDeadline, bool ApplicationDeadlineProvisional, int? WorkingDaysLeft,
        Outcome? Outcome, bool IsRepeat);

    public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize);

    public static async Task<Page<CaseListItem>> HandleAsync(ListQuery q, Actor actor, SafeHarborDb db, WorkingDayCalendar calendar, DateOnly today, CancellationToken ct)
    {
        CaseAccess.RefuseAdministrators(actor);
        var query = db.Cases.AsNoTracking().Where(CaseAccess.VisibleTo(actor));
        if (q.Status is { } status)
        {
            query = query.Where(c => c.Status == status);
        }
        if (!string.IsNullOrWhiteSpace(q.BusinessField))
        {
            query = query.Where(c => c.BusinessField == q.BusinessField);
        }
        if (q.UnitId is { } unit)
        {
            query = query.Where(c => c.Subjects.Any(s => s.UnitId == unit));
        }
        if (q.Year is { } year)
        {
            var from = new DateOnly(year, 1, 1);
            var to = new DateOnly(year, 12, 31);
            query = query.Where(c => c.AccountabilityStartedOn >= from && c.AccountabilityStartedOn <= to);
        }
        if (q.Outcome is { } outcome)
        {
            query = query.Where(c => c.Decision != null && c.Decision.Outcome == outcome);
            if (CaseDisclosure.AudienceOf(actor) == Audience.Party)
            {
                // A party learns an outcome from the written feedback, not from a filter.
                var fedBack = CaseDisclosure.AfterFeedbackStatuses;
                query = query.Where(c => fedBack.Contains(c.Status));
            }
        }
        if (!string.IsNullOrWhiteSpace(q.Applicant))
        {
            var name = q.Applicant.Trim();
            query = query.Where(c => c.Application != null && c.Application.ApplicantName.Contains(name));
        }
        if (!string.IsNullOrWhiteSpace(q.Q))
        {
            var text = q.Q.Trim();
            query = query.Where(c => c.Title.Contains(text) || c.Number.Contains(text));
        }
        // sort: number, startedOn, deadline or status; a leading "-" sorts descending. Newest first by default.
        var descending = q.Sort?.StartsWith('-') ?? true;
        query = (q.Sort?.TrimStart('-')) switch
        {
            "startedOn" => descending ? query.OrderByDescending(c => c.AccountabilityStartedOn).ThenByDescending(c => c.Number) : query.OrderBy(c => c.AccountabilityStartedOn).ThenBy(c => c.Number),
            "deadline" => descending ? query.OrderByDescending(c => c.ApplicationDeadline).ThenByDescending(c => c.Number) : query.OrderBy(c => c.ApplicationDeadline).ThenBy(c => c.Number),
            "status" => descending ? query.OrderByDescending(c => c.Status).ThenByDescending(c => c.Number) : query.OrderBy(c => c.Status).ThenBy(c => c.Number),
            _ => descending ? query.OrderByDescending(c => c.Number) : query.OrderBy(c => c.Number),
        };
        var pageSize = Math.Clamp(q.PageSize ?? 20, 1, 200);
        var page = Math.Max(q.Page ?? 1, 1);
        var total = await query.CountAsync(ct);
        var cases = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var items = cases.Select(c => new CaseListItem(
            c.Id, c.Number, c.Title, c.Status, c.Status.Chinese(), c.BusinessField, string.Join("、", c.Subjects.Select(s => s.Name)),
            c.Application?.ApplicantName, c.AccountabilityStartedOn, c.ApplicationDeadline,
            c.ApplicationDeadlineProvisionalReason is not null,
            c.Status == CaseStatus.Registered ? Deadlines.TryStatus(c.ApplicationDue, today, calendar)?.WorkingDaysLeft : null,
            actor.Shows(c, CaseSection.Decision) ? c.Decision?.Outcome : null, actor.Shows(c, CaseSection.Advice) && c.IsRepeat)).ToList();
        return new Page<CaseListItem>(items, total, page, pageSize);
    }
}
