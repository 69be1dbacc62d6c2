using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Organisation;

namespace SafeHarbor.Infrastructure.Security;

/// <summary>The kinds of security event recorded in the audit chain (<see cref="Audit.AuditEntry.EntityType"/> <c>Security</c>), with their Chinese names.</summary>
public static class SecurityEventKinds
{
    public const string EntityType = "Security";

    public const string SignIn = "SignIn";
    public const string SignInFailed = "SignInFailed";
    public const string LockedOut = "LockedOut";
    public const string Unlocked = "Unlocked";
    public const string SignOut = "SignOut";
    public const string TwoFactorEnrolled = "TwoFactorEnrolled";
    public const string TwoFactorReset = "TwoFactorReset";
    public const string PasswordChanged = "PasswordChanged";
    public const string PasswordReset = "PasswordReset";
    public const string AccessDenied = "AccessDenied";
    public const string Export = "Export";
    public const string Download = "Download";
    public const string SettingsChanged = "SecuritySettingsChanged";

    public static string Chinese(string kind) => kind switch
    {
        SignIn => "登录成功",
        SignInFailed => "登录失败",
        LockedOut => "账号锁定",
        Unlocked => "解除锁定",
        SignOut => "退出登录",
        TwoFactorEnrolled => "绑定动态口令",
        TwoFactorReset => "重置动态口令",
        PasswordChanged => "修改密码",
        PasswordReset => "重置密码",
        AccessDenied => "越权访问被拒绝",
        Export => "导出",
        Download => "下载",
        SettingsChanged => "修改安全策略",
        _ => kind,
    };
}

/// <summary>One security event: who (an account, or the user name typed for an unknown one), what, and details beyond the address.</summary>
public sealed record SecurityEvent(string Kind, Guid? BureauId, Guid? UserId, string ActorName, string Subject, object? Details = null);

/// <summary>
/// Writes security events (sign-in, lockout, password and second-factor changes, refused requests, exports and
/// downloads) into the audit chain of the account's bureau, each as one entry with the client's address and time,
/// in a transaction of its own so that a failed request still leaves its trace. An event with no known account
/// (a user name that does not exist) goes to the chain of the installation's first city bureau.
/// </summary>
public sealed class SecurityEventLog(IServiceScopeFactory scopes, IHttpContextAccessor http, ILogger<SecurityEventLog> log)
{
    public async Task RecordAsync(SecurityEvent e, CancellationToken ct = default)
    {
        var request = http.HttpContext;
        var address = request?.Connection.RemoteIpAddress?.ToString() ?? "";
        var userAgent = request?.Request.Headers.UserAgent.ToString() is { Length: > 0 } ua ? ua[..Math.Min(ua.Length, 200)] : null;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeHarborDb>();
        var bureauId = e.BureauId ?? await db.Bureaus.Where(b => b.ParentId == null).OrderBy(b => b.SortOrder).ThenBy(b => b.Code)
            .Select(b => (Guid?)b.Id).FirstOrDefaultAsync(ct);
        if (bureauId is not { } bureau)
        {
            log.LogWarning("安全事件 {Kind}（{Subject}，{Address}）未记录：尚无任何局。", e.Kind, e.Subject, address);
            return;
        }
        db.ScopeTo(bureau);
        var actor = new Actor(e.UserId ?? Guid.Empty, e.Subject, e.ActorName, null, null, false, new HashSet<Organisation.Role>(), new HashSet<Guid>(), BureauId: bureau);
        var runner = scope.ServiceProvider.GetRequiredService<CommandRunner>();
        await runner.RunAsync(actor, ctx =>
        {
            ctx.Audit(e.Kind, SecurityEventKinds.EntityType, e.Subject, null, "",
                new { step = SecurityEventKinds.Chinese(e.Kind), address, userAgent, details = e.Details });
            return Task.FromResult(true);
        }, ct);
    }

    /// <summary>
    /// An export or download of case material or personal data by the signed-in user (<see cref="SecurityEventKinds.Export"/>
    /// or <see cref="SecurityEventKinds.Download"/>): what was taken — its kind, the case's number when it is a case's,
    /// the file name — and never its contents.
    /// </summary>
    public async Task RecordTakenAsync(Actor actor, string kind, string what, Guid? caseId, string fileName, CancellationToken ct)
    {
        string? caseNumber = null;
        if (caseId is { } id)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SafeHarborDb>();
            db.ScopeTo(actor.BureauId);
            caseNumber = await db.Cases.Where(c => c.Id == id).Select(c => c.Number).SingleOrDefaultAsync(ct);
        }
        await RecordAsync(new SecurityEvent(kind, actor.BureauId, actor.UserId, actor.DisplayName, actor.UserName, new { what, caseNumber, file = fileName }), ct);
    }
}

public static class SecurityRules
{
    /// <summary>The bureau's rules, or the defaults when its 安全管理员 has not set any.</summary>
    public static async Task<SecuritySettings> ForBureauAsync(SafeHarborDb db, Guid bureauId, CancellationToken ct) =>
        await db.SecuritySettings.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(s => s.BureauId == bureauId, ct)
        ?? SecuritySettings.Defaults(bureauId);
}
