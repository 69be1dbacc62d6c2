using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Correction;

/// <summary>
/// Who does what in the correction of Art. 8, by the duties the case's policy file assigns:
/// the party group (Vote) and its office (Secretariat) point out, analyse, plan and close;
/// 局机关纪委 (Verify) and the office follow up; an owner reports their own measure done.
/// </summary>
public static class CorrectionAccess
{
    public static readonly Duty[] Recorders = [Duty.Vote, Duty.Secretariat];

    public static readonly Duty[] FollowUps = [Duty.Verify, Duty.Secretariat];

    public static bool Holds(Actor actor, PolicyVersion policy, IEnumerable<Duty> duties) =>
        duties.SelectMany(policy.RolesFor).Any(actor.Has);

    /// <summary>Art. 6 spirit: the unit or person being corrected does not record their own correction.</summary>
    public static bool StandsAside(Case c, Actor actor) => c.IsSubject(actor) || c.IsApplicant(actor);

    public static bool MayRecord(Case c, Actor actor, PolicyVersion policy) => Holds(actor, policy, Recorders) && !StandsAside(c, actor);

    public static bool MayFollowUp(Case c, Actor actor, PolicyVersion policy) => Holds(actor, policy, FollowUps) && !StandsAside(c, actor);

    /// <summary>Checks the duty and the separation of duties; answers the capacity the actor acts in (for the audit chain).</summary>
    public static string Require(Case c, Actor actor, PolicyVersion policy, Duty[] duties, string what)
    {
        var roles = duties.SelectMany(policy.RolesFor).Distinct().Where(actor.Has).ToList();
        if (roles.Count == 0)
        {
            var bodies = string.Join("或", duties.Select(policy.BodyFor).Distinct());
            throw DomainException.Forbidden("not-your-duty", $"{what}由{bodies}办理，您当前的角色不能办理。");
        }
        if (StandsAside(c, actor))
        {
            throw DomainException.Forbidden("separation-of-duties", $"您是本事项的问责对象或申请人，依照第六条应当回避，不能{what}。");
        }
        var duty = duties.First(d => policy.RolesFor(d).Contains(roles[0]));
        return policy.BodyFor(duty);
    }

    /// <summary>The case as the actor may see it (404 otherwise), refused when its outcome calls for no correction.</summary>
    public static async Task<Case> LoadCaseAsync(SafeHarborDb db, Actor actor, Guid caseId, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().Where(CaseAccess.VisibleTo(actor)).SingleOrDefaultAsync(x => x.Id == caseId, ct)
            ?? throw DomainException.NotFound("case-not-found", "找不到该案件，或您无权查看。");
        EnsureApplies(c);
        return c;
    }

    public static void EnsureApplies(Case c)
    {
        if (!CorrectionRules.Applies(c.Decision?.Outcome))
        {
            var state = c.Decision is { } d ? $"认定结果为“{d.Outcome.Chinese()}”" : $"尚未认定（{c.Status.Chinese()}）";
            throw DomainException.Conflict(
                "correction-not-applicable",
                $"案件 {c.Number} {state}。第八条的纠错措施只适用于确定容错免责（含从轻或减轻处理）的单位和个人。");
        }
    }

    /// <summary>The plan of the case for a change: 404 when there is none, 409 when closed or when the version is stale.</summary>
    public static async Task<RectificationPlan> LoadOpenPlanAsync(SafeHarborDb db, Guid caseId, int? expectedVersion, CancellationToken ct)
    {
        var plan = await db.Set<RectificationPlan>().SingleOrDefaultAsync(p => p.CaseId == caseId, ct)
            ?? throw DomainException.NotFound("plan-not-found", "本案尚未制定整改方案。");
        CorrectionRules.EnsureOpen(plan);
        CorrectionRules.EnsureVersion(plan, expectedVersion);
        return plan;
    }

    /// <summary>409 once the plan is closed: the talks, letters and analysis are what the closed plan answered, and stay as they were.</summary>
    public static async Task EnsureNotClosedAsync(SafeHarborDb db, Guid caseId, CancellationToken ct)
    {
        if (await db.Set<RectificationPlan>().AsNoTracking().SingleOrDefaultAsync(p => p.CaseId == caseId, ct) is { Status: PlanStatus.Closed } closed)
        {
            CorrectionRules.EnsureOpen(closed);
        }
    }
}
