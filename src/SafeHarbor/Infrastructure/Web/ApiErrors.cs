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
            BadHttpRequestException { InnerException: RefusedInputException t } => (400, t.Code, $"提交的内容有误：字段 {Field(t)} {t.Reason}。",
                new Dictionary<string, string[]> { [Field(t)] = [t.Reason] }),
            BadHttpRequestException { InnerException: JsonException j } => (400, "invalid-json", $"请求内容不是有效的 JSON 或字段类型不符：{Describe(j)}", null),
            BadHttpRequestException b when b.StatusCode == StatusCodes.Status413PayloadTooLarge => (413, "too-large", "上传内容超过允许的大小。", null),
            BadHttpRequestException b when b.StatusCode == StatusCodes.Status415UnsupportedMediaType =>
                (415, "json-required", "请求内容应为 JSON（Content-Type: application/json）。", null),
            // The framework's own words are English and name its internals: the client is told in Chinese what is missing.
            BadHttpRequestException b when http.Request.ContentLength is null or 0 && !http.Request.Headers.TransferEncoding.Any() =>
                (b.StatusCode, "body-required", "缺少请求内容：请以 JSON 提交所需的字段。", null),
            BadHttpRequestException b => (b.StatusCode, "invalid-request", "请求格式不正确：请检查地址中的参数和 JSON 请求内容（不能为 null）。", null),
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

    /// <summary>
    /// A ProblemDetails the framework writes for a bare status code (415 for a body that is not JSON, 405, 404 of an
    /// unknown address…) gets a Chinese title and a code like every other refusal; one of ours already has both.
    /// </summary>
    public static void DescribeBareStatus(ProblemDetailsContext context)
    {
        var details = context.ProblemDetails;
        if (details.Extensions.ContainsKey("code"))
        {
            return;
        }
        var (code, title) = details.Status switch
        {
            StatusCodes.Status400BadRequest => ("invalid-request", "请求格式不正确。"),
            StatusCodes.Status401Unauthorized => ("sign-in-required", "请先登录（Authorization: Bearer 令牌）。"),
            StatusCodes.Status403Forbidden => ("forbidden", "您的角色不能进行此操作。"),
            StatusCodes.Status404NotFound => ("not-found", "找不到请求的地址或记录。"),
            StatusCodes.Status405MethodNotAllowed => ("method-not-allowed", "该地址不支持此请求方法。"),
            StatusCodes.Status413PayloadTooLarge => ("too-large", "请求内容超过允许的大小。"),
            StatusCodes.Status415UnsupportedMediaType => ("json-required", "请求内容应为 JSON（Content-Type: application/json）。"),
            _ => (null, null),
        };
        if (code is not null)
        {
            details.Title = title;
            details.Extensions["code"] = code;
        }
    }

    public static int StatusFor(ErrorKind kind) => kind switch
    {
        ErrorKind.Invalid => StatusCodes.Status400BadRequest,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Corrupted => StatusCodes.Status500InternalServerError,
        _ => StatusCodes.Status409Conflict,
    };

    private static string Field(JsonException j) => string.IsNullOrEmpty(j.Path) || j.Path == "$" ? "body" : j.Path.TrimStart('$', '.');

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
