using SafeHarbor.Cases;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Profiles;

/// <summary>
/// Who reads a person's profile (个人档案, Art. 11–13): 人事科, which applies the results in assessment and
/// cadre work; the bodies with a duty in the procedure (<see cref="Actor.SeesAllCases"/>); the person
/// themself; and the leaders who oversee the person's unit (<see cref="Actor.OverseenUnitIds"/>: the unit
/// they head and every unit below it). Nobody else, administrators included (三员分立).
/// <para>
/// Each section keeps its own feature's rule on top of this one: a case is linked only for a reader who may
/// open it, the assessment results only for 人事科 and the person (closed periods), the care and incentive
/// records as <see cref="Incentives.IncentiveAccess"/> allows.
/// </para>
/// </summary>
public static class ProfileAccess
{
    public static bool MayView(Actor actor, Guid personId, Guid personUnitId) =>
        actor.Has(Role.Personnel)
        || actor.SeesAllCases
        || actor.PersonId == personId
        || (actor.IsLeader && actor.OverseenUnitIds.Contains(personUnitId));

    public static DomainException Refused() =>
        DomainException.Forbidden(
            "profile-not-allowed",
            "个人档案仅供本人、人事科、容错免责程序中承担职责的机构和本人所在单位的领导查看。");
}
