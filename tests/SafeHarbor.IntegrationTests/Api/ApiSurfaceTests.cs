using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Api;

/// <summary>What a client developer and a user meet first: the API description, sign-in, and how failures look.</summary>
public sealed partial class ApiSurfaceTests
{
    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();

    /// <summary>Every /api route the app maps (and does not hide from the description), as OpenAPI writes it: method and path.</summary>
    private static List<(string Method, string Path)> MappedApiRoutes(TestApp app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .Select(e => (Endpoint: e, Path: OpenApiPath(e.RoutePattern)))
            .Where(x => x.Path.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(x => (x.Endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (m.ToLowerInvariant(), x.Path)))
            .Distinct()
            .ToList();

    private static string OpenApiPath(RoutePattern pattern) =>
        "/" + string.Join("/", pattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
        {
            RoutePatternLiteralPart l => l.Content,
            RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "",
        }))));

    [Theory, AllDatabases]
    public async Task The_openapi_document_describes_every_api_route_in_chinese_with_bearer_security_and_scalar_renders_it(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var anonymous = app.CreateClient();

        using var response = await anonymous.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = document.RootElement;
        var paths = root.GetProperty("paths").EnumerateObject().ToDictionary(p => p.Name.TrimEnd('/') is { Length: > 0 } t ? t : "/", p => p.Value);

        foreach (var required in new[] { "/api/cases", "/api/cases/{caseId}/application", "/api/meetings", "/api/auth/login", "/api/cases/{caseId}/evidence", "/api/audit/verify" })
        {
            Assert.True(paths.ContainsKey(required), $"{required} is missing from the OpenAPI document: {string.Join(", ", paths.Keys)}");
        }
        var mapped = MappedApiRoutes(app);
        Assert.True(mapped.Count > 30, $"only {mapped.Count} API routes found");
        var undocumented = mapped.Where(r => !paths.TryGetValue(r.Path.TrimEnd('/'), out var item) || !item.TryGetProperty(r.Method, out _)).ToList();
        Assert.True(undocumented.Count == 0, "not in the OpenAPI document: " + string.Join(", ", undocumented));
        var withoutChineseSummary = paths
            .SelectMany(p => p.Value.EnumerateObject().Select(op => (Route: $"{op.Name.ToUpperInvariant()} {p.Key}", Summary: op.Value.TryGetProperty("summary", out var s) ? s.GetString() ?? "" : "")))
            .Where(op => !Chinese().IsMatch(op.Summary))
            .ToList();
        Assert.True(withoutChineseSummary.Count == 0, "operations without a Chinese summary: " + string.Join(", ", withoutChineseSummary.Select(o => o.Route)));

        var bearer = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", bearer.GetProperty("type").GetString());
        Assert.Equal("bearer", bearer.GetProperty("scheme").GetString());
        Assert.Contains(root.GetProperty("security").EnumerateArray(), requirement => requirement.TryGetProperty("Bearer", out _));
        Assert.Contains("容错免责", root.GetProperty("info").GetProperty("title").GetString());

        using var scalar = await anonymous.GetAsync("/scalar/v1");
        Assert.Equal(HttpStatusCode.OK, scalar.StatusCode);
        Assert.Equal("text/html", scalar.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html", await scalar.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory, AllDatabases]
    public async Task Each_use_case_body_has_a_schema_of_its_own_named_after_the_use_case(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var anonymous = app.CreateClient();
        using var document = JsonDocument.Parse(await anonymous.GetStringAsync("/openapi/v1.json"));
        var root = document.RootElement;

        string? BodyOf(string path, string method) =>
            root.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("requestBody").GetProperty("content")
                .GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString();

        // Every nested Request used to be one schema "Request", so the correction plan showed the body of registering a matter.
        Assert.False(root.GetProperty("components").GetProperty("schemas").TryGetProperty("Request", out _));
        Assert.Equal("#/components/schemas/RegisterMatterRequest", BodyOf("/api/cases", "post"));
        Assert.Equal("#/components/schemas/CreatePlanRequest", BodyOf("/api/cases/{caseId}/correction/plan", "post"));
    }

    [Theory, AllDatabases]
    public async Task Cases_need_a_signed_in_user_and_me_shows_the_users_roles_and_unit(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var anonymous = app.CreateClient();

        using var cases = await anonymous.GetAsync("/api/cases");
        Assert.Equal(HttpStatusCode.Unauthorized, cases.StatusCode);
        using var me = await anonymous.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);

        var staffA = await app.As("staffA").GetOkAsync("/api/me");
        Assert.Equal("staffA", staffA.GetProperty("userName").GetString());
        Assert.Equal("何执法", staffA.GetProperty("displayName").GetString());
        Assert.Equal(["Staff"], staffA.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["干部职工"], staffA.GetProperty("roleNames").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("城东分局", staffA.GetProperty("unitName").GetString());
        Assert.Equal(app.Cast.BranchA, staffA.GetProperty("unitId").GetGuid());
        Assert.False(staffA.GetProperty("isLeader").GetBoolean());
    }

    [Theory, AllDatabases]
    public async Task A_wrong_password_is_refused_in_chinese_and_the_fifth_in_a_row_locks_the_account(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var client = app.CreateClient();
        Task<HttpResponseMessage> Login(string password) => client.PostAsJsonAsync("/api/auth/login", new { userName = "staffB", password });

        var unknownUser = await client.PostAsJsonAsync("/api/auth/login", new { userName = "nobody", password = "x" }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("login-failed", unknownUser.Code);
        Assert.Equal("用户名或密码错误。", unknownUser.Title);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var wrong = await Login("Wrong@2026x").ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Equal("login-failed", wrong.Code);
            Assert.Equal("用户名或密码错误。", wrong.Title);
        }
        var fifth = await Login("Wrong@2026x").ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("account-locked", fifth.Code);
        Assert.Equal("登录失败次数过多，请 15 分钟后再试，或联系安全管理员解除锁定。", fifth.Title);

        // Locked means locked: the right password is refused too, while other accounts still sign in.
        var rightPassword = await Login(TestApp.Password).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("account-locked", rightPassword.Code);
        var other = await client.PostAsJsonAsync("/api/auth/login", new { userName = "staffA", password = TestApp.Password }).OkAsync();
        Assert.False(string.IsNullOrEmpty(other.GetProperty("accessToken").GetString()));
    }

    [Theory, AllDatabases]
    public async Task An_unexpected_server_error_answers_a_chinese_problem_without_any_stack_trace(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var c = await new Support.Procedure(app).RegisterAsync();
        // A row no code path can produce: the stored status is not a status at all.
        var changed = await app.WithDbAsync(d => d.Database.ExecuteSqlAsync($"UPDATE \"Cases\" SET \"Status\" = {"Exploded"} WHERE \"Number\" = {c.Number}"));
        Assert.Equal(1, changed);

        using var response = await app.As("inv").GetAsync(c.Url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.InternalServerError, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal("internal-error", problem.GetProperty("code").GetString());
        Assert.Equal(500, problem.GetProperty("status").GetInt32());
        Assert.Equal("系统内部错误，操作未完成，数据未做任何修改。请稍后重试或联系系统管理员。", problem.GetProperty("title").GetString());
        foreach (var leak in new[] { "Exception", "   at ", ".cs:line", "SafeHarbor.", "System.", "Exploded", "stackTrace", "StackTrace" })
        {
            Assert.DoesNotContain(leak, text);
        }
    }
}
