using System.Net;
using System.Net.Http.Json;
using SafeHarbor.Infrastructure.Security;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Security;

public sealed class LockoutTests
{
    [Theory, AllDatabases]
    public async Task Five_failures_lock_the_name_at_that_address_only_and_an_unknown_name_is_answered_exactly_alike(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var stranger = SecurityTestKit.From(app, "203.0.113.66");
        using var desk = SecurityTestKit.From(app, "198.51.100.7");


        var known = new List<(HttpStatusCode, string, string)>();
        var unknown = new List<(HttpStatusCode, string, string)>();
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            known.Add(await AnswerAsync(stranger, "auditadmin", "Guess@2026x"));
            unknown.Add(await AnswerAsync(stranger, "nosuchuser", "Guess@2026x"));
        }
        // The same answers, one by one: four wrong-password refusals, then the lockout, for a name that exists or not.
        Assert.Equal(known, unknown);
        Assert.All(known.Take(4), a => Assert.Equal((HttpStatusCode.BadRequest, "login-failed", "用户名或密码错误。"), a));
        Assert.All(known.Skip(4), a => Assert.Equal((HttpStatusCode.Forbidden, "account-locked", SignInThrottle.LockedMessage), a));

        // The administrator at her own desk still signs in: the stranger locked only his own address.
        await desk.PostAsJsonAsync("/api/auth/login", app.Cast.LoginBody("auditadmin", TestApp.Password)).OkAsync();
        Assert.Equal((HttpStatusCode.Forbidden, "account-locked", SignInThrottle.LockedMessage), await AnswerAsync(stranger, "auditadmin", TestApp.Password));

        var lockouts = await SecurityTestKit.EventsAsync(app, SecurityEventKinds.LockedOut);
        Assert.Equal(["auditadmin", "nosuchuser"], lockouts.Select(e => e.Subject).Order());
        var failures = await SecurityTestKit.EventsAsync(app, SecurityEventKinds.SignInFailed);
        Assert.Contains(failures, e => e.Subject == "nosuchuser" && e.Details.GetProperty("details").GetProperty("reason").GetString() == "用户名不存在");
        Assert.Contains(failures, e => e.Subject == "auditadmin" && e.Details.GetProperty("details").GetProperty("reason").GetString() == "密码错误"
            && e.Details.GetProperty("address").GetString() == "203.0.113.66");
        Assert.DoesNotContain(failures, e => e.Details.GetRawText().Contains("Guess@2026x", StringComparison.Ordinal));
        await SecurityTestKit.AssertChainIntactAsync(app);
    }

    [Theory, AllDatabases]
    public async Task A_lock_ends_after_fifteen_minutes_or_when_the_security_administrator_lifts_it(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var from = SecurityTestKit.From(app, "203.0.113.80");
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await AnswerAsync(from, "staffB", "Guess@2026x");
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await AnswerAsync(from, "staffB", TestApp.Password)).Item1);
        var listed = await app.As("secadmin").GetOkAsync("/api/security/accounts");
        Assert.Contains(listed.EnumerateArray(), a => a.GetProperty("userName").GetString() == "staffB" && a.GetProperty("lockedUntil").ValueKind != System.Text.Json.JsonValueKind.Null);

        Assert.Equal(HttpStatusCode.NoContent, (await app.As("secadmin").PostAsync($"/api/security/users/{app.Cast.UserIdOf["staffB"]}/unlock", null)).StatusCode);
        await from.PostAsJsonAsync("/api/auth/login", new { userName = "staffB", password = TestApp.Password }).OkAsync();
        var again = await app.As("secadmin").PostAsync($"/api/security/users/{app.Cast.UserIdOf["staffB"]}/unlock", null).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("not-locked", again.Code);
        var refused = await app.As("sysadmin").PostAsync($"/api/security/users/{app.Cast.UserIdOf["staffB"]}/unlock", null);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await AnswerAsync(from, "staffB", "Guess@2026x");
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await AnswerAsync(from, "staffB", TestApp.Password)).Item1);
        app.Clock.Now += TimeSpan.FromMinutes(16);
        await from.PostAsJsonAsync("/api/auth/login", new { userName = "staffB", password = TestApp.Password }).OkAsync();

        var unlocked = Assert.Single(await SecurityTestKit.EventsAsync(app, SecurityEventKinds.Unlocked));
        Assert.Equal("staffB", unlocked.Subject);
        Assert.Equal("安全管理员", unlocked.ActorName);
        await SecurityTestKit.AssertChainIntactAsync(app);
    }

    private static async Task<(HttpStatusCode, string, string)> AnswerAsync(HttpClient from, string userName, string password)
    {
        using var response = await from.PostAsJsonAsync("/api/auth/login", new { userName, password });
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return (response.StatusCode, body.GetProperty("code").GetString()!, body.GetProperty("title").GetString()!);
    }
}
