using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Web;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Admin;

/// <summary>A page of the system administrator (三员分立): units, people, accounts, the bureau, the calendar.</summary>
public abstract class SystemAdminPage(Actor actor) : RolePage(actor, Role.SystemAdmin);

/// <summary>A page of the security administrator (三员分立): who holds which role.</summary>
public abstract class SecurityAdminPage(Actor actor) : RolePage(actor, Role.SecurityAdmin);
