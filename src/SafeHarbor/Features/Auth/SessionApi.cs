using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Security;

namespace SafeHarbor.Features.Auth;

/// <summary>
/// The life of a session after sign-in: renewing a bearer token with its refresh token, signing out (which ends every
/// session and token of the account), and keeping a page session alive from the idle warning (session.js).
/// </summary>
public static class SessionApi
{
    public sealed record RefreshRequest(string? RefreshToken);

    public static IEndpointRouteBuilder MapSessions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("登录");
        group.MapPost("/refresh", Refresh)
            .AllowAnonymous()
            .WithSummary("用刷新令牌换取新的访问令牌")
            .WithDescription("请求体 {\"refreshToken\": \"…\"}，取登录或上一次刷新返回的 refreshToken。成功时返回新的 accessToken（默认 15 分钟有效）和新的 refreshToken。"
                + "自登录起超过本局的会话绝对时限（默认 12 小时），或账号已退出登录、改过密码、变更过角色时，返回 401，须重新登录。");
        group.MapPost("/logout", Logout)
            .RequireAuthorization()
            .WithSummary("退出登录")
            .WithDescription("结束该账号的全部会话：此后该账号此前取得的所有访问令牌、刷新令牌和页面登录均失效。返回 204。");
        app.MapPost("/Account/KeepAlive", KeepAlive)
            .RequireAuthorization(SecuritySetup.WebPolicy)
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// A new access token for a refresh token that has not expired, whose account still has the stamp it was issued
    /// with, and whose chain of refreshes started within the bureau's absolute limit.
    /// </summary>
    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> Refresh(
        RefreshRequest request, SignInManager<AppUser> signIn, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider time, SafeHarborDb db, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var ticket = string.IsNullOrWhiteSpace(request.RefreshToken) ? null
            : bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken.Trim());
        if (ticket?.Properties.ExpiresUtc is not { } expires || now >= expires)
        {
            return Refused("refresh-invalid", "刷新令牌无效或已过期，请重新登录。");
        }
        if (await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
        {
            return Refused("session-ended", "该账号已退出登录，或密码、角色已变更，请重新登录。");
        }
        var rules = await SecurityRules.ForBureauAsync(db, user.BureauId, ct);
        if (Sessions.SignedInAt(ticket.Principal) is not { } signedInAt || now >= signedInAt.AddHours(rules.AbsoluteTimeoutHours))
        {
            return Refused("session-expired", $"自登录起已超过 {rules.AbsoluteTimeoutHours} 小时，请重新登录。");
        }
        var principal = await signIn.CreateUserPrincipalAsync(user);
        // The chain keeps the time of the password sign-in, so refreshing cannot stretch it past the absolute limit.
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.RemoveClaim(identity.FindFirst(Sessions.SignedInAtClaim));
        identity.AddClaim(ticket.Principal.FindFirst(Sessions.SignedInAtClaim)!);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static async Task<NoContent> Logout(ClaimsPrincipal user, UserManager<AppUser> users, SecurityEventLog events, CancellationToken ct)
    {
        await SignOutEverywhereAsync(user, users, events, ct);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Reached only with a live session, which the cookie check (Sessions) has just slid; answers how many seconds are
    /// left so the page can set its warning anew. The form carries the antiforgery token.
    /// </summary>
    private static async Task<IResult> KeepAlive(HttpContext http, IAntiforgery antiforgery, TimeProvider time)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Results.BadRequest();
        }
        var left = http.Items[SessionTimes.ItemKey] is SessionTimes times ? times.SecondsLeft(time.GetUtcNow()) : 0;
        return Results.Json(new { secondsLeft = left });
    }

    /// <summary>
    /// Ends every session and token of the signed-in account: a new security stamp makes every cookie and bearer or
    /// refresh token issued before it invalid on its next use. Recorded as a security event.
    /// </summary>
    public static async Task SignOutEverywhereAsync(ClaimsPrincipal principal, UserManager<AppUser> users, SecurityEventLog events, CancellationToken ct)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return;
        }
        await users.UpdateSecurityStampAsync(user);
        await events.RecordAsync(new SecurityEvent(SecurityEventKinds.SignOut, user.BureauId, user.Id, user.DisplayName, user.UserName ?? ""), ct);
    }

    private static ProblemHttpResult Refused(string code, string title) => TypedResults.Problem(
        title: title, statusCode: StatusCodes.Status401Unauthorized, type: $"https://safeharbor.local/problems/{code}",
        extensions: new Dictionary<string, object?> { ["code"] = code });
}
