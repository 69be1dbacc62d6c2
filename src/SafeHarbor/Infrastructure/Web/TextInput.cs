using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace SafeHarbor.Infrastructure.Web;

/// <summary>
/// A value of a JSON body that no field may hold (a text <see cref="Validation.RefusedAnywhere"/>, a date out of
/// range); the serializer adds the field's path, and <see cref="ApiExceptionHandler"/> answers 400 naming the field
/// and the reason, with <see cref="Code"/>.
/// </summary>
public sealed class RefusedInputException(string code, string reason) : JsonException(reason)
{
    public string Code { get; } = code;
    public string Reason { get; } = reason;
}

/// <summary>
/// Every date of every API request body: only <c>yyyy-MM-dd</c>, and only in the years the working-day calendar
/// can count (the lunar holidays are computed for 1901–2100), so year 0001 or 9999 is a 400 at binding instead of
/// an overflow deep in a deadline computation.
/// </summary>
public sealed class RefusedDateJsonConverter : JsonConverter<DateOnly>
{
    public const int FirstYear = 1902;
    public const int LastYear = 2100;

    public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String
            || !DateOnly.TryParseExact(reader.GetString(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
        {
            throw new RefusedInputException("invalid-date", "不是有效的日期（应为 yyyy-MM-dd，例如 2026-09-21，且该日存在）");
        }
        return date.Year is < FirstYear or > LastYear
            ? throw new RefusedInputException("invalid-date", $"年份应在 {FirstYear} 年至 {LastYear} 年之间")
            : date;
    }

    public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>
/// Reads every string of every API request body, so no field can forget the rule: a text refused anywhere
/// (a control character, NUL, a half surrogate, more than <see cref="Validation.MaxAnyText"/> characters) stops the
/// request at binding, before a handler runs and before any database sees it — the same 400 on SQLite and PostgreSQL.
/// </summary>
public sealed class RefusedTextJsonConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException();
        }
        // A value far past the limit is refused before it is turned into a string.
        if ((reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length) > Validation.MaxAnyText * 6L)
        {
            throw new RefusedInputException("invalid-text", $"超过 {Validation.MaxAnyText} 个字");
        }
        var text = reader.GetString()!;
        return Validation.RefusedAnywhere(text) is { } reason ? throw new RefusedInputException("invalid-text", reason) : text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>
/// The same rule for every page's form: a posted value refused anywhere stops the post before its handler runs
/// (nothing is written) with a 400 page that names the field and the reason. A field-by-field re-render would need
/// each page's handler; a control character is not something a person types, so the error page is enough.
/// </summary>
public sealed class RefusedTextPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        // Only a form model binding has read: a page that streams its body (the evidence upload) checks what it reads itself.
        // The error page, re-executed on the refused request, still sees its form and must show the refusal.
        if (context.HttpContext.Features.Get<IFormFeature>()?.Form is { } form && context.HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null)
        {
            foreach (var (key, values) in form)
            {
                foreach (var value in values)
                {
                    if (value is not null && Validation.RefusedAnywhere(value) is { } reason)
                    {
                        context.HttpContext.Items[DomainExceptionPageFilter.RefusalReasonKey] = $"提交的内容有误：字段 {key} {reason}，请删除后再提交。";
                        context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
                        return;
                    }
                }
            }
            foreach (var file in form.Files)
            {
                if (Validation.RefusedAnywhere(file.FileName) is { } reason)
                {
                    context.HttpContext.Items[DomainExceptionPageFilter.RefusalReasonKey] = $"提交的内容有误：文件名{reason}，请重命名后再上传。";
                    context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
                    return;
                }
            }
        }
        await next();
    }
}

/// <summary>
/// A request body that is not a file upload (JSON, a form without files) may be at most <c>Limits:MaxBodyBytes</c>
/// (default 2 MB): every field has a maximum far below that, and a larger body is refused by the server (413,
/// "请求内容超过允许的大小") before it is read into memory. Multipart uploads keep the server's limit, which the evidence
/// upload raises to its own maximum.
/// </summary>
public static class RequestBodyLimit
{
    public const long DefaultMaxBodyBytes = 2 * 1024 * 1024;

    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app)
    {
        var limit = app.ApplicationServices.GetRequiredService<IConfiguration>().GetValue("Limits:MaxBodyBytes", DefaultMaxBodyBytes);
        return app.Use((context, next) =>
        {
            var multipart = context.Request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) ?? false;
            if (!multipart && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = limit;
            }
            return next(context);
        });
    }
}
