using System.Linq.Expressions;

namespace SafeHarbor.Cases;

/// <summary>
/// Who may read a case: the holders of a duty in the procedure (as the policy files assign them) see
/// every case; everyone else sees the cases they are a subject of or applied in, and leaders the
/// cases of the units they head. Administrators see no case contents by virtue of their role (三员分立).
/// </summary>
[Article("6")]
public static class CaseAccess
{
    public static bool SeesAllCases(Actor actor) => actor.SeesAllCases;

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
