using Microsoft.AspNetCore.Identity;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Security;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Auth;

/// <summary>
/// The steps of signing in that the page and the API share: the password (with the lock per user name and address,
/// and the same work and the same answer for a user name that does not exist), then the second factor, each
/// failure and success recorded in the audit chain.
/// </summary>
public sealed class SignInSteps(UserManager<AppUser> users, SignInThrottle throttle, DummyPasswordHash dummy, SecurityEventLog events, IHttpContextAccessor http)
{
    public enum StepResult
    {
        /// <summary>Wrong user name or password: the same answer either way.</summary>
        Failed,
        /// <summary>Too many failures of this name from this address.</summary>
        LockedOut,
        /// <summary>The password is right and the account has no second factor: sign in.</summary>
        Succeeded,
        /// <summary>The password is right; the account's authenticator code comes next.</summary>
        SecondFactorNeeded,
    }

    public const string FailedMessage = "用户名或密码错误。";
    public const string SecondFactorMessage = "请输入动态口令（身份验证器 App 中的 6 位数字）或一个恢复码。";
    public const string SecondFactorWrongMessage = "动态口令或恢复码不正确，请核对手机上的身份验证器 App 后重试。";

    private string Address => http.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? "";

    /// <param name="via">页面 or API, as the audit entry records it.</param>
    public async Task<(StepResult Result, AppUser? User)> CheckPasswordAsync(string userName, string password, string via, CancellationToken ct)
    {
        var typed = userName.Trim();
        if (await throttle.IsLockedAsync(typed, Address, ct))
        {
            var locked = await users.FindByNameAsync(typed);
            await FailedAsync(typed, locked, "账号在此地址已锁定，未核对密码", via, ct, count: false);
            return (StepResult.LockedOut, null);
        }
        var user = await users.FindByNameAsync(typed);
        bool passwordRight;
        if (user is null)
        {
            dummy.Verify(password);
            passwordRight = false;
        }
        else
        {
            passwordRight = await users.CheckPasswordAsync(user, password);
        }
        if (!passwordRight)
        {
            var lockedNow = await FailedAsync(typed, user, user is null ? "用户名不存在" : "密码错误", via, ct);
            return (lockedNow ? StepResult.LockedOut : StepResult.Failed, null);
        }
        return (user!.TwoFactorEnabled ? StepResult.SecondFactorNeeded : StepResult.Succeeded, user);
    }

    /// <summary>A 6-digit code of the authenticator, or one of the recovery codes (used up by this).</summary>
    public async Task<StepResult> CheckSecondFactorAsync(AppUser user, string? code, string? recoveryCode, string via, CancellationToken ct)
    {
        if (await throttle.IsLockedAsync(user.UserName!, Address, ct))
        {
            await FailedAsync(user.UserName!, user, "账号在此地址已锁定，未核对动态口令", via, ct, count: false);
            return StepResult.LockedOut;
        }
        var digits = code?.Replace(" ", "").Replace("-", "").Trim();
        var right = !string.IsNullOrEmpty(digits)
            ? await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits)
            : !string.IsNullOrWhiteSpace(recoveryCode) && (await users.RedeemTwoFactorRecoveryCodeAsync(user, recoveryCode.Replace(" ", "").Trim())).Succeeded;
        if (!right)
        {
            return await FailedAsync(user.UserName!, user, string.IsNullOrEmpty(digits) ? "恢复码错误" : "动态口令错误", via, ct) ? StepResult.LockedOut : StepResult.Failed;
        }
        return StepResult.Succeeded;
    }

    /// <summary>Forgets this address's failures and records the sign-in.</summary>
    public async Task SucceededAsync(AppUser user, string via, string factors, CancellationToken ct)
    {
        await throttle.ClearAsync(user.UserName!, Address, ct);
        await events.RecordAsync(new SecurityEvent(SecurityEventKinds.SignIn, user.BureauId, user.Id, user.DisplayName, user.UserName!,
            new { via, factors }), ct);
    }

    /// <summary>Whether the account must sign in with a second factor: the three administrators always, everyone when the bureau says so.</summary>
    public static async Task<bool> SecondFactorRequiredAsync(SafeHarborDb db, AppUser user, IEnumerable<Role> roles, CancellationToken ct) =>
        roles.Any(r => r is Role.SystemAdmin or Role.SecurityAdmin or Role.AuditAdmin)
        || (await SecurityRules.ForBureauAsync(db, user.BureauId, ct)).TwoFactorForEveryone;

    /// <summary>
    /// Records the failure and, unless it is a try while locked (<paramref name="count"/> false), counts it; true when
    /// this failure locked the name at this address (the lockout is recorded too).
    /// </summary>
    private async Task<bool> FailedAsync(string typed, AppUser? user, string reason, string via, CancellationToken ct, bool count = true)
    {
        var locked = count && await throttle.RecordFailureAsync(typed, Address, ct);
        // The user name as typed, never the password.
        await events.RecordAsync(new SecurityEvent(SecurityEventKinds.SignInFailed, user?.BureauId, user?.Id, user?.DisplayName ?? typed, user?.UserName ?? typed,
            new { via, reason }), ct);
        if (locked)
        {
            await events.RecordAsync(new SecurityEvent(SecurityEventKinds.LockedOut, user?.BureauId, user?.Id, user?.DisplayName ?? typed, user?.UserName ?? typed,
                new { via, failures = SignInThrottle.MaxFailures, minutes = (int)SignInThrottle.Window.TotalMinutes }), ct);
        }
        return locked;
    }
}
