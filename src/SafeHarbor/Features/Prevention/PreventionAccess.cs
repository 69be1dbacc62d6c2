using SafeHarbor.Cases;
using SafeHarbor.Organisation;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Prevention;

/// <summary>
/// Who does what in prevention (Art. 9). The party group studies where errors recur (局党组应进行针对性研究分析),
/// names the risk points and warns the units; 局办公室 (its secretariat) records for it. 执法稽查科 interprets
/// the measures (Art. 14) and sets the thresholds; it reads no case, so it sees the figures and the flags but
/// not the case numbers and titles behind them (ADR 0007). A warning is acknowledged by the leader of each unit
/// it was issued to.
/// </summary>
public static class PreventionAccess
{
    /// <summary>The analysis page: every holder of a duty in the procedure, and the policy owner.</summary>
    public static bool MayViewAnalysis(Actor actor) => actor.SeesAllCases || actor.Has(Role.PolicyOwner);

    /// <summary>Case numbers and titles behind a flag: only those who may read every case.</summary>
    public static bool SeesCases(Actor actor) => actor.SeesAllCases;

    public static bool MaySetThresholds(Actor actor) => actor.Has(Role.PolicyOwner);

    /// <summary>局党组成员 and 局办公室: the roles the policy in force gives the vote or the secretariat.</summary>
    public static bool MayRecord(Actor actor, PolicyVersion policy) =>
        actor.SeesAllCases && (policy.RolesFor(Duty.Vote).Any(actor.Has) || policy.RolesFor(Duty.Secretariat).Any(actor.Has));

    /// <summary>Every warning: those who may read every case (the party group, its office, the procedure bodies).</summary>
    public static bool SeesAllWarnings(Actor actor) => actor.SeesAllCases;

    /// <summary>The body the policy in force names for the vote or the secretariat, for the audit trail.</summary>
    public static string ActingAs(Actor actor, PolicyVersion policy) =>
        policy.RolesFor(Duty.Vote).Any(actor.Has) ? policy.BodyFor(Duty.Vote)
        : policy.RolesFor(Duty.Secretariat).Any(actor.Has) ? policy.BodyFor(Duty.Secretariat)
        : actor.Roles.Select(r => r.Chinese()).FirstOrDefault() ?? "";

    public static DomainException NotAllowedToRecord(PolicyVersion policy) =>
        DomainException.Forbidden("not-your-duty",
            $"风险点和警示提醒由{policy.BodyFor(Duty.Vote)}研究确定，由{policy.BodyFor(Duty.Vote)}成员或{policy.BodyFor(Duty.Secretariat)}登记。");

    public static DomainException NotAllowedToView() =>
        DomainException.Forbidden("prevention-not-allowed", "防错分析只向局党组、办理容错免责程序的部门和执法稽查科开放。");

    public static DomainException NotPolicyOwner() =>
        DomainException.Forbidden("not-policy-owner", "防错分析的预警阈值由执法稽查科设定、修改和停用。");
}
