using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Security;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Organisation;

/// <summary>Adds an account with its initial password and roles (三员分立 enforced).</summary>
public static class CreateUser
{
    public sealed record Request(string? UserName, string? Password, string? DisplayName, Guid? PersonId, IReadOnlyList<Role>? Roles);

    public static Task<OrganisationViews.UserView> HandleAsync(Request r, Actor actor, CommandRunner runner, UserManager<AppUser> users, CancellationToken ct) =>
        runner.RunAsync(actor, ctx => AddAsync(ctx, r, users, Role.SystemAdmin.Chinese(), ct), ct);

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
            .Require(roles.All(Enum.IsDefined), "roles", "角色不正确。")
            .Require(AccountRules.SeparationOfAdministrators(roles), "roles", "系统管理员、安全管理员、审计管理员三个角色须由不同账号担任，且不能兼任业务角色（三员分立）。")
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
        ctx.Audit("CreateUser", "User", user.Id.ToString(), null, actingAs, new { user.UserName, roles = roles.Select(x => x.Chinese()) });
        return new OrganisationViews.UserView(user.Id, user.UserName, user.DisplayName, user.PersonId, roles, false);
    }
}
