using Microsoft.AspNetCore.Identity;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Auth;

public static class AuthApi
{
    public sealed record LoginRequest(string? UserName, string? Password);

    public sealed record MeResponse(
        Guid UserId,
        string UserName,
        string DisplayName,
        IReadOnlyList<string> Roles,
        IReadOnlyList<string> RoleNames,
        Guid? PersonId,
        Guid? UnitId,
        string? UnitName,
        bool IsLeader);

    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("登录");
        group.MapPost("/login", Login)
            .AllowAnonymous()
            .WithSummary("登录，取得访问令牌（Bearer）")
            .WithDescription("成功时返回 tokenType、accessToken、expiresIn、refreshToken；之后的请求带上 Authorization: Bearer <accessToken>。");
        app.MapGet("/api/me", Me).RequireAuthorization().WithTags("登录").WithSummary("当前用户、角色和所在单位");
        return app;
    }

    private static async Task<IResult> Login(LoginRequest request, SignInManager<AppUser> signIn, UserManager<AppUser> users)
    {
        new Validation()
            .RequireText(request.UserName, "userName", "用户名", 100)
            .RequireText(request.Password, "password", "密码", 200)
            .ThrowIfInvalid();
        var user = await users.FindByNameAsync(request.UserName!.Trim());
        if (user is null)
        {
            throw DomainException.Invalid("login-failed", "用户名或密码错误。");
        }
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(user, request.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            throw DomainException.Forbidden("account-locked", "密码连续输错次数过多，账号已暂时锁定，请 15 分钟后再试或联系安全管理员。");
        }
        if (!result.Succeeded)
        {
            throw DomainException.Invalid("login-failed", "用户名或密码错误。");
        }
        // The bearer handler has written the token response during sign-in.
        return Results.Empty;
    }

    private static async Task<MeResponse> Me(Actor actor, SafeHarborDb db, CancellationToken ct)
    {
        var unitName = actor.UnitId is { } u ? db.Units.Where(x => x.Id == u).Select(x => x.Name).FirstOrDefault() : null;
        var roles = actor.Roles.OrderBy(r => r).ToList();
        return new MeResponse(actor.UserId, actor.UserName, actor.DisplayName, roles.Select(r => r.ToString()).ToList(),
            roles.Select(r => r.Chinese()).ToList(), actor.PersonId, actor.UnitId, unitName, actor.IsLeader);
    }
}
