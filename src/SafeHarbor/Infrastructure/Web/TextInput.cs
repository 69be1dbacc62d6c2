using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace SafeHarbor.Infrastructure.Web;

/// <summary>
/// A text of a JSON body that no field may hold (<see cref="Validation.RefusedAnywhere"/>); the serializer adds the
/// field's path, and <see cref="ApiExceptionHandler"/> answers 400 naming the field and the reason.
/// </summary>
public sealed class RefusedTextException(string reason) : JsonException(reason)
{
    public string Reason { get; } = reason;
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
            throw new RefusedTextException($"超过 {Validation.MaxAnyText} 个字");
        }
        var text = reader.GetString()!;
        return Validation.RefusedAnywhere(text) is { } reason ? throw new RefusedTextException(reason) : text;
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
        if (context.HttpContext.Features.Get<IFormFeature>()?.Form is { } form)
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
