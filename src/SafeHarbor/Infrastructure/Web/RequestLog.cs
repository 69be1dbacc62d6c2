using System.Diagnostics;
using System.Security.Claims;

namespace SafeHarbor.Infrastructure.Web;

/// <summary>
/// One log line per request, category <c>SafeHarbor.Requests</c>: method, path (without the query string, which may
/// carry names), status, duration and the signed-in user's id. Structured, so with
/// <c>Logging:Console:FormatterName=json</c> each is one JSON object with these fields. Probes (<c>/health…</c>) are
/// logged at Debug so a load balancer's polling does not fill the log.
/// </summary>
public static partial class RequestLog
{
    public const string Category = "SafeHarbor.Requests";

    public static IApplicationBuilder UseRequestLog(this IApplicationBuilder app)
    {
        var log = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
        return app.Use(async (http, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            var status = 0;
            try
            {
                await next(http);
                status = http.Response.StatusCode;
            }
            catch
            {
                status = StatusCodes.Status500InternalServerError;
                throw;
            }
            finally
            {
                var path = (http.Request.PathBase + http.Request.Path).ToString();
                var level = http.Request.Path.StartsWithSegments("/health") ? LogLevel.Debug : LogLevel.Information;
                if (log.IsEnabled(level))
                {
                    Served(log, level, http.Request.Method, path, status, Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1),
                        http.User.FindFirstValue(ClaimTypes.NameIdentifier));
                }
            }
        });
    }

    [LoggerMessage(EventId = 1, EventName = "Request", Message = "{Method} {Path} {StatusCode} {ElapsedMilliseconds} ms user={UserId}")]
    private static partial void Served(ILogger log, LogLevel level, string method, string path, int statusCode, double elapsedMilliseconds, string? userId);
}
