using SafeHarbor.Cases;
using SafeHarbor.Features.Eligibility;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.CaseFiles;

/// <summary>The conditions and exclusions item by item: on the claims (Claimed), or on the findings (Verified, once there are any).</summary>
public static class GetAdvice
{
    public static async Task<EligibilityAdvice> HandleAsync(Guid caseId, AdviceStage? stage, Actor actor, SafeHarborDb db, PolicyCatalog policies, CancellationToken ct)
    {
        var c = await db.LoadVisibleCaseAsync(caseId, actor, ct);
        actor.EnsureShows(c, CaseSection.Advice);
        return await CaseAdvice.ForAsync(db, c, policies.Get(c.PolicyId), stage ?? (c.Findings.Count > 0 ? AdviceStage.Verified : AdviceStage.Claimed), ct);
    }
}
