using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Security;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Organisation;

/// <summary>
/// The system administrator adds an account with its initial password (三员分立): without roles, which the security
/// administrator grants (<see cref="SetRoles"/>), except the bureau's first security administrator while it has none.
/// </summary>
public static class CreateUser
{
    public sealed record Request(string? UserName, string? Password, string? DisplayName, Guid? PersonId, IReadOnlyList<Role>? Roles);

    public static Task<OrganisationViews.UserView> HandleAsync(Request r, Actor actor, CommandRunner runner, UserManager<AppUser> users, CancellationToken ct)
    {
        AccountRules.RequireSystemAdmin(actor);
        return runner.RunAsync(actor, async ctx =>
        {
            var roles = r.Roles ?? [];
            if (roles.Count > 0 && !(roles is [Role.SecurityAdmin] && !await AccountRules.HasSecurityAdminAsync(ctx.Db, ct)))
            {
                throw DomainException.Forbidden("roles-by-security-admin", "系统管理员不能授予角色，角色由安全管理员授予（三员分立）；本局尚无安全管理员时，可新增一个仅担任安全管理员的账号。");
            }
            return await AddAsync(ctx, r, users, Role.SystemAdmin.Chinese(), ct);
        }, ct);
    }

    /// <summary>
    /// The account itself, inside a command already running: also how the first system administrator of a new
    /// installation is made (Features/Admin/CreateFirstAdministrator), so both follow the same rules.
    /// </summary>
    internal static async Task<OrganisationViews.UserView> AddAsync(CommandContext ctx, Request r, UserManager<AppUser> users, string actingAs, CancellationToken ct)
    {
        var roles = r.Roles ?? [];
        new Validation()
            .RequireText(r.UserName, "userName", "用户名", 50)
            .Require(await AccountRules.UserNameIsFreeAsync(ctx.Db, r.UserName, ct), "userName", $"用户名“{r.UserName?.Trim()}”已被使用（用户名在所有局中唯一）。")
            .Name(r.DisplayName, "displayName", "显示名称", 50)
            .RequireText(r.Password, "password", "初始密码", 100)
            .Require(r.PersonId is null || await ctx.Db.Persons.AnyAsync(p => p.Id == r.PersonId, ct), "personId", "关联人员不存在。")
            .Require(await AccountRules.PersonHasNoAccountAsync(ctx.Db, r.PersonId, null, ct), "personId", "该人员已有账号，一人只能有一个账号。")
            .Require(roles.All(Enum.IsDefined), "roles", "角色不正确。")
            .Require(AccountRules.SeparationOfAdministrators(roles), "roles", AccountRules.SeparationMessage)
            .Require(AccountRules.AdministratorWithoutPerson(roles, r.PersonId), "personId", AccountRules.AdministratorWithPersonMessage)
            .ThrowIfInvalid();
        // The initial password is known to whoever set it: the account must choose its own at first sign-in.
        var user = new AppUser
        {
            Id = Guid.NewGuid(), UserName = r.UserName!.Trim(), DisplayName = r.DisplayName!.Trim(), PersonId = r.PersonId,
            MustChangePassword = true, PasswordChangedAt = ctx.Now,
        };
        AccountRules.ThrowOnFailure(await users.CreateAsync(user, r.Password!));
        foreach (var role in roles)
        {
            await AccountRules.EnsureRoleAsync(ctx.Db, role, ct);
            AccountRules.ThrowOnFailure(await users.AddToRoleAsync(user, role.ToString()));
        }
        ctx.Audit("CreateUser", "User", user.Id.ToString(), null, actingAs, new { user.UserName, user.DisplayName, user.PersonId, roles = roles.Select(x => x.Chinese()) });
        return new OrganisationViews.UserView(user.Id, user.UserName, user.DisplayName, user.PersonId, roles, false);
    }
}
