using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Infrastructure.Security;

/// <summary>
/// 等保 access-control audit: every request of a signed-in user answered 403 — refused by authorization, by a page's
/// role check or by a rule's <see cref="DomainException"/> — leaves one <see cref="SecurityEventKinds.AccessDenied"/>
/// entry in the user's bureau chain: method and path (the query string is left out, it may carry names or case
/// text), the user and the address. Outside the exception handler and the error pages, so one request is one entry
/// however its 403 was made.
/// </summary>
public static class RefusalAudit
{
    public static IApplicationBuilder UseRefusalAudit(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        await next(http);
        if (http.Response.StatusCode != StatusCodes.Status403Forbidden
            || http.User.Identity?.IsAuthenticated != true
            || !Guid.TryParse(http.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return;
        }
        var db = http.RequestServices.GetRequiredService<SafeHarborDb>();
        var account = await db.Users.IgnoreQueryFilters().AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.BureauId, u.UserName, u.DisplayName }).SingleOrDefaultAsync(CancellationToken.None);
        if (account is null)
        {
            return;
        }
        var path = (http.Request.PathBase + http.Request.Path).ToString();
        await http.RequestServices.GetRequiredService<SecurityEventLog>().RecordAsync(
            new SecurityEvent(SecurityEventKinds.AccessDenied, account.BureauId, userId, account.DisplayName, account.UserName ?? "",
                new { method = http.Request.Method, path }), CancellationToken.None);
    });
}
