using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Security;
using SafeHarbor.Infrastructure.Web;

namespace SafeHarbor.Features.Auth;

/// <summary>
/// What a signed-in account must do before anything else: change an initial, reset or expired password, then enrol
/// a second factor it must have but has not. Until it has, every page sends it to that page, and the API answers 403
/// with the reason, except the few addresses that do the step (and <c>/api/me</c>).
/// </summary>
public static class SignInGate
{
    public enum PendingStep
    {
        None,
        ChangePassword,
        EnrolSecondFactor,
    }

    public const string PasswordPage = "/Account/Password";
    public const string TwoFactorPage = "/Account/TwoFactor";

    public static async Task<PendingStep> PendingAsync(SafeHarborDb db, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        var user = await db.Users.IgnoreQueryFilters().AsNoTracking().SingleAsync(u => u.Id == actor.UserId, ct);
        var rules = await SecurityRules.ForBureauAsync(db, user.BureauId, ct);
        var expired = rules.PasswordExpiryDays > 0 && (user.PasswordChangedAt is not { } changed || changed.AddDays(rules.PasswordExpiryDays) <= now);
        if (user.MustChangePassword || expired)
        {
            return PendingStep.ChangePassword;
        }
        if (!user.TwoFactorEnabled && await SignInSteps.SecondFactorRequiredAsync(db, user, actor.Roles, ct))
        {
            return PendingStep.EnrolSecondFactor;
        }
        return PendingStep.None;
    }

    /// <summary>After the actor is loaded: holds every request that needs sign-in until the pending step is done.</summary>
    public static IApplicationBuilder UseSignInGate(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var endpoint = http.GetEndpoint();
        if (http.User.Identity?.IsAuthenticated == true
            && endpoint?.Metadata.GetMetadata<IAuthorizeData>() is not null
            && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null
            && !DoesThePendingStep(http.Request))
        {
            var services = http.RequestServices;
            var actor = await services.GetRequiredService<CurrentActor>().GetAsync(http.RequestAborted);
            var pending = await PendingAsync(services.GetRequiredService<SafeHarborDb>(), actor, services.GetRequiredService<TimeProvider>().GetUtcNow(), http.RequestAborted);
            if (pending != PendingStep.None)
            {
                if (ApiExceptionHandler.IsApi(http.Request.Path))
                {
                    await (pending == PendingStep.ChangePassword
                        ? ApiProblem.WriteAsync(http, StatusCodes.Status403Forbidden, "password-change-required", "请先修改密码（初始密码、重置后的密码或已过期的密码须修改后才能使用系统）：POST /api/auth/password。")
                        : ApiProblem.WriteAsync(http, StatusCodes.Status403Forbidden, "two-factor-enrolment-required", "您的账号须使用动态口令登录，请先绑定身份验证器 App：GET 和 POST /api/auth/two-factor。"));
                }
                else
                {
                    http.Response.Redirect(pending == PendingStep.ChangePassword ? PasswordPage : TwoFactorPage);
                }
                return;
            }
        }
        await next(http);
    });

    private static bool DoesThePendingStep(HttpRequest request) =>
        request.Path.Equals(PasswordPage, StringComparison.OrdinalIgnoreCase)
        || request.Path.Equals(TwoFactorPage, StringComparison.OrdinalIgnoreCase)
        || request.Path.Equals("/Account/Logout", StringComparison.OrdinalIgnoreCase)
        || request.Path.Equals("/api/me", StringComparison.OrdinalIgnoreCase)
        || (request.Path.Equals("/api/auth/password", StringComparison.OrdinalIgnoreCase) && HttpMethods.IsPost(request.Method))
        || request.Path.Equals("/api/auth/two-factor", StringComparison.OrdinalIgnoreCase);
}
