namespace SafeHarbor.Infrastructure.Web;

/// <summary>
/// The response headers a level-3 system sends on every answer (GB/T 22239-2019 8.1.4.4, 8.1.4.2): a strict
/// Content-Security-Policy (scripts and styles from our own files only, no inline code; no framing), nosniff, no
/// referrer to other sites, no powerful browser features, an isolated browsing context, and HSTS when the request
/// came over HTTPS (directly or, behind the proxy, as X-Forwarded-Proto says: <see cref="ProxyHeaders"/>); answers to a
/// signed-in user are not stored in any cache.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Everything from our own origin. <c>img-src data:</c> because Bootstrap's stylesheet draws its small icons (select
    /// arrow, check marks, close button, menu toggler) as data: SVG images; nothing else needs it.
    /// </summary>
    public const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The Scalar API reference (/scalar) is a third-party single-page app that starts from an inline script, styles its
    /// elements inline and compiles code at run time: it alone may run inline script and style and eval. It shows no
    /// data of ours but the OpenAPI document, and still loads nothing from other origins.
    /// </summary>
    public const string ScalarPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
        + "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/scalar") ? ScalarPolicy : Policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = PermissionsPolicy;
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (http.Request.IsHttps)
            {
                headers.StrictTransportSecurity = "max-age=31536000";
            }
            // Residual information (8.1.4.10): what a signed-in user was shown stays in no browser or proxy cache
            // after the session ends; answers that set their own caching (files) keep it.
            if (http.User.Identity?.IsAuthenticated == true && !headers.ContainsKey("Cache-Control"))
            {
                headers.CacheControl = "no-store";
            }
            return Task.CompletedTask;
        });
        return next(http);
    });
}
