using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Features.Organisation;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Admin;

/// <summary>
/// The first system administrator of a new installation, made while no account exists at all: by
/// <c>safeharbor admin create</c> on the server or on the one-time page <c>/setup</c>. Both call this one
/// handler; the account follows the rules of any account (<see cref="CreateUser"/>: Identity's password rules,
/// 三员分立), holds the system administrator role alone, and is linked to no person (administrators read no cases).
/// Once any account exists this refuses, and <c>/setup</c> answers 404.
/// </summary>
public static class CreateFirstAdministrator
{
    /// <summary>What the operator gives. Fields added here (e.g. the first bureau) reach the CLI and the page through this record.</summary>
    public sealed record Request(string? UserName, string? DisplayName, string? Password);

    /// <summary>Where the administrator was made, as the audit chain records it (the capacity of the entry).</summary>
    public const string ByCommandLine = "首次设置（命令行）";

    /// <inheritdoc cref="ByCommandLine"/>
    public const string BySetupPage = "首次设置（/setup 页面）";

    public static async Task<bool> IsOpenAsync(SafeHarborDb db, CancellationToken ct) => !await db.Users.AnyAsync(ct);

    /// <param name="actingAs"><see cref="ByCommandLine"/> or <see cref="BySetupPage"/>.</param>
    public static Task<OrganisationViews.UserView> HandleAsync(Request r, string actingAs, CommandRunner runner, UserManager<AppUser> users, CancellationToken ct) =>
        runner.RunAsync(Actor.System(actingAs), async ctx =>
        {
            // Checked inside the command: two operators at once (two nodes, a double click) make one administrator.
            if (await ctx.Db.Users.AnyAsync(ct))
            {
                throw Closed();
            }
            var created = await CreateUser.AddAsync(ctx, new CreateUser.Request(r.UserName, r.Password, r.DisplayName, null, [Role.SystemAdmin]), users, actingAs, ct);
            ctx.Audit("CreateFirstAdministrator", "User", created.Id.ToString(), null, actingAs, new { created.UserName, created.DisplayName });
            return created;
        }, ct);

    public static DomainException Closed() => DomainException.Conflict(
        "setup-closed", "系统中已有账号，首次设置已完成。其他账号请由系统管理员在“账号与角色”中新增。");
}
