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
    /// <summary>
    /// What the operator gives: the account, and the first bureau (a city bureau: its code, name and 发文机关代字;
    /// the other names follow from its name and can be corrected later).
    /// </summary>
    public sealed record Request(string? UserName, string? DisplayName, string? Password, string? BureauCode, string? BureauName, string? BureauShortName);

    /// <summary>Where the administrator was made, as the audit chain records it (the capacity of the entry).</summary>
    public const string ByCommandLine = "首次设置（命令行）";

    /// <inheritdoc cref="ByCommandLine"/>
    public const string BySetupPage = "首次设置（/setup 页面）";

    public static async Task<bool> IsOpenAsync(SafeHarborDb db, CancellationToken ct) => !await db.Users.IgnoreQueryFilters().AnyAsync(ct);

    /// <param name="actingAs"><see cref="ByCommandLine"/> or <see cref="BySetupPage"/>.</param>
    public static async Task<OrganisationViews.UserView> HandleAsync(Request r, string actingAs, SafeHarborDb db, CommandRunner runner, UserManager<AppUser> users, CancellationToken ct)
    {
        if (!await IsOpenAsync(db, ct))
        {
            throw Closed();
        }
        var names = new BureauNames(r.BureauName, r.BureauShortName, null, null, null, null, null);
        var code = r.BureauCode?.Trim().ToLowerInvariant();
        names.Check(new Validation()
                .Require(code is not null && CreateBureau.IsValidCode(code), "bureauCode", "局代码须为 2–30 个小写字母、数字或连字符，例如 qh。"))
            .ThrowIfInvalid();
        // The first bureau is written before the command (a command belongs to a bureau); an installation that
        // already has bureaus but no account (accounts removed by hand) uses the one of that code.
        var bureau = await db.Bureaus.SingleOrDefaultAsync(b => b.Code == code, ct);
        var added = bureau is null;
        if (bureau is null)
        {
            bureau = names.NewBureau(code!, BureauLevel.City, null);
            db.Bureaus.Add(bureau);
            await db.SaveChangesAsync(ct);
        }
        db.ScopeTo(bureau.Id);
        try
        {
            return await runner.RunAsync(Actor.System(actingAs), async ctx =>
            {
                // Checked inside the command: two operators at once (two nodes, a double click) make one administrator.
                if (await ctx.Db.Users.IgnoreQueryFilters().AnyAsync(ct))
                {
                    throw Closed();
                }
                if (!await ctx.Db.Units.AnyAsync(ct))
                {
                    ctx.Db.Units.Add(new Unit { Id = Guid.NewGuid(), Name = bureau.Name, Type = UnitType.Bureau });
                }
                var created = await CreateUser.AddAsync(ctx, new CreateUser.Request(r.UserName, r.Password, r.DisplayName, null, [Role.SystemAdmin]), users, actingAs, ct);
                ctx.Audit("CreateFirstAdministrator", "User", created.Id.ToString(), null, actingAs, new { created.UserName, created.DisplayName, bureau = bureau.Code, bureauName = bureau.Name });
                return created;
            }, ct);
        }
        catch when (added)
        {
            // Nothing of the refused setup stays behind: the operator tries again from a clean database.
            db.ChangeTracker.Clear();
            await db.Bureaus.Where(b => b.Id == bureau.Id && !db.Users.IgnoreQueryFilters().Any(u => u.BureauId == bureau.Id)).ExecuteDeleteAsync(CancellationToken.None);
            throw;
        }
    }

    public static DomainException Closed() => DomainException.Conflict(
        "setup-closed", "系统中已有账号，首次设置已完成。其他账号请由系统管理员在“账号与角色”中新增。");
}
