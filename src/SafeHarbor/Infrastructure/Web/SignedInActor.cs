using Microsoft.AspNetCore.Authorization;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Security;

namespace SafeHarbor.Infrastructure.Web;

/// <summary>
/// Binds the signed-in user's <see cref="Actor"/> once per request: loaded before any endpoint or page
/// that requires sign-in runs, then given to handlers as a parameter like any service, so no handler
/// loads it by hand.
/// </summary>
public static class SignedInActor
{
    public static IServiceCollection AddSignedInActor(this IServiceCollection services) =>
        services.AddScoped(sp => sp.GetRequiredService<CurrentActor>().Loaded);

    /// <summary>After authorization: for an endpoint that requires sign-in and a signed-in user, load the actor.</summary>
    public static IApplicationBuilder UseSignedInActor(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var endpoint = http.GetEndpoint();
        if (http.User.Identity?.IsAuthenticated == true
            && endpoint?.Metadata.GetMetadata<IAuthorizeData>() is not null
            && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null)
        {
            try
            {
                await http.RequestServices.GetRequiredService<CurrentActor>().GetAsync(http.RequestAborted);
            }
            catch (DomainException e) when (e.Kind == ErrorKind.Forbidden && !ApiExceptionHandler.IsApi(http.Request.Path))
            {
                // A page says why on the error page, as a refusal inside a page would (DomainExceptionPageFilter).
                http.Items[DomainExceptionPageFilter.RefusalReasonKey] = e.Message;
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }
        }
        await next(http);
    });
}
