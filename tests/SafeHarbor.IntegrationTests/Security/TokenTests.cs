using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Security;
using SafeHarbor.IntegrationTests.Support;
using SafeHarbor.Organisation;

namespace SafeHarbor.IntegrationTests.Security;

/// <summary>API tokens: short-lived, renewed with the refresh token up to the absolute limit, ended by sign-out, a password or a role change.</summary>
public sealed class TokenTests
{
    [Theory, AllDatabases]
    public async Task An_access_token_lasts_15_minutes_and_the_refresh_token_gives_a_new_one(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var client = app.CreateClient();
        var login = await LoginAsync(client, "staffA");
        Assert.Equal(900, login.GetProperty("expiresIn").GetInt32());
        Assert.Equal(HttpStatusCode.OK, await MeAsync(client, login));

        app.Clock.Now = app.Clock.Now.AddMinutes(16);
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(client, login));
        var refreshed = await client.PostJsonAsync("/api/auth/refresh", new { refreshToken = Refresh(login) }).OkAsync();
        Assert.Equal(HttpStatusCode.OK, await MeAsync(client, refreshed));
        Assert.NotEqual(Refresh(login), Refresh(refreshed));

        var problem = await client.PostJsonAsync("/api/auth/refresh", new { refreshToken = "not-a-token" }).ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("refresh-invalid", problem.Code);
        Assert.Equal("刷新令牌无效或已过期，请重新登录。", problem.Title);
    }

    [Theory, AllDatabases]
    public async Task Refreshing_stops_at_the_bureaus_absolute_limit_counted_from_the_password_sign_in(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.WithDbAsync(async d =>
        {
            d.SecuritySettings.Add(new SecuritySettings { BureauId = app.Cast.BureauId, AbsoluteTimeoutHours = 1 });
            await d.SaveChangesAsync();
        });
        using var client = app.CreateClient();
        var tokens = await LoginAsync(client, "staffA");
        for (var i = 0; i < 4; i++)
        {
            app.Clock.Now = app.Clock.Now.AddMinutes(14);
            tokens = await client.PostJsonAsync("/api/auth/refresh", new { refreshToken = Refresh(tokens) }).OkAsync();
        }
        app.Clock.Now = app.Clock.Now.AddMinutes(5); // 61 minutes after the sign-in
        var problem = await client.PostJsonAsync("/api/auth/refresh", new { refreshToken = Refresh(tokens) }).ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("session-expired", problem.Code);
        Assert.Equal("自登录起已超过 1 小时，请重新登录。", problem.Title);
    }

    [Theory, AllDatabases]
    public async Task Signing_out_through_the_api_ends_every_token_of_the_account_and_is_audited(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var client = app.CreateClient();
        var first = await LoginAsync(client, "staffA");
        var second = await LoginAsync(client, "staffA");
        var other = await LoginAsync(client, "staffB");

        using (var logout = new HttpRequestMessage(HttpMethod.Post, "/api/auth/logout"))
        {
            logout.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Access(first));
            using var answer = await client.SendAsync(logout);
            Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(client, first));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(client, second));
        Assert.Equal(HttpStatusCode.OK, await MeAsync(client, other));
        var problem = await client.PostJsonAsync("/api/auth/refresh", new { refreshToken = Refresh(second) }).ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("session-ended", problem.Code);
        var events = await app.WithDbAsync(d => d.AuditEntries.Where(e => e.EntityType == SecurityEventKinds.EntityType && e.Action == SecurityEventKinds.SignOut)
            .Select(e => e.ActorUserId).ToListAsync());
        Assert.Equal([app.Cast.UserIdOf["staffA"]], events);
    }

    [Theory, AllDatabases]
    public async Task A_token_is_refused_as_soon_as_the_accounts_roles_are_removed(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var client = app.CreateClient();
        var tokens = await LoginAsync(client, "staffA");
        Assert.Equal(HttpStatusCode.OK, await MeAsync(client, tokens));

        await app.As("secadmin").PutJsonAsync($"/api/security/users/{app.Cast.UserIdOf["staffA"]}/roles", new { roles = Array.Empty<string>() }).OkAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(client, tokens));
        await client.PostJsonAsync("/api/auth/refresh", new { refreshToken = Refresh(tokens) }).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory, AllDatabases]
    public async Task A_token_is_refused_after_the_password_was_changed(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var client = app.CreateClient();
        var tokens = await LoginAsync(client, "staffA");

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByNameAsync("staffA");
            Assert.True((await users.ChangePasswordAsync(user!, TestApp.Password, "Changed@2026y")).Succeeded);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(client, tokens));
        await client.PostJsonAsync("/api/auth/refresh", new { refreshToken = Refresh(tokens) }).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    private static Task<JsonElement> LoginAsync(HttpClient client, string userName) =>
        client.PostJsonAsync("/api/auth/login", new { userName, password = TestApp.Password }).OkAsync();

    private static string Access(JsonElement tokens) => tokens.GetProperty("accessToken").GetString()!;

    private static string Refresh(JsonElement tokens) => tokens.GetProperty("refreshToken").GetString()!;

    private static async Task<HttpStatusCode> MeAsync(HttpClient client, JsonElement tokens)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Access(tokens));
        using var answer = await client.SendAsync(request);
        return answer.StatusCode;
    }
}
