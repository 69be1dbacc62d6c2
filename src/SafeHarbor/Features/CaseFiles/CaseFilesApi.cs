using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Audit;
using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Features.AbuseReports;
using SafeHarbor.Features.Archive;
using SafeHarbor.Features.Determination;
using SafeHarbor.Features.Eligibility;
using SafeHarbor.Features.Evidence;
using SafeHarbor.Features.Feedback;
using SafeHarbor.Features.Publication;
using SafeHarbor.Features.Shared;
using SafeHarbor.Features.Verification;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.CaseFiles;

/// <summary>
/// The case file (案卷): the read side that brings every stage of one case together, the case
/// list, the timeline and the eligibility advice. It reads every stage; no stage reads it.
/// </summary>
public static class CaseFilesApi
{
    /// <summary>Everything of one case the actor may see: the case itself and every stage's records.</summary>
    public sealed record CaseDetail : CaseView
    {
        public CaseDetail(CaseView core) : base(core)
        {
        }

        public required IReadOnlyList<GuidanceRequest> GuidanceRequests { get; init; }
        public required IReadOnlyList<SupplementRequest> SupplementRequests { get; init; }
        public required FeedbackNotice? Feedback { get; init; }
        public required PublicationRecord? Publication { get; init; }
        public required ArchiveRecord? Archive { get; init; }
        public required IReadOnlyList<EvidenceView> Evidence { get; init; }
        public required IReadOnlyList<AbuseFinding> SubstantiatedAbuse { get; init; }
    }

    public sealed record CaseListItem(
        Guid Id, string Number, string Title, CaseStatus Status, string StatusName, string BusinessField, string Subjects,
        string? ApplicantName, DateOnly AccountabilityStartedOn, DateOnly ApplicationDeadline, bool ApplicationDeadlineProvisional, int? WorkingDaysLeft,
        Outcome? Outcome, bool IsRepeat);

    public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize);

    public sealed record TimelineEntry(long Sequence, DateTimeOffset At, string ActorName, string ActingAs, string Action, string ActionName, JsonElement Details);

    public sealed record ListQuery(
        CaseStatus? Status, string? BusinessField, Guid? UnitId, int? Year, Outcome? Outcome, string? Applicant, string? Q,
        string? Sort, int? Page, int? PageSize);

    public static IEndpointRouteBuilder MapCaseFiles(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases").WithTags("案卷").RequireAuthorization();
        group.MapGet("/", async ([AsParameters] ListQuery q, Actor actor, SafeHarborDb db, WorkingDayCalendar calendar, TimeProvider time, CancellationToken ct) =>
            await ListAsync(q, actor, db, calendar, ChinaClock.Today(time), ct))
            .WithSummary("案件列表（按本人可见范围；可按状态、业务领域、单位、年度、结果、申请人筛选，分页、排序）");
        group.MapGet("/{caseId:guid}", async (Guid caseId, HttpContext http, Actor actor, SafeHarborDb db, PolicyCatalog policies, WorkingDayCalendar calendar, TimeProvider time, CancellationToken ct) =>
        {
            var detail = await GetAsync(caseId, actor, db, policies, calendar, ChinaClock.Today(time), ct);
            http.Response.Headers.ETag = $"\"{detail.Version}\"";
            return Results.Ok(detail);
        }).WithSummary("案件全部内容、可办理的操作").Produces<CaseDetail>();
        group.MapGet("/{caseId:guid}/timeline", async (Guid caseId, Actor actor, SafeHarborDb db, CancellationToken ct) =>
            await TimelineAsync(caseId, actor, db, ct)).WithSummary("办理过程（谁、以何身份、何时、做了什么）");
        group.MapGet("/{caseId:guid}/advice", async (Guid caseId, AdviceStage? stage, Actor actor, SafeHarborDb db, PolicyCatalog policies, CancellationToken ct) =>
        {
            var c = await db.LoadVisibleCaseAsync(caseId, actor, ct);
            actor.EnsureShows(c, CaseSection.Advice);
            return await CaseAdvice.ForAsync(db, c, policies.Get(c.PolicyId), stage ?? (c.Findings.Count > 0 ? AdviceStage.Verified : AdviceStage.Claimed), ct);
        }).WithSummary("容错免责条件逐项分析建议（stage=Claimed 按申请主张，Verified 按核实结果）");
        return app;
    }

    public static async Task<Page<CaseListItem>> ListAsync(ListQuery q, Actor actor, SafeHarborDb db, WorkingDayCalendar calendar, DateOnly today, CancellationToken ct)
    {
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

    public static async Task<CaseDetail> GetAsync(Guid caseId, Actor actor, SafeHarborDb db, PolicyCatalog policies, WorkingDayCalendar calendar, DateOnly today, CancellationToken ct)
    {
        var c = await db.LoadVisibleCaseAsync(caseId, actor, ct);
        return await DetailAsync(c, actor, db, policies.Get(c.PolicyId), calendar, today, ct);
    }

    /// <summary>The case file of a case already loaded as the actor may see it.</summary>
    public static async Task<CaseDetail> DetailAsync(Case c, Actor actor, SafeHarborDb db, PolicyVersion policy, WorkingDayCalendar calendar, DateOnly today, CancellationToken ct)
    {
        var publication = await db.Set<PublicationRecord>().AsNoTracking().SingleOrDefaultAsync(p => p.CaseId == c.Id, ct);
        var archive = await db.Set<ArchiveRecord>().AsNoTracking().SingleOrDefaultAsync(a => a.CaseId == c.Id, ct);

        // Who sees what (CaseDisclosure): a hidden part is null or empty, never a placeholder.
        bool Shows(CaseSection section) => actor.Shows(c, section);
        return new CaseDetail(CaseViews.Of(c, actor, policy, calendar, today))
        {
            GuidanceRequests = await VerificationQueries.GuidanceAsync(db, c, actor, ct),
            SupplementRequests = await VerificationQueries.SupplementsAsync(db, c, ct),
            Feedback = await FeedbackQueries.NoticeAsync(db, c, actor, ct),
            Publication = Shows(CaseSection.Publication) ? publication : null,
            Archive = Shows(CaseSection.Archive) ? archive : null,
            Evidence = await ListEvidence.HandleAsync(db, c, actor, ct),
            SubstantiatedAbuse = Shows(CaseSection.AbuseFindings) ? await CaseAdvice.SubstantiatedAbuseAsync(db, c, ct) : [],
        };
    }

    public static async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(Guid caseId, Actor actor, SafeHarborDb db, CancellationToken ct)
    {
        var c = await db.LoadVisibleCaseAsync(caseId, actor, ct);
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.CaseId == c.Id).OrderBy(e => e.Sequence).ToListAsync(ct);
        // A party sees the procedural steps by name; the details (verdicts, votes, report text) stay with the bodies.
        var body = CaseDisclosure.AudienceOf(actor) == Audience.Body;
        return entries.Where(e => actor.ShowsTimelineEntry(c, e.Action)).Select(e => new TimelineEntry(
            e.Sequence, e.OccurredAt, e.ActorName, e.ActingAs, e.Action,
            AuditEntry.Describe(e.Action, body ? e.Details : "{}"),
            JsonDocument.Parse(body ? e.Details : "{}").RootElement.Clone())).ToList();
    }
}
