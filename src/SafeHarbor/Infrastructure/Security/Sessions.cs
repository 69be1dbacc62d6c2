using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Infrastructure.Security;

/// <summary>
/// Where a page session stands: it ends <see cref="Idle"/> after the last request, and at the latest
/// the bureau's absolute limit after sign-in, whichever comes first. Kept for the request in
/// <see cref="HttpContext.Items"/> so the layout can tell session.js when to warn.
/// </summary>
public sealed record SessionTimes(DateTimeOffset SignedInAt, DateTimeOffset LastActivity, TimeSpan Idle, TimeSpan Absolute)
{
    public const string ItemKey = "SafeHarbor.Session";

    public DateTimeOffset IdleEnds => LastActivity + Idle;
    public DateTimeOffset AbsoluteEnds => SignedInAt + Absolute;
    public DateTimeOffset Ends => IdleEnds < AbsoluteEnds ? IdleEnds : AbsoluteEnds;

    /// <summary>Whole seconds left at <paramref name="now"/>, never negative.</summary>
    public int SecondsLeft(DateTimeOffset now) => (int)Math.Max(0, Math.Floor((Ends - now).TotalSeconds));
}

/// <summary>
/// Sessions and tokens end on the server, not in the browser (GB/T 22239-2019 8.1.4.1 d, 8.1.4.2):
/// a cookie after the bureau's idle timeout or absolute limit; a cookie or bearer token as soon as the account's
/// security stamp changes (sign-out, password change, role change), checked on every request.
/// </summary>
public static class Sessions
{
    /// <summary>The claim with the time of the password sign-in, carried unchanged through cookie renewals and token refreshes.</summary>
    public const string SignedInAtClaim = "safeharbor:signed_in_at";

    /// <summary>Set on the request when its cookie was refused because the session timed out: the sign-in page says so.</summary>
    public const string TimedOutKey = "SafeHarbor.SessionTimedOut";

    private const string LastActivityItem = ".safeharbor.last";

    /// <summary>The last-activity stamp is rewritten at most this often, so not every request sets a new cookie.</summary>
    private static readonly TimeSpan RenewEvery = TimeSpan.FromMinutes(1);

    /// <summary>Whether a request's <c>X-SafeHarbor-Background</c> header says the page asked it by itself (polling), not the user.</summary>
    public const string BackgroundHeader = "X-SafeHarbor-Background";

    /// <summary>Cookie events: checks the stamp and the bureau's timeouts, then slides the idle window.</summary>
    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        var http = context.HttpContext;
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var account = await AccountAsync(http, context.Principal);
        if (account is null)
        {
            await RejectAsync(context, timedOut: false);
            return;
        }
        var rules = await SecurityRules.ForBureauAsync(http.RequestServices.GetRequiredService<SafeHarborDb>(), account.BureauId, http.RequestAborted);
        var signedInAt = SignedInAt(context.Principal!) ?? DateTimeOffset.MinValue;
        var last = context.Properties.Items.TryGetValue(LastActivityItem, out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed) ? parsed : signedInAt;
        var times = new SessionTimes(signedInAt, last, TimeSpan.FromMinutes(rules.IdleTimeoutMinutes), TimeSpan.FromHours(rules.AbsoluteTimeoutHours));
        if (now >= times.Ends)
        {
            await RejectAsync(context, timedOut: true);
            return;
        }
        if (now - last >= RenewEvery && !http.Request.Headers.ContainsKey(BackgroundHeader))
        {
            context.Properties.Items[LastActivityItem] = now.ToString("O", CultureInfo.InvariantCulture);
            context.ShouldRenew = true;
            times = times with { LastActivity = now };
        }
        http.Items[SessionTimes.ItemKey] = times;
    }

    /// <summary>Cookie events: a refused session sends the browser to the sign-in page, which says why; htmx follows HX-Redirect.</summary>
    public static Task RedirectToLoginAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        var target = context.HttpContext.Items.ContainsKey(TimedOutKey)
            ? QueryHelpers.AddQueryString(context.RedirectUri, "timeout", "1")
            : context.RedirectUri;
        if (context.Request.Headers.ContainsKey("HX-Request"))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers["HX-Redirect"] = target;
        }
        else
        {
            context.Response.Redirect(target);
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// Bearer events: a token whose security stamp is no longer the account's (signed out, password or roles changed)
    /// is refused, although it has not expired yet.
    /// </summary>
    public static async Task RefuseStaleBearerTokenAsync(MessageReceivedContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        var ticket = context.Options.BearerTokenProtector.Unprotect(header["Bearer ".Length..].Trim());
        if (ticket is null)
        {
            return; // the handler refuses it as unreadable
        }
        if (await AccountAsync(context.HttpContext, ticket.Principal) is null)
        {
            context.Fail("The token's security stamp is no longer the account's.");
        }
    }

    /// <summary>The account of a principal whose security stamp is still the account's; null when it changed or the account is gone.</summary>
    public static async Task<AppUser?> AccountAsync(HttpContext http, ClaimsPrincipal? principal)
    {
        if (principal?.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id || !Guid.TryParse(id, out var userId))
        {
            return null;
        }
        var stampType = http.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var stamp = principal.FindFirstValue(stampType);
        var db = http.RequestServices.GetRequiredService<SafeHarborDb>();
        var user = await db.Users.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, http.RequestAborted);
        return user is not null && stamp is not null && string.Equals(user.SecurityStamp, stamp, StringComparison.Ordinal) ? user : null;
    }

    public static DateTimeOffset? SignedInAt(ClaimsPrincipal principal) =>
        principal.FindFirstValue(SignedInAtClaim) is { } text && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    private static async Task RejectAsync(CookieValidatePrincipalContext context, bool timedOut)
    {
        if (timedOut)
        {
            context.HttpContext.Items[TimedOutKey] = true;
        }
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}

/// <summary>
/// The principal of a password sign-in carries when it happened (<see cref="Sessions.SignedInAtClaim"/>), from which
/// the absolute limit of a page session and of a chain of refreshed bearer tokens is counted.
/// </summary>
public sealed class SignInTimeClaimsFactory(
    UserManager<AppUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options, TimeProvider time)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(Sessions.SignedInAtClaim, time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        return identity;
    }
}
