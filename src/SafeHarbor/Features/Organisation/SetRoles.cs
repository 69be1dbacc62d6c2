using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Security;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Organisation;

/// <summary>Replaces an account's roles (三员分立 enforced; never one's own).</summary>
public static class SetRoles
{
    public sealed record Request(IReadOnlyList<Role>? Roles);

    public static Task<OrganisationViews.UserView> HandleAsync(Guid id, Request r, Actor actor, CommandRunner runner, UserManager<AppUser> users, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            var roles = r.Roles ?? [];
            new Validation()
                .Require(roles.All(Enum.IsDefined), "roles", "角色不正确。")
                .Require(AccountRules.SeparationOfAdministrators(roles), "roles", "系统管理员、安全管理员、审计管理员三个角色须由不同账号担任，且不能兼任业务角色（三员分立）。")
                .Require(id != actor.UserId, "roles", "不能修改自己账号的角色。")
                .ThrowIfInvalid();
            var user = await users.FindByIdAsync(id.ToString()) ?? throw DomainException.NotFound("user-not-found", "账号不存在。");
            var current = await users.GetRolesAsync(user);
            AccountRules.ThrowOnFailure(await users.RemoveFromRolesAsync(user, current));
            foreach (var role in roles)
            {
                await AccountRules.EnsureRoleAsync(ctx.Db, role, ct);
                AccountRules.ThrowOnFailure(await users.AddToRoleAsync(user, role.ToString()));
            }
            // A new stamp ends the account's sessions and tokens, which carry the old roles.
            AccountRules.ThrowOnFailure(await users.UpdateSecurityStampAsync(user));
            ctx.Audit("SetRoles", "User", user.Id.ToString(), null, Role.SystemAdmin.Chinese(), new { user.UserName, before = current, after = roles.Select(x => x.ToString()) });
            return new OrganisationViews.UserView(user.Id, user.UserName ?? "", user.DisplayName, user.PersonId, roles, false);
        }, ct);
}
