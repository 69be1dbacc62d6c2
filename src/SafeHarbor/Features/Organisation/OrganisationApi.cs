using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Security;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Organisation;

/// <summary>Units, persons and accounts. The system administrator keeps them; nobody reads cases through this.</summary>
[Article("2")]
public static class OrganisationApi
{
    public sealed record UnitView(Guid Id, string Name, UnitType Type, string TypeName, Guid? ParentId);

    public sealed record PersonView(Guid Id, string Name, Guid UnitId, string UnitName, string Post, bool IsLeader, bool InLeadershipTeam);

    public sealed record UnitRequest(string? Name, UnitType Type, Guid? ParentId);

    public sealed record PersonRequest(string? Name, Guid UnitId, string? Post, bool IsLeader, bool InLeadershipTeam);

    public sealed record UserRequest(string? UserName, string? Password, string? DisplayName, Guid? PersonId, IReadOnlyList<Role>? Roles);

    public sealed record RolesRequest(IReadOnlyList<Role>? Roles);

    public sealed record UserView(Guid Id, string UserName, string DisplayName, Guid? PersonId, IReadOnlyList<Role> Roles, bool LockedOut);

    public static IEndpointRouteBuilder MapOrganisation(this IEndpointRouteBuilder app)
    {
        var directory = app.MapGroup("/api").WithTags("组织机构").RequireAuthorization();
        directory.MapGet("/units", ListUnitsAsync).WithSummary("单位（树形：parentId）");
        directory.MapGet("/persons", ListPersonsAsync).WithSummary("人员（可按单位 unitId、姓名 name 筛选）");

        var admin = app.MapGroup("/api/admin").WithTags("系统管理").RequireRoles(Role.SystemAdmin);
        admin.MapPost("/units", async (UnitRequest r, Actor actor, CommandRunner runner, CancellationToken ct) =>
            Results.Ok(await CreateUnitAsync(r, actor, runner, ct))).WithSummary("新增单位");
        admin.MapPost("/persons", async (PersonRequest r, Actor actor, CommandRunner runner, CancellationToken ct) =>
            Results.Ok(await CreatePersonAsync(r, actor, runner, ct))).WithSummary("新增人员");
        admin.MapGet("/users", ListUsersAsync).WithSummary("账号和角色");
        admin.MapPost("/users", async (UserRequest r, Actor actor, CommandRunner runner, UserManager<AppUser> users, CancellationToken ct) =>
            Results.Ok(await CreateUserAsync(r, actor, runner, users, ct))).WithSummary("新增账号");
        admin.MapPut("/users/{id:guid}/roles", async (Guid id, RolesRequest r, Actor actor, CommandRunner runner, UserManager<AppUser> users, CancellationToken ct) =>
            Results.Ok(await SetRolesAsync(id, r, actor, runner, users, ct))).WithSummary("设置账号角色");
        return app;
    }

    private static async Task<IReadOnlyList<UnitView>> ListUnitsAsync(SafeHarborDb db, CancellationToken ct) =>
        (await db.Units.AsNoTracking().OrderBy(u => u.SortOrder).ThenBy(u => u.Name).ToListAsync(ct))
            .Select(u => new UnitView(u.Id, u.Name, u.Type, u.Type.Chinese(), u.ParentId)).ToList();

    private static async Task<IReadOnlyList<PersonView>> ListPersonsAsync(Guid? unitId, string? name, SafeHarborDb db, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var query = db.Persons.AsNoTracking().Where(p => unitId == null || p.UnitId == unitId);
        if (!string.IsNullOrWhiteSpace(name))
        {
            query = query.Where(p => p.Name == name.Trim());
        }
        var persons = await query.OrderBy(p => p.Name).ToListAsync(ct);
        return persons.Select(p => new PersonView(p.Id, p.Name, p.UnitId, units.GetValueOrDefault(p.UnitId, ""), p.Post, p.IsLeader, p.InLeadershipTeam)).ToList();
    }

    private static async Task<IReadOnlyList<UserView>> ListUsersAsync(SafeHarborDb db, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
        return users.Select(u => new UserView(u.Id, u.UserName ?? "", u.DisplayName, u.PersonId,
            roles.Where(r => r.UserId == u.Id).Select(r => RoleNames.TryParse(r.Name, out var role) ? role : (Role?)null).OfType<Role>().ToList(),
            u.LockoutEnd > DateTimeOffset.UtcNow)).ToList();
    }

    public static Task<UnitView> CreateUnitAsync(UnitRequest r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            var v = new Validation()
                .RequireText(r.Name, "name", "单位名称", 100)
                .Require(Enum.IsDefined(r.Type), "type", "单位类型不正确。")
                .Require(r.ParentId is null || await ctx.Db.Units.AnyAsync(u => u.Id == r.ParentId, ct), "parentId", "上级单位不存在。");
            v.Require(r.Name is null || !await ctx.Db.Units.AnyAsync(u => u.Name == r.Name.Trim(), ct), "name", "已有同名单位。");
            v.ThrowIfInvalid();
            var unit = new Unit { Id = Guid.NewGuid(), Name = r.Name!.Trim(), Type = r.Type, ParentId = r.ParentId };
            ctx.Db.Units.Add(unit);
            ctx.Audit("CreateUnit", nameof(Unit), unit.Id.ToString(), null, Role.SystemAdmin.Chinese(), new { unit.Name, type = unit.Type.Chinese() });
            return new UnitView(unit.Id, unit.Name, unit.Type, unit.Type.Chinese(), unit.ParentId);
        }, ct);

    public static Task<PersonView> CreatePersonAsync(PersonRequest r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            var unit = await ctx.Db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == r.UnitId, ct);
            new Validation()
                .RequireText(r.Name, "name", "姓名", 50)
                .RequireText(r.Post, "post", "职务", 100)
                .Require(unit is not null, "unitId", "所在单位不存在。")
                .ThrowIfInvalid();
            var person = new Person { Id = Guid.NewGuid(), Name = r.Name!.Trim(), UnitId = r.UnitId, Post = r.Post!.Trim(), IsLeader = r.IsLeader, InLeadershipTeam = r.InLeadershipTeam };
            ctx.Db.Persons.Add(person);
            ctx.Audit("CreatePerson", nameof(Person), person.Id.ToString(), null, Role.SystemAdmin.Chinese(), new { person.Name, unit = unit!.Name, person.Post });
            return new PersonView(person.Id, person.Name, person.UnitId, unit.Name, person.Post, person.IsLeader, person.InLeadershipTeam);
        }, ct);

    public static Task<UserView> CreateUserAsync(UserRequest r, Actor actor, CommandRunner runner, UserManager<AppUser> users, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            var roles = r.Roles ?? [];
            new Validation()
                .RequireText(r.UserName, "userName", "用户名", 50)
                .RequireText(r.DisplayName, "displayName", "显示名称", 50)
                .RequireText(r.Password, "password", "初始密码", 100)
                .Require(r.PersonId is null || await ctx.Db.Persons.AnyAsync(p => p.Id == r.PersonId, ct), "personId", "关联人员不存在。")
                .Require(roles.All(Enum.IsDefined), "roles", "角色不正确。")
                .Require(SeparationOfAdministrators(roles), "roles", "系统管理员、安全管理员、审计管理员三个角色须由不同账号担任，且不能兼任业务角色（三员分立）。")
                .ThrowIfInvalid();
            var user = new AppUser { Id = Guid.NewGuid(), UserName = r.UserName!.Trim(), DisplayName = r.DisplayName!.Trim(), PersonId = r.PersonId, LockoutEnabled = true };
            ThrowOnFailure(await users.CreateAsync(user, r.Password!));
            foreach (var role in roles)
            {
                await EnsureRoleAsync(ctx.Db, role, ct);
                ThrowOnFailure(await users.AddToRoleAsync(user, role.ToString()));
            }
            ctx.Audit("CreateUser", "User", user.Id.ToString(), null, Role.SystemAdmin.Chinese(), new { user.UserName, roles = roles.Select(x => x.Chinese()) });
            return new UserView(user.Id, user.UserName, user.DisplayName, user.PersonId, roles, false);
        }, ct);

    public static Task<UserView> SetRolesAsync(Guid id, RolesRequest r, Actor actor, CommandRunner runner, UserManager<AppUser> users, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            var roles = r.Roles ?? [];
            new Validation()
                .Require(roles.All(Enum.IsDefined), "roles", "角色不正确。")
                .Require(SeparationOfAdministrators(roles), "roles", "系统管理员、安全管理员、审计管理员三个角色须由不同账号担任，且不能兼任业务角色（三员分立）。")
                .Require(id != actor.UserId, "roles", "不能修改自己账号的角色。")
                .ThrowIfInvalid();
            var user = await users.FindByIdAsync(id.ToString()) ?? throw DomainException.NotFound("user-not-found", "账号不存在。");
            var current = await users.GetRolesAsync(user);
            ThrowOnFailure(await users.RemoveFromRolesAsync(user, current));
            foreach (var role in roles)
            {
                await EnsureRoleAsync(ctx.Db, role, ct);
                ThrowOnFailure(await users.AddToRoleAsync(user, role.ToString()));
            }
            ctx.Audit("SetRoles", "User", user.Id.ToString(), null, Role.SystemAdmin.Chinese(), new { user.UserName, before = current, after = roles.Select(x => x.ToString()) });
            return new UserView(user.Id, user.UserName ?? "", user.DisplayName, user.PersonId, roles, false);
        }, ct);

    /// <summary>三员分立: at most one administrator role per account, and never with a business role.</summary>
    public static bool SeparationOfAdministrators(IReadOnlyCollection<Role> roles)
    {
        var admin = roles.Count(r => r is Role.SystemAdmin or Role.SecurityAdmin or Role.AuditAdmin);
        return admin == 0 || roles.Count == 1;
    }

    public static async Task EnsureRoleAsync(SafeHarborDb db, Role role, CancellationToken ct)
    {
        var name = role.ToString();
        if (!await db.Roles.AnyAsync(r => r.Name == name, ct) && !db.Roles.Local.Any(r => r.Name == name))
        {
            db.Roles.Add(new IdentityRole<Guid> { Id = Guid.NewGuid(), Name = name, NormalizedName = name.ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString() });
            await db.SaveChangesAsync(ct);
        }
    }

    private static void ThrowOnFailure(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw DomainException.Invalid("account-invalid", string.Join("；", result.Errors.Select(e => e.Description)));
        }
    }
}
