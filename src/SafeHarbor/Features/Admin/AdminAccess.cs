using SafeHarbor.Cases;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Admin;

/// <summary>Units, persons, accounts and the calendar are kept by the system administrator alone (三员分立).</summary>
public static class AdminAccess
{
    public static bool IsSystemAdmin(Actor actor) => actor.Has(Role.SystemAdmin);

    public static void RequireSystemAdmin(Actor actor)
    {
        if (!IsSystemAdmin(actor))
        {
            throw DomainException.Forbidden("system-admin-only", "只有系统管理员可以维护单位、人员、账号和节假日安排。");
        }
    }
}
