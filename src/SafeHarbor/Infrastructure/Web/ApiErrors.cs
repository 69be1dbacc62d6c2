using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Infrastructure.Web;

/// <summary>
/// Turns every failure into a ProblemDetails answer with a Chinese title and a machine-readable
/// <c>code</c>; nothing of the stack reaches the client.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> log) : IExceptionHandler
{
    /// <summary>API answers are ProblemDetails; everything else is a page.</summary>
    public static bool IsApi(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi");

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        // The middleware has already switched the path to /Error; the request's own path says whether it was an API call.
        var path = http.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? http.Request.Path;
        if (!IsApi(path))
        {
            log.LogError(exception, "Unhandled error on page {Path}", path);
            return false; // the friendly /Error page
        }
        var (status, code, title, errors) = exception switch
        {
            DomainException d => (StatusFor(d.Kind), d.Code, d.Message, d.Errors),
            CalendarNotPublishedException c => (StatusCodes.Status422UnprocessableEntity, "calendar-not-published", c.Message, null),
            CalendarDataException c => (StatusCodes.Status503ServiceUnavailable, "calendar-invalid", $"节假日数据有误，涉及工作日的功能暂不可用：{c.Message}", null),
            PolicyLoadException p => (StatusCodes.Status503ServiceUnavailable, "policies-invalid", $"容错免责办法文件有误，办理功能暂不可用：{p.Message}", null),
            BadHttpRequestException { InnerException: JsonException j } => (400, "invalid-json", $"请求内容不是有效的 JSON 或字段类型不符：{Describe(j)}", null),
            BadHttpRequestException b when b.StatusCode == StatusCodes.Status413PayloadTooLarge => (413, "too-large", "上传内容超过允许的大小。", null),
            BadHttpRequestException b => (b.StatusCode, "invalid-request", $"请求格式不正确：{b.Message}", null),
            OperationCanceledException => (499, "cancelled", "请求已取消。", null),
            _ => (500, "internal-error", "系统内部错误，操作未完成，数据未做任何修改。请稍后重试或联系系统管理员。", (IReadOnlyDictionary<string, string[]>?)null),
        };
        if (status >= 500)
        {
            log.LogError(exception, "Unhandled error on {Path}", path);
        }
        http.Response.StatusCode = status;
        var details = new ProblemDetails { Status = status, Title = title, Type = $"https://safeharbor.local/problems/{code}" };
        details.Extensions["code"] = code;
        if (errors is not null)
        {
            details.Extensions["errors"] = errors;
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = details, Exception = exception });
    }

    public static int StatusFor(ErrorKind kind) => kind switch
    {
        ErrorKind.Invalid => StatusCodes.Status400BadRequest,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Corrupted => StatusCodes.Status500InternalServerError,
        _ => StatusCodes.Status409Conflict,
    };

    private static string Describe(JsonException j) =>
        string.IsNullOrEmpty(j.Path) ? "无法解析" : $"字段 {j.Path.TrimStart('$', '.')} 的值不正确";
}

public static class HttpVersioning
{
    /// <summary>The tag of <c>If-Match</c> (quotes and a weak <c>W/</c> taken off); null when absent or <c>*</c> (no check asked).</summary>
    public static string? IfMatchTag(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*")
        {
            return null;
        }
        return (header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header).Trim('"');
    }

    /// <summary>Reads <c>If-Match: "N"</c> (the version of a case or record as last read); absent means no version check.</summary>
    public static int? ExpectedVersion(HttpRequest request) =>
        IfMatchTag(request) is not { } tag ? null
        : int.TryParse(tag, out var v) && v >= 0 ? v
        : throw DomainException.Invalid("invalid-if-match", $"If-Match 头应为读取时的版本号（ETag），例如 \"3\"，而不是 {request.Headers.IfMatch}。");

    public static IResult WithVersion(CaseSnapshot snapshot, HttpContext http, int status = StatusCodes.Status200OK)
    {
        http.Response.Headers.ETag = $"\"{snapshot.Version}\"";
        return status == StatusCodes.Status201Created
            ? Results.Created($"/api/cases/{snapshot.Id}", snapshot)
            : Results.Ok(snapshot);
    }
}

/// <summary>A ProblemDetails answer of the same shape as <see cref="ApiExceptionHandler"/>'s, for an answer that is not an exception (401, a gate's 403).</summary>
public static class ApiProblem
{
    public static ProblemDetails Of(int status, string code, string title)
    {
        var details = new ProblemDetails { Status = status, Title = title, Type = $"https://safeharbor.local/problems/{code}" };
        details.Extensions["code"] = code;
        return details;
    }

    public static IResult Result(int status, string code, string title) => Results.Problem(Of(status, code, title));

    public static async Task WriteAsync(HttpContext http, int status, string code, string title)
    {
        http.Response.StatusCode = status;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = Of(status, code, title) });
    }
}
