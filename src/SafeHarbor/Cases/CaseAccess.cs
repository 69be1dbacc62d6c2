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

    /// <summary>
    /// 三员分立: a list of cases or case material refuses the system, security and audit administrators outright,
    /// rather than answering them an empty list, so that their refusal is seen and audited like any other.
    /// </summary>
    public static void RefuseAdministrators(Actor actor)
    {
        if (actor.Has(Organisation.Role.SystemAdmin) || actor.Has(Organisation.Role.SecurityAdmin) || actor.Has(Organisation.Role.AuditAdmin))
        {
            throw DomainException.Forbidden("administrators-read-no-cases", "系统管理员、安全管理员、审计管理员不查阅案件内容（三员分立）。");
        }
    }

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
