using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SafeHarbor.IntegrationTests.Support;

/// <summary>A ProblemDetails answer as the client sees it.</summary>
public sealed record Problem(HttpStatusCode Status, string Code, string Title, JsonElement Body);

public static class Http
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object? body, int? ifMatch = null) =>
        SendJsonAsync(client, HttpMethod.Post, url, body, ifMatch);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object? body, int? ifMatch = null) =>
        SendJsonAsync(client, HttpMethod.Put, url, body, ifMatch);

    public static Task<HttpResponseMessage> SendJsonAsync(HttpClient client, HttpMethod method, string url, object? body, int? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body ?? new { }, options: Json) };
        if (ifMatch is { } v)
        {
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{v}\"");
        }
        return client.SendAsync(request);
    }

    /// <summary>Asserts a 2xx answer (showing the problem otherwise) and reads its JSON.</summary>
    public static async Task<JsonElement> OkAsync(this Task<HttpResponseMessage> pending)
    {
        using var response = await pending;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<T> OkAsync<T>(this Task<HttpResponseMessage> pending) =>
        (await pending.OkAsync()).Deserialize<T>(Json)!;

    /// <summary>Asserts a ProblemDetails answer with the given status and returns it.</summary>
    public static async Task<Problem> ProblemAsync(this Task<HttpResponseMessage> pending, HttpStatusCode expected)
    {
        using var response = await pending;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(text).RootElement.Clone();
        return new Problem(response.StatusCode, body.GetProperty("code").GetString()!, body.GetProperty("title").GetString()!, body);
    }

    public static Task<JsonElement> GetOkAsync(this HttpClient client, string url) => client.GetAsync(url).OkAsync();
}
