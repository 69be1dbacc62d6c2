using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Organisation;

/// <summary>
/// A city bureau's system administrator adds a county bureau under it (Art. 15: the county bureaus apply the
/// measures too): its names, its top unit and its own system administrator, who then keeps its units, people and
/// accounts. The city's chain records the new bureau; the new bureau's chain begins with its administrator.
/// </summary>
[Article("15")]
public static partial class CreateBureau
{
    public sealed record Request(string? Code, BureauNames? Names, string? AdminUserName, string? AdminDisplayName, string? AdminPassword);

    public static async Task<OrganisationViews.BureauView> HandleAsync(Request r, Actor actor, CommandRunner runner, UserManager<AppUser> users, IServiceScopeFactory scopes, CancellationToken ct)
    {
        AccountRules.RequireSystemAdmin(actor);
        var names = r.Names ?? new BureauNames(null, null, null, null, null, null, null);
        var bureau = await runner.RunAsync(actor, async ctx =>
        {
            var own = await ctx.Db.Bureaus.SingleAsync(b => b.Id == actor.BureauId, ct);
            if (own.Level != BureauLevel.City)
            {
                throw DomainException.Forbidden("not-city-bureau", "只有市局的系统管理员可以新增县区局。");
            }
            var code = r.Code?.Trim().ToLowerInvariant();
            var v = names.Check(new Validation()
                .Require(code is not null && IsValidCode(code), "code", "局代码须为 2–30 个小写字母、数字或连字符，例如 qh-bh。")
                .Require(code is null || !await ctx.Db.Bureaus.AnyAsync(b => b.Code == code, ct), "code", "已有使用该代码的局。")
                .RequireText(r.AdminUserName, "adminUserName", "系统管理员用户名", 50)
                .Require(await AccountRules.UserNameIsFreeAsync(ctx.Db, r.AdminUserName, ct), "adminUserName", $"用户名“{r.AdminUserName?.Trim()}”已被使用（用户名在所有局中唯一）。")
                .Name(r.AdminDisplayName, "adminDisplayName", "系统管理员显示名称", 50)
                .RequireText(r.AdminPassword, "adminPassword", "系统管理员初始密码", 100));
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, new AppUser { UserName = r.AdminUserName?.Trim() }, r.AdminPassword ?? "");
                v.Require(result.Succeeded, "adminPassword", string.Join("；", result.Errors.Select(e => e.Description)));
            }
            v.Require(await ctx.Db.Bureaus.AnyAsync(b => b.Name == (names.Name ?? "").Trim(), ct) is false, "names.name", "已有同名的局。");
            v.ThrowIfInvalid();
            var created = names.NewBureau(code!, BureauLevel.County, own.Id, await ctx.Db.Bureaus.CountAsync(ct));
            ctx.Db.Bureaus.Add(created);
            ctx.Audit("CreateBureau", nameof(Bureau), created.Code, null, Role.SystemAdmin.Chinese(), new { step = "新增县区局", created.Code, created.Name, created.ShortName });
            return created;
        }, ct);

        // The new bureau's own records are written in its own scope and chain.
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<SafeHarborDb>().ScopeTo(bureau.Id);
        var bureauUsers = services.GetRequiredService<UserManager<AppUser>>();
        await services.GetRequiredService<CommandRunner>().RunAsync(actor, async ctx =>
        {
            ctx.Db.Units.Add(new Unit { Id = Guid.NewGuid(), Name = bureau.Name, Type = UnitType.Bureau });
            return await CreateUser.AddAsync(ctx, new CreateUser.Request(r.AdminUserName, r.AdminPassword, r.AdminDisplayName, null, [Role.SystemAdmin]),
                bureauUsers, $"{Role.SystemAdmin.Chinese()}（{actor.BureauLineage.FirstOrDefault()}）", ct);
        }, ct);
        return OrganisationViews.BureauView.Of(bureau);
    }

    public static bool IsValidCode(string code) => CodePattern().IsMatch(code);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,29}$")]
    private static partial Regex CodePattern();
}
