using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Organisation;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Infrastructure.Security;

public static class ActorLoader
{
    /// <summary>
    /// Builds the actor from the database, so a role taken away counts at once, not at the next sign-in, and
    /// scopes <paramref name="db"/> to the account's bureau: from here on it sees that bureau's rows only.
    /// </summary>
    public static async Task<Actor?> LoadAsync(SafeHarborDb db, PolicyCatalog policies, Guid userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return null;
        }
        db.ScopeTo(user.BureauId);
        var roleNames = await (from ur in db.UserRoles
                               join r in db.Roles on ur.RoleId equals r.Id
                               where ur.UserId == userId
                               select r.Name).ToListAsync(ct);
        var roles = roleNames.Select(n => RoleNames.TryParse(n, out var role) ? role : (Role?)null).OfType<Role>().ToHashSet();
        Person? person = user.PersonId is { } pid ? await db.Persons.AsNoTracking().SingleOrDefaultAsync(p => p.Id == pid, ct) : null;
        var overseen = new HashSet<Guid>();
        if (person is { IsLeader: true })
        {
            var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.ParentId }).ToListAsync(ct);
            var queue = new Queue<Guid>([person.UnitId]);
            while (queue.TryDequeue(out var id))
            {
                if (overseen.Add(id))
                {
                    foreach (var child in units.Where(u => u.ParentId == id))
                    {
                        queue.Enqueue(child.Id);
                    }
                }
            }
        }
        return new Actor(user.Id, user.UserName ?? "", user.DisplayName, person?.Id, person?.UnitId, person?.IsLeader ?? false, roles, overseen,
            SeesAllCases: roles.Any(policies.RolesWithDuties.Contains), BureauId: user.BureauId, BureauLineage: await db.BureauLineageAsync(user.BureauId, ct));
    }
}

/// <summary>
/// The actor of the current request, loaded once. Endpoints and pages that require sign-in take it as
/// an <see cref="Actor"/> parameter (see <c>SignedInActor</c>); only the layout, which also
/// renders for anonymous pages, asks here.
/// </summary>
public sealed class CurrentActor(IHttpContextAccessor http, SafeHarborDb db, PolicyCatalog policies)
{
    private Actor? actor;

    /// <summary>The actor loaded for this request; refused as not signed in when there is none.</summary>
    public Actor Loaded => actor ?? throw DomainException.Forbidden("not-signed-in", "请先登录。");

    public async Task<Actor> GetAsync(CancellationToken ct = default)
    {
        if (actor is not null)
        {
            return actor;
        }
        var principal = http.HttpContext?.User;
        var id = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null || !Guid.TryParse(id, out var userId))
        {
            throw DomainException.Forbidden("not-signed-in", "请先登录。");
        }
        actor = await ActorLoader.LoadAsync(db, policies, userId, ct)
            ?? throw DomainException.Forbidden("account-disabled", "您的账号已停用或不存在，请联系系统管理员。");
        return actor;
    }
}
