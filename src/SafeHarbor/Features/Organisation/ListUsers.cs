using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Security;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Organisation;

/// <summary>Every account with its roles and whether it is locked out from any address (the system and the security administrator).</summary>
public static class ListUsers
{
    public static async Task<IReadOnlyList<OrganisationViews.UserView>> HandleAsync(SafeHarborDb db, TimeProvider time, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct);
        var locked = await SignInThrottle.LockedNamesAsync(db, time.GetUtcNow(), ct);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
        return users.Select(u => new OrganisationViews.UserView(u.Id, u.UserName ?? "", u.DisplayName, u.PersonId,
            roles.Where(r => r.UserId == u.Id).Select(r => RoleNames.TryParse(r.Name, out var role) ? role : (Role?)null).OfType<Role>().ToList(),
            locked.Contains(u.NormalizedUserName ?? ""))).ToList();
    }
}
