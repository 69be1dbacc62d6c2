using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Security;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Organisation;

/// <summary>Units, persons and accounts, kept by the system administrator; roles, granted by the security administrator. Nobody reads cases through this.</summary>
[Article("2")]
public static class OrganisationApi
{
    public static IEndpointRouteBuilder MapOrganisation(this IEndpointRouteBuilder app)
    {
        var directory = app.MapGroup("/api").WithTags("组织机构").RequireAuthorization();
        directory.MapGet("/units", ListUnits.HandleAsync).WithSummary("单位（树形：parentId）");
        directory.MapGet("/persons", ListPersons.HandleAsync).WithSummary("人员（可按单位 unitId、姓名 name 筛选）");

        var admin = app.MapGroup("/api/admin").WithTags("系统管理").RequireRoles(Role.SystemAdmin);
        admin.MapPost("/units", async (CreateUnit.Request r, Actor actor, CommandRunner runner, CancellationToken ct) =>
            Results.Ok(await CreateUnit.HandleAsync(r, actor, runner, ct))).WithSummary("新增单位");
        admin.MapPost("/persons", async (CreatePerson.Request r, Actor actor, CommandRunner runner, CancellationToken ct) =>
            Results.Ok(await CreatePerson.HandleAsync(r, actor, runner, ct))).WithSummary("新增人员");
        admin.MapGet("/bureaus", ListBureaus.HandleAsync).WithSummary("本局及下属县区局");
        admin.MapPost("/bureaus", async (CreateBureau.Request r, Actor actor, CommandRunner runner, UserManager<AppUser> users, IServiceScopeFactory scopes, CancellationToken ct) =>
            Results.Ok(await CreateBureau.HandleAsync(r, actor, runner, users, scopes, ct))).WithSummary("新增县区局及其系统管理员（市局系统管理员）");
        admin.MapPut("/bureau", async (BureauNames r, Actor actor, CommandRunner runner, CancellationToken ct) =>
            Results.Ok(await UpdateBureauNames.HandleAsync(r, actor, runner, ct))).WithSummary("修改本局名称（公文版头、发文机关代字、党组等机构名称）");
        admin.MapGet("/users", ListUsers.HandleAsync).WithSummary("账号和角色");
        admin.MapPost("/users", async (CreateUser.Request r, Actor actor, CommandRunner runner, UserManager<AppUser> users, CancellationToken ct) =>
            Results.Ok(await CreateUser.HandleAsync(r, actor, runner, users, ct))).WithSummary("新增账号（不含角色；本局尚无安全管理员时可新增一个安全管理员账号）");
        admin.MapPost("/users/{id:guid}/password", async (Guid id, ResetPassword.Request r, Actor actor, UserManager<AppUser> users, SecurityEventLog events, TimeProvider time, CancellationToken ct) =>
            {
                await ResetPassword.HandleAsync(id, r, actor, users, events, time, ct);
                return Results.NoContent();
            }).WithSummary("重置账号密码（newPassword 为新的初始密码，本人下次登录须修改；不能重置安全管理员、审计管理员）");

        // 三员分立: roles are the security administrator's to grant, never the system administrator's.
        var security = app.MapGroup("/api/security").WithTags("安全管理").RequireRoles(Role.SecurityAdmin);
        security.MapGet("/users", ListUsers.HandleAsync).WithSummary("账号和角色");
        security.MapPut("/users/{id:guid}/roles", async (Guid id, SetRoles.Request r, Actor actor, CommandRunner runner, UserManager<AppUser> users, CancellationToken ct) =>
            Results.Ok(await SetRoles.HandleAsync(id, r, actor, runner, users, ct))).WithSummary("授予或收回账号角色（不能修改自己的账号）");
        return app;
    }
}
