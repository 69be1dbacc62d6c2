using Microsoft.AspNetCore.Identity;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Security;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Organisation;

/// <summary>
/// The security administrator replaces another account's roles (三员分立): business roles, and each administrator
/// role on an account of its own that holds nothing else and is linked to no person; never their own account.
/// </summary>
public static class SetRoles
{
    public sealed record Request(IReadOnlyList<Role>? Roles);

    public static Task<OrganisationViews.UserView> HandleAsync(Guid id, Request r, Actor actor, CommandRunner runner, UserManager<AppUser> users, CancellationToken ct)
    {
        AccountRules.RequireSecurityAdmin(actor);
        if (id == actor.UserId)
        {
            throw DomainException.Forbidden("own-roles", "不能修改自己账号的角色。");
        }
        return runner.RunAsync(actor, async ctx =>
        {
            var roles = (r.Roles ?? []).Distinct().ToList();
            var user = await users.FindByIdAsync(id.ToString()) ?? throw DomainException.NotFound("user-not-found", "账号不存在。");
            new Validation()
                .Require(roles.All(Enum.IsDefined), "roles", "角色不正确。")
                .Require(AccountRules.SeparationOfAdministrators(roles), "roles", AccountRules.SeparationMessage)
                .Require(AccountRules.AdministratorWithoutPerson(roles, user.PersonId), "roles", AccountRules.AdministratorWithPersonMessage)
                .ThrowIfInvalid();
            var current = (await users.GetRolesAsync(user)).Order().ToList();
            AccountRules.ThrowOnFailure(await users.RemoveFromRolesAsync(user, current));
            foreach (var role in roles)
            {
                await AccountRules.EnsureRoleAsync(ctx.Db, role, ct);
                AccountRules.ThrowOnFailure(await users.AddToRoleAsync(user, role.ToString()));
            }
            // A new stamp ends the account's sessions and tokens, which carry the old roles.
            AccountRules.ThrowOnFailure(await users.UpdateSecurityStampAsync(user));
            ctx.Audit("SetRoles", "User", user.Id.ToString(), null, Role.SecurityAdmin.Chinese(), new
            {
                user.UserName,
                before = current.Select(x => RoleNames.TryParse(x, out var role) ? role.Chinese() : x),
                after = roles.Order().Select(x => x.Chinese()),
            });
            return new OrganisationViews.UserView(user.Id, user.UserName ?? "", user.DisplayName, user.PersonId, roles, false);
        }, ct);
    }
}
