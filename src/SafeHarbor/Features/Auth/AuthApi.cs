using Microsoft.AspNetCore.Identity;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Security;
using SafeHarbor.Infrastructure.Web;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Auth;

public static class AuthApi
{
    public sealed record LoginRequest(string? UserName, string? Password, string? TwoFactorCode = null, string? RecoveryCode = null);

    public sealed record MeResponse(
        Guid UserId,
        string UserName,
        string DisplayName,
        IReadOnlyList<string> Roles,
        IReadOnlyList<string> RoleNames,
        Guid? PersonId,
        Guid? UnitId,
        string? UnitName,
        bool IsLeader,
        string PendingStep);

    private const string Via = "API";

    public static IServiceCollection AddAuth(this IServiceCollection services) => services.AddScoped<SignInSteps>();

    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("登录");
        group.MapPost("/login", Login)
            .AllowAnonymous()
            .WithSummary("登录，取得访问令牌（Bearer）")
            .WithDescription("成功时返回 tokenType、accessToken（默认 15 分钟有效）、expiresIn、refreshToken；之后的请求带上 Authorization: Bearer <accessToken>，到期前用 POST /api/auth/refresh 换取新的令牌。已绑定动态口令的账号须同时提交 twoFactorCode（6 位动态口令）或 recoveryCode（恢复码），缺少或不正确时答 401（code two-factor-required）。同一用户名在同一地址连续失败 5 次锁定 15 分钟（403 account-locked）。");
        group.MapPost("/password", async (ChangePassword.Request r, Actor actor, UserManager<AppUser> users, SecurityEventLog events, TimeProvider time, CancellationToken ct) =>
            {
                await ChangePassword.HandleAsync(actor.UserId, r, users, events, time, ct);
                return Results.NoContent();
            })
            .RequireAuthorization()
            .WithSummary("修改本人密码（currentPassword、newPassword）");
        group.MapGet("/two-factor", async (Actor actor, SafeHarborDb db, UserManager<AppUser> users, CancellationToken ct) =>
            {
                var user = await UserAsync(actor, users);
                return await TwoFactorEnrolment.StateAsync(user, await SignInSteps.SecondFactorRequiredAsync(db, user, actor.Roles, ct), users);
            })
            .RequireAuthorization()
            .WithSummary("动态口令：是否已绑定、是否必须；未绑定时给出密钥（sharedKey）和 otpauth 地址");
        group.MapPost("/two-factor", async (TwoFactorEnrolment.ConfirmRequest r, Actor actor, UserManager<AppUser> users, SecurityEventLog events, CancellationToken ct) =>
                await TwoFactorEnrolment.ConfirmAsync(await UserAsync(actor, users), r.Code, users, events, ct))
            .RequireAuthorization()
            .WithSummary("以身份验证器 App 的 6 位动态口令确认绑定，返回 10 个恢复码（只显示这一次）");
        app.MapGet("/api/me", Me).RequireAuthorization().WithTags("登录").WithSummary("当前用户、角色和所在单位，以及登录后须先完成的步骤（pendingStep）");
        return app;
    }

    private static async Task<IResult> Login(LoginRequest request, SignInSteps steps, SignInManager<AppUser> signIn, CancellationToken ct)
    {
        new Validation()
            .RequireText(request.UserName, "userName", "用户名", 100)
            .RequireText(request.Password, "password", "密码", 200)
            .ThrowIfInvalid();
        var (outcome, user) = await steps.CheckPasswordAsync(request.UserName!, request.Password!, Via, ct);
        ThrowUnlessPassed(outcome);
        var factors = "密码";
        if (outcome == SignInSteps.StepResult.SecondFactorNeeded)
        {
            if (string.IsNullOrWhiteSpace(request.TwoFactorCode) && string.IsNullOrWhiteSpace(request.RecoveryCode))
            {
                return ApiProblem.Result(StatusCodes.Status401Unauthorized, "two-factor-required", SignInSteps.SecondFactorMessage);
            }
            var second = await steps.CheckSecondFactorAsync(user!, request.TwoFactorCode, request.RecoveryCode, Via, ct);
            if (second == SignInSteps.StepResult.Failed)
            {
                return ApiProblem.Result(StatusCodes.Status401Unauthorized, "two-factor-required", SignInSteps.SecondFactorWrongMessage);
            }
            ThrowUnlessPassed(second);
            factors = string.IsNullOrWhiteSpace(request.TwoFactorCode) ? "密码、恢复码" : "密码、动态口令";
        }
        await steps.SucceededAsync(user!, Via, factors, ct);
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        await signIn.SignInAsync(user!, isPersistent: false);
        // The bearer handler has written the token response during sign-in.
        return Results.Empty;
    }

    private static void ThrowUnlessPassed(SignInSteps.StepResult outcome)
    {
        switch (outcome)
        {
            case SignInSteps.StepResult.LockedOut:
                throw DomainException.Forbidden("account-locked", SignInThrottle.LockedMessage);
            case SignInSteps.StepResult.Failed:
                throw DomainException.Invalid("login-failed", SignInSteps.FailedMessage);
        }
    }

    private static async Task<AppUser> UserAsync(Actor actor, UserManager<AppUser> users) =>
        await users.FindByIdAsync(actor.UserId.ToString()) ?? throw DomainException.Forbidden("account-disabled", "您的账号已停用或不存在，请联系系统管理员。");

    private static async Task<MeResponse> Me(Actor actor, SafeHarborDb db, TimeProvider time, CancellationToken ct)
    {
        var unitName = actor.UnitId is { } u ? db.Units.Where(x => x.Id == u).Select(x => x.Name).FirstOrDefault() : null;
        var roles = actor.Roles.OrderBy(r => r).ToList();
        var pending = await SignInGate.PendingAsync(db, actor, time.GetUtcNow(), ct);
        return new MeResponse(actor.UserId, actor.UserName, actor.DisplayName, roles.Select(r => r.ToString()).ToList(),
            roles.Select(r => r.Chinese()).ToList(), actor.PersonId, actor.UnitId, unitName, actor.IsLeader, pending.ToString());
    }
}
