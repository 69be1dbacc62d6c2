using Microsoft.AspNetCore.Identity;
using QRCoder;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Security;

namespace SafeHarbor.Features.Auth;

/// <summary>
/// Enrolling an authenticator app (TOTP, RFC 6238, through Identity's authenticator token provider): the account's
/// key shown as a QR code and as text, confirmed with a code from the app, then ten recovery codes shown once.
/// </summary>
public static class TwoFactorEnrolment
{
    public const int RecoveryCodeCount = 10;

    /// <summary>Where the account stands; the key and its <c>otpauth://</c> address only while not yet enrolled.</summary>
    public sealed record State(bool Enabled, bool Required, string? SharedKey, string? AuthenticatorUri);

    public sealed record ConfirmRequest(string? Code);

    public sealed record Confirmed(IReadOnlyList<string> RecoveryCodes);

    public static async Task<State> StateAsync(AppUser user, bool required, UserManager<AppUser> users)
    {
        if (user.TwoFactorEnabled)
        {
            return new State(true, required, null, null);
        }
        var key = await KeyAsync(user, users);
        return new State(false, required, FormatKey(key), AuthenticatorUri(user.UserName!, key));
    }

    /// <summary>
    /// The account's pending key, made on first use (kept until confirmed, so the QR code and the text agree on every
    /// reload). Stored as Identity's reset would store it but without a new security stamp: showing the key must not end
    /// the session that is enrolling (a stamp change ends every session and token, ADR 17); confirming it does.
    /// </summary>
    public static async Task<string> KeyAsync(AppUser user, UserManager<AppUser> users)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            key = users.GenerateNewAuthenticatorKey();
            AccountResult(await users.SetAuthenticationTokenAsync(user, AuthenticatorKeyProvider, AuthenticatorKeyName, key));
        }
        return key;
    }

    // Where Identity's user store keeps the authenticator key (UserManager.GetAuthenticatorKeyAsync reads it there).
    private const string AuthenticatorKeyProvider = "[AspNetUserStore]";
    private const string AuthenticatorKeyName = "AuthenticatorKey";

    public static async Task<Confirmed> ConfirmAsync(AppUser user, string? code, UserManager<AppUser> users, SecurityEventLog events, CancellationToken ct)
    {
        if (user.TwoFactorEnabled)
        {
            throw DomainException.Conflict("two-factor-enrolled", "您已绑定动态口令。如需更换手机，请联系安全管理员重置。");
        }
        var digits = code?.Replace(" ", "").Replace("-", "").Trim();
        new Validation().Require(!string.IsNullOrEmpty(digits), "code", "请填写身份验证器 App 显示的 6 位动态口令。").ThrowIfInvalid();
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits!))
        {
            throw new DomainException(ErrorKind.Invalid, "two-factor-code-wrong", "动态口令不正确。请确认手机时间准确，并输入 App 当前显示的 6 位数字。",
                new Dictionary<string, string[]> { ["code"] = ["动态口令不正确。"] });
        }
        AccountResult(await users.SetTwoFactorEnabledAsync(user, true));
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        await events.RecordAsync(new SecurityEvent(SecurityEventKinds.TwoFactorEnrolled, user.BureauId, user.Id, user.DisplayName, user.UserName!), ct);
        return new Confirmed(codes);
    }

    /// <summary>The address an authenticator app reads from the QR code (Key Uri Format: issuer, account, base32 secret).</summary>
    public static string AuthenticatorUri(string userName, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString($"SafeHarbor:{userName}")}?secret={key}&issuer=SafeHarbor&digits=6";

    /// <summary>The QR code as a PNG image (served from its own address: the page has no data: URL and no script).</summary>
    public static byte[] QrCodePng(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        return new PngByteQRCode(data).GetGraphic(6);
    }

    /// <summary>The key in groups of four lower-case characters, easier to type into an app by hand.</summary>
    public static string FormatKey(string key) =>
        string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));

    private static void AccountResult(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw DomainException.Invalid("account-invalid", string.Join("；", result.Errors.Select(e => e.Description)));
        }
    }
}
