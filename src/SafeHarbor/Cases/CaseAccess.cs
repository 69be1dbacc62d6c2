using System.Linq.Expressions;
using SafeHarbor.Organisation;

namespace SafeHarbor.Cases;

/// <summary>
/// Who may read a case: the bodies with a duty in the procedure see every case; everyone else sees
/// the cases they are a subject of or applied in, and leaders the cases of the units they head.
/// Administrators see no case contents by virtue of their role (三员分立).
/// </summary>
public static class CaseAccess
{
    public static bool SeesAllCases(Actor actor) => actor.Roles.Any(RoleNames.BureauWideCaseRoles.Contains);

    public static Expression<Func<Case, bool>> VisibleTo(Actor actor)
    {
        if (SeesAllCases(actor))
        {
            return _ => true;
        }
        var personId = actor.PersonId;
        var userId = actor.UserId;
        var units = actor.OverseenUnitIds.ToList();
        return c => (personId != null && c.Subjects.Any(s => s.PersonId == personId))
            || c.Subjects.Any(s => s.UnitId != null && units.Contains(s.UnitId.Value))
            || (c.Application != null && c.Application.SubmittedBy == userId);
    }

    public static bool CanRead(Case c, Actor actor) => VisibleTo(actor).Compile()(c);
}
