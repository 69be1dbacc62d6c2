using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Infrastructure.Security;
using SafeHarbor.IntegrationTests.Pages;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Security;

public sealed class TwoFactorTests
{
    [Theory, AllDatabases]
    public async Task An_enrolled_account_signs_in_through_the_api_only_with_a_code_or_an_unused_recovery_code(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var staffA = app.As("staffA");
        var state = await staffA.GetOkAsync("/api/auth/two-factor");
        Assert.False(state.GetProperty("enabled").GetBoolean());
        Assert.False(state.GetProperty("required").GetBoolean());
        var key = state.GetProperty("sharedKey").GetString()!;
        Assert.StartsWith("otpauth://totp/SafeHarbor%3AstaffA?secret=", state.GetProperty("authenticatorUri").GetString());
        var wrong = await staffA.PostJsonAsync("/api/auth/two-factor", new { code = "000000" == Authenticator.Code(key) ? "111111" : "000000" }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("two-factor-code-wrong", wrong.Code);
        var recovery = (await staffA.PostJsonAsync("/api/auth/two-factor", new { code = Authenticator.Code(key) }).OkAsync())
            .GetProperty("recoveryCodes").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.Equal(10, recovery.Count);

        using var client = app.CreateClient();
        var missing = await client.PostAsJsonAsync("/api/auth/login", new { userName = "staffA", password = TestApp.Password }).ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("two-factor-required", missing.Code);
        Assert.Contains("动态口令", missing.Title);
        var bad = await client.PostAsJsonAsync("/api/auth/login", new { userName = "staffA", password = TestApp.Password, twoFactorCode = "12345" }).ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("two-factor-required", bad.Code);
        await client.PostAsJsonAsync("/api/auth/login", new { userName = "staffA", password = TestApp.Password, twoFactorCode = Authenticator.Code(key) }).OkAsync();
        await client.PostAsJsonAsync("/api/auth/login", new { userName = "staffA", password = TestApp.Password, recoveryCode = recovery[3] }).OkAsync();
        await client.PostAsJsonAsync("/api/auth/login", new { userName = "staffA", password = TestApp.Password, recoveryCode = recovery[3] }).ProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Single(await SecurityTestKit.EventsAsync(app, SecurityEventKinds.TwoFactorEnrolled), e => e.Subject == "staffA");
        var failed = await SecurityTestKit.EventsAsync(app, SecurityEventKinds.SignInFailed);
        Assert.Equal(["动态口令错误", "恢复码错误"], failed.Select(e => e.Details.GetProperty("details").GetProperty("reason").GetString()));
        var signIns = await SecurityTestKit.EventsAsync(app, SecurityEventKinds.SignIn);
        Assert.Contains(signIns, e => e.Subject == "staffA" && e.Details.GetProperty("details").GetProperty("factors").GetString() == "密码、动态口令");
        Assert.Contains(signIns, e => e.Subject == "staffA" && e.Details.GetProperty("details").GetProperty("factors").GetString() == "密码、恢复码");
        await SecurityTestKit.AssertChainIntactAsync(app);
    }

    [Theory, AllDatabases]
    public async Task An_administrator_and_with_the_bureaus_switch_everyone_can_do_nothing_before_enrolling(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var made = await app.As("sysadmin").PostJsonAsync("/api/admin/users", new { userName = "sysadmin2", displayName = "第二系统管理员", password = "Start@2026x" }).OkAsync();
        await app.As("secadmin").PutJsonAsync($"/api/security/users/{made.GetProperty("id").GetGuid()}/roles", new { roles = new[] { "SystemAdmin" } }).OkAsync();
        using (var client = app.CreateClient())
        {
            var token = (await client.PostAsJsonAsync("/api/auth/login", new { userName = "sysadmin2", password = "Start@2026x" }).OkAsync()).GetProperty("accessToken").GetString();
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
            Assert.Equal(HttpStatusCode.NoContent, (await client.PostJsonAsync("/api/auth/password", new { currentPassword = "Start@2026x", newPassword = "Mine@2026yz" })).StatusCode);
            token = (await client.PostAsJsonAsync("/api/auth/login", new { userName = "sysadmin2", password = "Mine@2026yz" }).OkAsync()).GetProperty("accessToken").GetString();
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
            var held = await client.GetAsync("/api/admin/users").ProblemAsync(HttpStatusCode.Forbidden);
            Assert.Equal("two-factor-enrolment-required", held.Code);
            Assert.Equal("EnrolSecondFactor", (await client.GetOkAsync("/api/me")).GetProperty("pendingStep").GetString());
        }
        using (var client = app.CreateClient())
        {
            var (token, key) = await Authenticator.FirstSignInAsync(client, "sysadmin2", "Mine@2026yz", "Mine@2026zz");
            Assert.NotNull(key);
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
            await client.GetOkAsync("/api/admin/users");
        }

        await app.As("secadmin").PutJsonAsync("/api/security/settings", new
        {
            passwordMinLength = 8, passwordCharacterClasses = 3, passwordExpiryDays = 0, twoFactorForEveryone = true, idleTimeoutMinutes = 15, absoluteTimeoutHours = 12,
        }).OkAsync();
        using var staffA = await SecurityTestKit.SignedInAsIsAsync(app, "staffA", TestApp.Password);
        Assert.Equal("two-factor-enrolment-required", (await staffA.GetAsync("/api/cases").ProblemAsync(HttpStatusCode.Forbidden)).Code);
        using var browser = await Browser.SignedInAsync(app, "staffB");
        Assert.Equal("/Account/TwoFactor", (await browser.GetAsync("/Cases")).Location);
    }

    [Theory, AllDatabases]
    public async Task The_enrolment_page_shows_the_qr_code_and_the_key_and_the_sign_in_page_asks_for_the_code(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using (var browser = await Browser.SignedInAsync(app, "leaderA"))
        {
            var page = await browser.GetAsync("/Account/TwoFactor");
            var key = page.Find("[data-testid=shared-key]")!.TextContent;
            Assert.Matches("^([a-z2-7]{4} )+[a-z2-7]{1,4}$", key);
            Assert.Equal("/Account/TwoFactor?handler=QrCode", page.Find("[data-testid=qr-code]")!.GetAttribute("src"));
            Assert.Empty(page.Document.QuerySelectorAll("main script"));
            using (var qr = await browser.Client.GetAsync("/Account/TwoFactor?handler=QrCode"))
            {
                Assert.Equal("image/png", qr.Content.Headers.ContentType?.MediaType);
                Assert.Equal([0x89, 0x50, 0x4E, 0x47], (await qr.Content.ReadAsByteArrayAsync()).Take(4));
            }
            var confirmed = await browser.SubmitAsync(page, "[data-testid=enrol-form]", f => f.Set("Code", Authenticator.Code(key)));
            Assert.Equal(10, confirmed.Document.QuerySelectorAll("[data-testid=recovery-codes] li").Length);
            app.Cast.AuthenticatorKeyOf["leaderA"] = key;
        }

        using var next = new Browser(app);
        var login = await next.GetAsync("/Account/Login");
        var password = await next.SubmitAsync(login, "main form", f => f.Set("Input.UserName", "leaderA").Set("Input.Password", TestApp.Password));
        Assert.StartsWith("/Account/LoginTwoFactor", password.Location);
        Assert.StartsWith("/Account/Login", (await next.GetAsync("/Cases")).Location); // not signed in yet
        var second = await next.GetAsync(password.Location!);
        var wrong = await next.SubmitAsync(second, "main form", f => f.Set("Code", "12345"));
        Assert.Contains(SafeHarbor.Features.Auth.SignInSteps.SecondFactorWrongMessage, wrong.Text);
        var signedIn = await next.SubmitAsync(wrong, "main form", f => f.Set("Code", Authenticator.Code(app.Cast.AuthenticatorKeyOf["leaderA"])));
        Assert.Equal("/", signedIn.Location);
        Assert.Equal(HttpStatusCode.OK, (await next.GetAsync("/Cases")).Status);
        Assert.Contains(await SecurityTestKit.EventsAsync(app, SecurityEventKinds.SignIn), e => e.Subject == "leaderA" && e.Details.GetProperty("details").GetProperty("via").GetString() == "页面");
    }

    [Theory, AllDatabases]
    public async Task The_security_administrator_resets_a_second_factor_and_the_account_enrols_again(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var auditor = app.Cast.UserIdOf["auditadmin"];
        Assert.Equal(HttpStatusCode.NoContent, (await app.As("secadmin").PostAsync($"/api/security/users/{auditor}/two-factor/reset", null)).StatusCode);
        Assert.False(await app.WithDbAsync(d => d.Users.Where(u => u.Id == auditor).Select(u => u.TwoFactorEnabled).SingleAsync()));
        var again = await app.As("secadmin").PostAsync($"/api/security/users/{auditor}/two-factor/reset", null).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("two-factor-not-enrolled", again.Code);

        using var client = app.CreateClient();
        var token = (await client.PostAsJsonAsync("/api/auth/login", new { userName = "auditadmin", password = TestApp.Password }).OkAsync()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal("two-factor-enrolment-required", (await client.GetAsync("/api/audit/verify").ProblemAsync(HttpStatusCode.Forbidden)).Code);
        var newKey = (await client.GetOkAsync("/api/auth/two-factor")).GetProperty("sharedKey").GetString()!;
        Assert.NotEqual(app.Cast.AuthenticatorKeyOf["auditadmin"], newKey.Replace(" ", "").ToUpperInvariant());

        var reset = Assert.Single(await SecurityTestKit.EventsAsync(app, SecurityEventKinds.TwoFactorReset));
        Assert.Equal("auditadmin", reset.Subject);
        await SecurityTestKit.AssertChainIntactAsync(app);
    }
}
