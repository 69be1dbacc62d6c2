using Microsoft.AspNetCore.Identity;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Security;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Security;

/// <summary>The security administrator's API (安全管理员 only).</summary>
public static class SecurityApi
{
    public static IEndpointRouteBuilder MapSecurity(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/security").WithTags("安全管理").RequireRoles(Role.SecurityAdmin);
        group.MapGet("/settings", SecurityAdministration.GetAsync).WithSummary("本局安全策略（密码、动态口令、会话超时）");
        group.MapPut("/settings", SecurityAdministration.UpdateAsync).WithSummary("修改本局安全策略（记入审计日志，含修改前后）");
        group.MapGet("/accounts", SecurityAdministration.AccountsAsync).WithSummary("本局账号：是否已绑定动态口令、是否被锁定（lockedUntil）");
        group.MapPost("/users/{id:guid}/unlock", async (Guid id, Actor actor, UserManager<AppUser> users, SignInThrottle throttle, SecurityEventLog events, CancellationToken ct) =>
        {
            await SecurityAdministration.UnlockAsync(id, actor, users, throttle, events, ct);
            return Results.NoContent();
        }).WithSummary("解除账号锁定（所有地址）");
        group.MapPost("/users/{id:guid}/two-factor/reset", async (Guid id, Actor actor, UserManager<AppUser> users, SecurityEventLog events, CancellationToken ct) =>
        {
            await SecurityAdministration.ResetTwoFactorAsync(id, actor, users, events, ct);
            return Results.NoContent();
        }).WithSummary("重置账号的动态口令（本人下次登录时重新绑定）");
        return app;
    }
}
