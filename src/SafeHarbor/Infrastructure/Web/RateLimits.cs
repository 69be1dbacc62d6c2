using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace SafeHarbor.Infrastructure.Web;

/// <summary>
/// Limits in requests per minute (<c>Security:RateLimits</c>). Each node counts on its own: behind a load balancer
/// with N nodes a client can reach up to N times these numbers.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>
    /// Sign-in attempts (page and API) from one client address. Higher than per account: an office behind one NAT
    /// address signs in at the start of the day, and a script may sign in several accounts (docs/api.md signs in 11).
    /// </summary>
    public int SignInPerAddress { get; set; } = 30;

    /// <summary>Sign-in attempts for one user name, from wherever they come.</summary>
    public int SignInPerAccount { get; set; } = 10;

    /// <summary>API requests of one signed-in user (a token bucket: bursts up to this many, refilled by a sixth every 10 seconds); anonymous API calls count per address.</summary>
    public int ApiPerUser { get; set; } = 300;
}

/// <summary>
/// Rate limits with ASP.NET Core's limiter (GB/T 22239-2019 8.1.4.1: guessing passwords, 8.1.4.10 resource control):
/// sign-in per client address and per account name, and the API per signed-in user. A refused request gets 429 with
/// Retry-After and, from the API, a Chinese ProblemDetails; a page gets the error page in Chinese.
/// </summary>
public static class RateLimits
{
    /// <summary>Where the refusal's Chinese text waits for the error page, re-executed on the same request.</summary>
    public const string RefusalKey = "SafeHarbor.RateLimited";

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration("Security:RateLimits");
        services.AddSingleton<SignInNameLimiter>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, ct) => new ValueTask(RejectAsync(context.HttpContext, context.Lease));
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(SignInByAddress(), ApiByUser());
        });
        return services;
    }

    /// <summary>After authentication (the API limit is per user), before authorization and the handlers.</summary>
    public static IApplicationBuilder UseRateLimits(this IApplicationBuilder app) =>
        app.UseRateLimiter().UseMiddleware<SignInNameLimit>();

    /// <summary>The two sign-in posts: the login page's form and the API's login.</summary>
    public static bool IsSignIn(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && (request.Path.Equals("/Account/Login", StringComparison.OrdinalIgnoreCase) || request.Path.Equals("/api/auth/login", StringComparison.OrdinalIgnoreCase));

    private static PartitionedRateLimiter<HttpContext> SignInByAddress() => PartitionedRateLimiter.Create<HttpContext, string>(http =>
        IsSignIn(http.Request)
            ? RateLimitPartition.GetFixedWindowLimiter("sign-in:" + Address(http), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Limits(http).SignInPerAddress, Window = Window, QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter(""));

    private static PartitionedRateLimiter<HttpContext> ApiByUser() => PartitionedRateLimiter.Create<HttpContext, string>(http =>
    {
        if (!http.Request.Path.StartsWithSegments("/api"))
        {
            return RateLimitPartition.GetNoLimiter("");
        }
        var key = http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } user ? "user:" + user : "address:" + Address(http);
        return RateLimitPartition.GetTokenBucketLimiter("api:" + key, _ =>
        {
            var limit = Limits(http).ApiPerUser;
            return new TokenBucketRateLimiterOptions
            {
                TokenLimit = limit, TokensPerPeriod = Math.Max(1, limit / 6), ReplenishmentPeriod = TimeSpan.FromSeconds(10), QueueLimit = 0,
            };
        });
    });

    private static RateLimitOptions Limits(HttpContext http) =>
        http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitOptions>>().Value;

    private static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "";

    /// <summary>429 with Retry-After; the API answers a ProblemDetails, a page the error page (via the status code pages).</summary>
    public static async Task RejectAsync(HttpContext http, RateLimitLease lease)
    {
        var seconds = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? (int)Math.Ceiling(retryAfter.TotalSeconds) : (int)Window.TotalSeconds;
        seconds = Math.Max(1, seconds);
        var message = $"请求过于频繁，请 {seconds} 秒后再试。";
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (!ApiExceptionHandler.IsApi(http.Request.Path))
        {
            http.Items[RefusalKey] = message;
            return;
        }
        var details = new ProblemDetails { Status = StatusCodes.Status429TooManyRequests, Title = message, Type = "https://safeharbor.local/problems/too-many-requests" };
        details.Extensions["code"] = "too-many-requests";
        details.Extensions["retryAfterSeconds"] = seconds;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = details });
    }
}

/// <summary>
/// Sign-in attempts per account name, whatever the address (many addresses guessing one administrator's password).
/// The name is read from the posted form or JSON before the login handler runs; the body stays readable for it.
/// </summary>
public sealed class SignInNameLimiter(Microsoft.Extensions.Options.IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(name =>
        RateLimitPartition.GetFixedWindowLimiter(name, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.SignInPerAccount, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
        }));

    public RateLimitLease Acquire(string userName) => limiter.AttemptAcquire(userName.Trim().ToUpperInvariant());

    public void Dispose() => limiter.Dispose();
}

internal sealed class SignInNameLimit(RequestDelegate next, SignInNameLimiter limiter)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (!RateLimits.IsSignIn(http.Request) || await UserNameAsync(http.Request) is not { Length: > 0 } name)
        {
            await next(http);
            return;
        }
        using var lease = limiter.Acquire(name);
        if (!lease.IsAcquired)
        {
            await RateLimits.RejectAsync(http, lease);
            return;
        }
        await next(http);
    }

    /// <summary>The user name of the login form (<c>Input.UserName</c>) or JSON body (<c>userName</c>); null when there is none to read.</summary>
    private static async Task<string?> UserNameAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            try
            {
                var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
                return form["Input.UserName"].ToString();
            }
            catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or InvalidOperationException or FormatException)
            {
                return null; // a form the reader refuses (e.g. a NUL in a value): the page answers it with its own 400
            }
        }
        if (request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return null;
        }
        request.EnableBuffering();
        try
        {
            using var json = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
            // Matched as the endpoint binds it: property names without regard to case.
            foreach (var property in json.RootElement.EnumerateObject())
            {
                if (string.Equals(property.Name, "userName", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.String)
                {
                    return property.Value.GetString();
                }
            }
            return null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null; // malformed JSON or a name that is no valid text (a lone surrogate): the login endpoint refuses it itself
        }
        finally
        {
            request.Body.Position = 0;
        }
    }
}
