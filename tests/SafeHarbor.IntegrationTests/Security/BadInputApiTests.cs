using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Security;

/// <summary>
/// Every write endpoint of the API (read from the app's route table) is sent what a broken or hostile client
/// sends: bodies that are not JSON, the wrong JSON types, no body, control characters and NUL, 1 MB strings. Each
/// gets a 4xx ProblemDetails with a Chinese title, before anything runs: no table gains or loses a row.
/// </summary>
public sealed class BadInputApiTests
{
    /// <summary>Who is tried, in this order, until one passes the endpoint's role check (refusals of bad input come after it).</summary>
    private static readonly string[] Users = ["inv", "office", "m1", "personnel", "policyowner", "sysadmin", "secadmin", "archivist", "guide", "staffA", "auditadmin"];

    /// <summary>Texts no field may hold, as a client writes them inside a JSON string (escaped).</summary>
    private static readonly (string Name, string Json, string Code)[] RefusedTexts =
    [
        ("U+0000 (NUL)", "a\\u0000b", "invalid-text"), ("U+0001", "标题\\u0001", "invalid-text"), ("U+001B (ESC)", "\\u001b[31m", "invalid-text"),
        ("U+007F (DEL)", "a\\u007fb", "invalid-text"), ("U+0085", "a\\u0085b", "invalid-text"), ("1 MB", new string('长', 1024 * 1024 / 3), "invalid-text"),
        // The JSON reader itself refuses half a surrogate pair, before any converter sees the text.
        ("half surrogate", "a\\ud842b", "invalid-json"),
    ];

    [Theory, AllDatabases]
    public async Task Every_write_endpoint_refuses_broken_bodies_and_refused_text_with_a_Chinese_4xx_and_writes_nothing(Db kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var endpoints = BadInput.WriteEndpoints(app.Services);
        Assert.True(endpoints.Count >= 70, $"only {endpoints.Count} write endpoints found");
        // The one multipart endpoint is the evidence upload (UploadValidationTests); a new one must be tested there too.
        Assert.Equal(["POST /api/cases/{caseId:guid}/evidence/"], endpoints.Where(e => e.Multipart).Select(e => e.ToString()));
        foreach (var user in Users)
        {
            _ = app.As(user); // signed in before counting: a sign-in may write its own security event
        }
        var before = await BadInput.RowCountsAsync(app);

        var problems = new List<string>();
        var asked = 0;
        foreach (var endpoint in endpoints.Where(e => e.JsonBody is not null))
        {
            var user = await UserFor(app, endpoint);
            if (user is null)
            {
                problems.Add($"{endpoint}: every user is refused by the role check, so bad input is never reached; add a user with the role to {nameof(Users)}");
                continue;
            }
            async Task Expect(string what, HttpContent? content, HttpStatusCode status, string? code)
            {
                asked++;
                using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Url) { Content = content };
                using var response = await app.As(user).SendAsync(request);
                if (await BadInput.ProblemWith(response, status, code) is { } problem)
                {
                    problems.Add($"{endpoint} ({what}, as {user}): {problem}");
                }
            }
            await Expect("not JSON", Json("{\"title\": "), HttpStatusCode.BadRequest, "invalid-json");
            await Expect("an array", Json("[1, 2]"), HttpStatusCode.BadRequest, "invalid-json");
            await Expect("no body", Json(""), HttpStatusCode.BadRequest, "body-required");
            await Expect("null", Json("null"), HttpStatusCode.BadRequest, null);
            await Expect("text/plain", new StringContent("{}", Encoding.UTF8, "text/plain"), HttpStatusCode.UnsupportedMediaType, "json-required");
            foreach (var (name, wrong, code) in BadInput.WrongTypes(endpoint.JsonBody!))
            {
                await Expect($"{name} of the wrong type", Json(new JsonObject { [name] = wrong }.ToJsonString()), HttpStatusCode.BadRequest, code);
            }
            if (BadInput.WithText(endpoint.JsonBody!, "@@TEXT@@") is { } template)
            {
                foreach (var (name, json, code) in RefusedTexts)
                {
                    await Expect(name, Json(template.ToJsonString().Replace("@@TEXT@@", json, StringComparison.Ordinal)), HttpStatusCode.BadRequest, code);
                }
            }
        }

        // A body sent to an endpoint that takes none changes nothing either (the ids name no record: 404).
        foreach (var endpoint in endpoints.Where(e => e.JsonBody is null && !e.Multipart))
        {
            var user = await UserFor(app, endpoint) ?? "inv";
            using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Url) { Content = Json("{\"x\": \"\\u0000\"") };
            using var response = await app.As(user).SendAsync(request);
            if (response.IsSuccessStatusCode || (int)response.StatusCode >= 500)
            {
                problems.Add($"{endpoint} (a body it does not take, as {user}): {(int)response.StatusCode}");
            }
        }

        Assert.True(problems.Count == 0, $"{problems.Count} of {asked}:\n" + string.Join("\n", problems));
        Assert.True(asked > 500, $"only {asked} requests");
        var after = await BadInput.RowCountsAsync(app);
        Assert.True(BadInput.Changed(before, after).Length == 0, "written: " + BadInput.Changed(before, after));
    }

    /// <summary>The first user of <see cref="Users"/> whom the endpoint's role check lets through to its body.</summary>
    private static async Task<string?> UserFor(TestApp app, BadInput.WriteEndpoint endpoint)
    {
        foreach (var user in Users)
        {
            using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Url) { Content = Json("{") };
            using var response = await app.As(user).SendAsync(request);
            if (response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized))
            {
                return user;
            }
        }
        return null;
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");
}
