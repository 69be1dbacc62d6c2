using Microsoft.AspNetCore.Identity;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Security;

namespace SafeHarbor.Features.Auth;

/// <summary>
/// A user changes their own password (the current one, then a new one under the bureau's rules). Ends the duty to
/// change an initial or reset password and starts the password's age for the bureau's expiry.
/// </summary>
public static class ChangePassword
{
    public sealed record Request(string? CurrentPassword, string? NewPassword);

    public static async Task<AppUser> HandleAsync(Guid userId, Request r, UserManager<AppUser> users, SecurityEventLog events, TimeProvider time, CancellationToken ct)
    {
        new Validation()
            .RequireText(r.CurrentPassword, "currentPassword", "当前密码", 200)
            .RequireText(r.NewPassword, "newPassword", "新密码", 200)
            .Require(r.CurrentPassword is null || r.CurrentPassword != r.NewPassword, "newPassword", "新密码不能与当前密码相同。")
            .ThrowIfInvalid();
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw DomainException.Forbidden("account-disabled", "您的账号已停用或不存在，请联系系统管理员。");
        if (!await users.CheckPasswordAsync(user, r.CurrentPassword!))
        {
            throw new DomainException(ErrorKind.Invalid, "password-wrong", "当前密码不正确。",
                new Dictionary<string, string[]> { ["currentPassword"] = ["当前密码不正确。"] });
        }
        var changed = await users.ChangePasswordAsync(user, r.CurrentPassword!, r.NewPassword!);
        if (!changed.Succeeded)
        {
            var messages = changed.Errors.Select(e => e.Description).ToArray();
            throw new DomainException(ErrorKind.Invalid, "password-rules", string.Join("", messages), new Dictionary<string, string[]> { ["newPassword"] = messages });
        }
        user.MustChangePassword = false;
        user.PasswordChangedAt = time.GetUtcNow();
        await users.UpdateAsync(user);
        await events.RecordAsync(new SecurityEvent(SecurityEventKinds.PasswordChanged, user.BureauId, user.Id, user.DisplayName, user.UserName!), ct);
        return user;
    }
}
