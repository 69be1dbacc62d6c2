using System.Collections;
using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Security;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Security;

/// <summary>What the bad-input tests share: the write endpoints as the app maps them, bodies built from their request types, and the row count of every table.</summary>
public static partial class BadInput
{
    /// <summary>A write endpoint: method, route with its parameters filled, and what its body is.</summary>
    public sealed record WriteEndpoint(string Method, string Pattern, string Url, Type? JsonBody, bool Multipart)
    {
        public override string ToString() => $"{Method} {Pattern}";
    }

    /// <summary>Every POST, PUT, PATCH and DELETE under /api, read from the running app, so a new one is tested as soon as it is mapped.</summary>
    public static List<WriteEndpoint> WriteEndpoints(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith("api/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Where(m => m is "POST" or "PUT" or "PATCH" or "DELETE").Select(m => (Method: m, Endpoint: e)))
            .Select(x =>
            {
                var accepts = x.Endpoint.Metadata.GetOrderedMetadata<IAcceptsMetadata>().LastOrDefault();
                var multipart = accepts?.ContentTypes.Any(t => t.StartsWith("multipart/", StringComparison.Ordinal)) ?? false;
                var pattern = "/" + x.Endpoint.RoutePattern.RawText!.TrimStart('/');
                return new WriteEndpoint(x.Method, pattern, Fill(pattern), multipart ? null : accepts?.RequestType, multipart);
            })
            .DistinctBy(e => e.ToString())
            .OrderBy(e => e.Pattern, StringComparer.Ordinal)
            .ToList();

    /// <summary>Route parameters filled with values of the right form: the refusals tested here come before any record is looked up.</summary>
    private static string Fill(string pattern) => RouteParameter().Replace(pattern, m => m.Groups["constraint"].Value == "guid" ? Guid.NewGuid().ToString() : m.Groups["name"].Value switch
    {
        "kind" => "application",
        _ => "art4-1",
    });

    [GeneratedRegex(@"\{(?<name>\w+)(:(?<constraint>\w+))?\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    public static partial Regex Chinese();

    /// <summary>
    /// A body of <paramref name="type"/> with <paramref name="text"/> in every string it has, nested ones included
    /// (one item of each list); null when the type holds no string at all.
    /// </summary>
    public static JsonObject? WithText(Type type, string text) => Build(type, text, depth: 0) as JsonObject;

    private static JsonNode? Build(Type type, string text, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return JsonValue.Create(text);
        }
        if (depth > 4 || IsScalar(type))
        {
            return null;
        }
        if (ElementOf(type) is { } element)
        {
            return Build(element, text, depth + 1) is { } item ? new JsonArray(item) : null;
        }
        var obj = new JsonObject();
        foreach (var p in JsonProperties(type))
        {
            if (Build(p.Type, text, depth + 1) is { } value)
            {
                obj[p.Name] = value;
            }
        }
        return obj.Count == 0 ? null : obj;
    }

    /// <summary>The JSON properties of a request type, with a value of the wrong JSON type for each and the code of its refusal.</summary>
    public static IEnumerable<(string Name, JsonNode Wrong, string Code)> WrongTypes(Type type) =>
        JsonProperties(type)
            .Where(p => p.Type != typeof(JsonElement) && p.Type != typeof(object))
            .Select(p => (Nullable.GetUnderlyingType(p.Type) ?? p.Type) switch
            {
                var t when t == typeof(string) => (p.Name, (JsonNode)JsonValue.Create(12345), "invalid-json"),
                var t when t == typeof(DateOnly) => (p.Name, JsonValue.Create("不是日期"), "invalid-date"),
                _ => (p.Name, JsonValue.Create("不是这种类型"), "invalid-json"),
            });

    private static bool IsScalar(Type t) => t.IsPrimitive || t.IsEnum || t == typeof(decimal) || t == typeof(Guid) || t == typeof(DateOnly)
        || t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(TimeOnly) || t == typeof(TimeSpan) || t == typeof(JsonElement) || t == typeof(object);

    private static Type? ElementOf(Type t)
    {
        if (t.IsArray)
        {
            return t.GetElementType();
        }
        if (t.IsGenericType && typeof(IEnumerable).IsAssignableFrom(t) && t.GetGenericArguments() is [var item])
        {
            return item;
        }
        return null;
    }

    private static IEnumerable<(string Name, Type Type)> JsonProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<JsonIgnoreAttribute>() is null && (p.CanWrite || type.GetConstructors().Any(c => c.GetParameters().Any(a => string.Equals(a.Name, p.Name, StringComparison.OrdinalIgnoreCase)))))
            .Select(p => (p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name), p.PropertyType));

    /// <summary>The number of rows of every table the app maps, audit entries included: what "nothing written" is checked against.</summary>
    public static Task<Dictionary<string, long>> RowCountsAsync(TestApp app) => app.WithDbAsync(async db =>
    {
        var counts = new Dictionary<string, long>();
        foreach (var table in db.Model.GetEntityTypes().Where(t => t.GetTableName() is not null && t.GetViewName() is null)
                     .Select(t => (Schema: t.GetSchema(), Name: t.GetTableName()!)).Distinct())
        {
            var name = table.Schema is null ? $"\"{table.Name}\"" : $"\"{table.Schema}\".\"{table.Name}\"";
            // Table names come from the app's own model, not from input.
            var sql = "SELECT COUNT(*) AS \"Value\" FROM " + name;
            counts[table.Name] = await db.Database.SqlQueryRaw<long>(sql).SingleAsync();
        }
        Assert.True(counts.ContainsKey(nameof(SafeHarborDb.AuditEntries)), "the audit table is not among the counted tables");
        // Security events are not what the input wrote: trying each user signs them in, and a role refusal on the way
        // to the user who may call the endpoint is recorded by design (AccessDenied).
        counts[nameof(SafeHarborDb.AuditEntries)] = await db.AuditEntries.LongCountAsync(e => e.EntityType != SecurityEventKinds.EntityType);
        return counts;
    });

    /// <summary>Which tables' row counts differ, for the failure message; empty when none.</summary>
    public static string Changed(Dictionary<string, long> before, Dictionary<string, long> after) =>
        string.Join(", ", before.Where(b => after[b.Key] != b.Value).Select(b => $"{b.Key} {b.Value}→{after[b.Key]}"));

    /// <summary>A refusal as the client gets it: status, ProblemDetails with a Chinese title, no framework English.</summary>
    public static async Task<string?> ProblemWith(HttpResponseMessage response, HttpStatusCode expected, string? code = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
        {
            return $"{(int)response.StatusCode} instead of {(int)expected}: {Short(text)}";
        }
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"not ProblemDetails ({response.Content.Headers.ContentType}): {Short(text)}";
        }
        using var body = JsonDocument.Parse(text);
        var title = body.RootElement.GetProperty("title").GetString() ?? "";
        var answered = body.RootElement.TryGetProperty("code", out var c) ? c.GetString() : null;
        if (!Chinese().IsMatch(title) || title.Contains("Exception", StringComparison.Ordinal) || title.Contains("parameter", StringComparison.OrdinalIgnoreCase))
        {
            return $"title not plain Chinese: {title}";
        }
        return code is not null && answered != code ? $"code {answered} instead of {code}: {title}" : null;
    }

    private static string Short(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
