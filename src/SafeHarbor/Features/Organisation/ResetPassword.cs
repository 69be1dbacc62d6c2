using Microsoft.AspNetCore.Identity;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Security;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Organisation;

/// <summary>
/// The system administrator gives an account a new initial password (a user who forgot theirs), which the user must
/// change at the next sign-in. Never the security or audit administrator's (三员分立: the one who keeps accounts could
/// otherwise sign in as the ones who watch him).
/// </summary>
public static class ResetPassword
{
    public sealed record Request(string? NewPassword);

    public static async Task HandleAsync(Guid userId, Request r, Actor actor, UserManager<AppUser> users, SecurityEventLog events, TimeProvider time, CancellationToken ct)
    {
        AccountRules.RequireSystemAdmin(actor);
        new Validation().RequireText(r.NewPassword, "newPassword", "新的初始密码", 100).ThrowIfInvalid();
        // The request's context is scoped to the administrator's bureau: another bureau's account is not found.
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw DomainException.NotFound("user-not-found", "没有这个账号。");
        var roles = await users.GetRolesAsync(user);
        if (roles.Contains(nameof(Role.SecurityAdmin)) || roles.Contains(nameof(Role.AuditAdmin)))
        {
            throw DomainException.Forbidden("administrator-reset-refused", "系统管理员不能重置安全管理员、审计管理员的密码（三员分立）。");
        }
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, r.NewPassword!);
        if (!reset.Succeeded)
        {
            var messages = reset.Errors.Select(e => e.Description).ToArray();
            throw new DomainException(ErrorKind.Invalid, "password-rules", string.Join("", messages), new Dictionary<string, string[]> { ["newPassword"] = messages });
        }
        user.MustChangePassword = true;
        user.PasswordChangedAt = time.GetUtcNow();
        AccountRules.ThrowOnFailure(await users.UpdateAsync(user));
        await events.RecordAsync(new SecurityEvent(SecurityEventKinds.PasswordReset, user.BureauId, actor.UserId, actor.DisplayName, user.UserName!,
            new { account = user.UserName, by = actor.UserName, actingAs = Role.SystemAdmin.Chinese() }), ct);
    }
}
