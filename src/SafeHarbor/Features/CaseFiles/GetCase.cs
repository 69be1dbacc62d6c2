using Microsoft.EntityFrameworkCore;
using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Features.Archive;
using SafeHarbor.Features.Eligibility;
using SafeHarbor.Features.Evidence;
using SafeHarbor.Features.Feedback;
using SafeHarbor.Features.Publication;
using SafeHarbor.Features.Shared;
using SafeHarbor.Features.Verification;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.CaseFiles;

/// <summary>One case file: the case and every stage's records, each part as the actor may see it.</summary>
public static class GetCase
{
    public static async Task<CaseDetail> HandleAsync(Guid caseId, Actor actor, SafeHarborDb db, PolicyCatalog policies, WorkingDayCalendar calendar, DateOnly today, CancellationToken ct)
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
}
