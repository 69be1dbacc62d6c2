using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Security;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Security;

/// <summary>
/// What the security administrator (安全管理员) keeps: the bureau's password, second-factor and session rules, the
/// accounts locked by failed sign-ins, and second factors to reset. Each change is a security event in the chain.
/// </summary>
public static class SecurityAdministration
{
    public sealed record Settings(int PasswordMinLength, int PasswordCharacterClasses, int PasswordExpiryDays, bool TwoFactorForEveryone, int IdleTimeoutMinutes, int AbsoluteTimeoutHours)
    {
        public static Settings Of(SecuritySettings s) => new(s.PasswordMinLength, s.PasswordCharacterClasses, s.PasswordExpiryDays, s.TwoFactorForEveryone, s.IdleTimeoutMinutes, s.AbsoluteTimeoutHours);
    }

    /// <summary>An account of the bureau with its second factor and whether it is locked now, and until when at the latest.</summary>
    public sealed record AccountRow(Guid Id, string UserName, string DisplayName, bool TwoFactorEnabled, DateTimeOffset? LockedUntil);

    public static void RequireSecurityAdmin(Actor actor)
    {
        if (!actor.Has(Role.SecurityAdmin))
        {
            throw DomainException.Forbidden("security-admin-only", "只有安全管理员可以设置安全策略、解除锁定和重置动态口令。");
        }
    }

    public static async Task<Settings> GetAsync(Actor actor, SafeHarborDb db, CancellationToken ct)
    {
        RequireSecurityAdmin(actor);
        return Settings.Of(await SecurityRules.ForBureauAsync(db, actor.BureauId, ct));
    }

    public static async Task<Settings> UpdateAsync(Settings r, Actor actor, SafeHarborDb db, SecurityEventLog events, CancellationToken ct)
    {
        RequireSecurityAdmin(actor);
        new Validation()
            .Require(r.PasswordMinLength is >= 8 and <= 64, "passwordMinLength", "密码最短长度须在 8 到 64 位之间（等保三级要求至少 8 位）。")
            .Require(r.PasswordCharacterClasses is >= 2 and <= 4, "passwordCharacterClasses", "密码须包含的字符种类须在 2 到 4 类之间。")
            .Require(r.PasswordExpiryDays is >= 0 and <= 3650, "passwordExpiryDays", "密码有效期须在 0（不过期）到 3650 天之间。")
            .Require(r.IdleTimeoutMinutes is >= 1 and <= 120, "idleTimeoutMinutes", "无操作超时须在 1 到 120 分钟之间。")
            .Require(r.AbsoluteTimeoutHours is >= 1 and <= 24, "absoluteTimeoutHours", "登录最长有效时间须在 1 到 24 小时之间。")
            .ThrowIfInvalid();
        var row = await db.SecuritySettings.SingleOrDefaultAsync(s => s.BureauId == actor.BureauId, ct);
        var before = Settings.Of(row ?? SecuritySettings.Defaults(actor.BureauId));
        if (row is null)
        {
            row = SecuritySettings.Defaults(actor.BureauId);
            db.SecuritySettings.Add(row);
        }
        (row.PasswordMinLength, row.PasswordCharacterClasses, row.PasswordExpiryDays, row.TwoFactorForEveryone, row.IdleTimeoutMinutes, row.AbsoluteTimeoutHours) =
            (r.PasswordMinLength, r.PasswordCharacterClasses, r.PasswordExpiryDays, r.TwoFactorForEveryone, r.IdleTimeoutMinutes, r.AbsoluteTimeoutHours);
        await db.SaveChangesAsync(ct);
        await events.RecordAsync(new SecurityEvent(SecurityEventKinds.SettingsChanged, actor.BureauId, actor.UserId, actor.DisplayName, actor.UserName,
            new { before, after = r }), ct);
        return r;
    }

    public static async Task<IReadOnlyList<AccountRow>> AccountsAsync(Actor actor, SafeHarborDb db, TimeProvider time, CancellationToken ct)
    {
        RequireSecurityAdmin(actor);
        var now = time.GetUtcNow();
        // The request's context sees the bureau's own accounts only.
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName)
            .Select(u => new { u.Id, u.UserName, u.NormalizedUserName, u.DisplayName, u.TwoFactorEnabled }).ToListAsync(ct);
        var locks = (await db.Set<SignInFailure>().Where(f => f.LockedUntil > now).Select(f => new { f.UserName, f.LockedUntil }).ToListAsync(ct))
            .GroupBy(f => f.UserName).ToDictionary(g => g.Key, g => g.Max(f => f.LockedUntil));
        return users.Select(u => new AccountRow(u.Id, u.UserName ?? "", u.DisplayName, u.TwoFactorEnabled, locks.GetValueOrDefault(u.NormalizedUserName ?? ""))).ToList();
    }

    /// <summary>Lifts the account's locks from every address; nothing to lift is refused, so a second click says so.</summary>
    public static async Task UnlockAsync(Guid userId, Actor actor, UserManager<AppUser> users, SignInThrottle throttle, SecurityEventLog events, CancellationToken ct)
    {
        RequireSecurityAdmin(actor);
        var user = await FindAsync(userId, users);
        var lifted = await throttle.UnlockAsync(user.UserName!, ct);
        if (lifted == 0)
        {
            throw DomainException.Conflict("not-locked", $"账号“{user.UserName}”当前没有被锁定。");
        }
        await events.RecordAsync(new SecurityEvent(SecurityEventKinds.Unlocked, user.BureauId, actor.UserId, actor.DisplayName, user.UserName!,
            new { account = user.UserName, addresses = lifted, by = actor.UserName }), ct);
    }

    /// <summary>Takes the account's authenticator away (a lost phone): it enrols again at its next sign-in, with a new key.</summary>
    public static async Task ResetTwoFactorAsync(Guid userId, Actor actor, UserManager<AppUser> users, SecurityEventLog events, CancellationToken ct)
    {
        RequireSecurityAdmin(actor);
        var user = await FindAsync(userId, users);
        if (!user.TwoFactorEnabled)
        {
            throw DomainException.Conflict("two-factor-not-enrolled", $"账号“{user.UserName}”尚未绑定动态口令，无需重置。");
        }
        Check(await users.SetTwoFactorEnabledAsync(user, false));
        Check(await users.ResetAuthenticatorKeyAsync(user));
        await events.RecordAsync(new SecurityEvent(SecurityEventKinds.TwoFactorReset, user.BureauId, actor.UserId, actor.DisplayName, user.UserName!,
            new { account = user.UserName, by = actor.UserName }), ct);
    }

    private static async Task<AppUser> FindAsync(Guid userId, UserManager<AppUser> users) =>
        await users.FindByIdAsync(userId.ToString()) ?? throw DomainException.NotFound("user-not-found", "没有这个账号。");

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw DomainException.Invalid("account-invalid", string.Join("；", result.Errors.Select(e => e.Description)));
        }
    }
}
