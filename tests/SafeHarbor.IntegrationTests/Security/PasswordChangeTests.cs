using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Infrastructure.Security;
using SafeHarbor.IntegrationTests.Pages;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Security;

public sealed class PasswordChangeTests
{
    [Theory, AllDatabases]
    public async Task An_initial_password_opens_only_the_password_change_until_it_is_changed(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.As("sysadmin").PostJsonAsync("/api/admin/users", new { userName = "newstaff", displayName = "新同事", password = "Start@2026x" }).OkAsync();

        using var client = app.CreateClient();
        var token = (await client.PostAsJsonAsync("/api/auth/login", new { userName = "newstaff", password = "Start@2026x" }).OkAsync()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var held = await client.GetAsync("/api/cases").ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("password-change-required", held.Code);
        Assert.Equal("ChangePassword", (await client.GetOkAsync("/api/me")).GetProperty("pendingStep").GetString());

        var weak = await client.PostJsonAsync("/api/auth/password", new { currentPassword = "Start@2026x", newPassword = "abcd1234" }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("常见弱密码", weak.Title);
        var wrongCurrent = await client.PostJsonAsync("/api/auth/password", new { currentPassword = "Nope@2026x", newPassword = "Mine@2026yz" }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("当前密码不正确。", wrongCurrent.Title);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostJsonAsync("/api/auth/password", new { currentPassword = "Start@2026x", newPassword = "Mine@2026yz" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/cases")).StatusCode); // the change ended the account's tokens
        token = (await client.PostAsJsonAsync("/api/auth/login", new { userName = "newstaff", password = "Mine@2026yz" }).OkAsync()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        await client.GetOkAsync("/api/cases");

        var user = await app.WithDbAsync(d => d.Users.SingleAsync(u => u.UserName == "newstaff"));
        Assert.False(user.MustChangePassword);
        Assert.Equal(app.Clock.GetUtcNow(), user.PasswordChangedAt);
        Assert.Single(await SecurityTestKit.EventsAsync(app, SecurityEventKinds.PasswordChanged), e => e.Subject == "newstaff");
        await SecurityTestKit.AssertChainIntactAsync(app);
    }

    [Theory, AllDatabases]
    public async Task Every_page_sends_an_account_with_an_initial_password_to_the_change_page(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.As("sysadmin").PostJsonAsync("/api/admin/users", new { userName = "newpage", displayName = "新同事", password = "Start@2026x" }).OkAsync();
        using var browser = new Browser(app);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync("newpage", "Start@2026x")).Status);
        foreach (var page in new[] { "/", "/Cases", "/Admin/Policies" })
        {
            Assert.Equal("/Account/Password", (await browser.GetAsync(page)).Location);
        }
        var form = await browser.GetAsync("/Account/Password");
        Assert.NotNull(form.Find("[data-testid=must-change]"));
        var mismatch = await browser.SubmitAsync(form, "[data-testid=password-form]", f => f.Set("Input.CurrentPassword", "Start@2026x").Set("Input.NewPassword", "Mine@2026yz").Set("Input.ConfirmPassword", "Mine@2026yq"));
        Assert.Contains("两次输入的新密码不一致。", mismatch.Text);
        var changed = await browser.SubmitAsync(mismatch, "[data-testid=password-form]", f => f.Set("Input.CurrentPassword", "Start@2026x").Set("Input.NewPassword", "Mine@2026yz").Set("Input.ConfirmPassword", "Mine@2026yz"));
        Assert.Equal("/", changed.Location);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Cases")).Status);
    }

    [Theory, AllDatabases]
    public async Task The_system_administrator_resets_a_password_which_must_then_be_changed_but_never_the_other_two_administrators(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var admin = app.As("sysadmin");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostJsonAsync($"/api/admin/users/{app.Cast.UserIdOf["staffA"]}/password", new { newPassword = "Reset@2026x" })).StatusCode);
        foreach (var other in new[] { "secadmin", "auditadmin" })
        {
            var refused = await admin.PostJsonAsync($"/api/admin/users/{app.Cast.UserIdOf[other]}/password", new { newPassword = "Reset@2026x" }).ProblemAsync(HttpStatusCode.Forbidden);
            Assert.Equal("系统管理员不能重置安全管理员、审计管理员的密码（三员分立）。", refused.Title);
        }

        using var staffA = app.CreateClient();
        await staffA.PostAsJsonAsync("/api/auth/login", new { userName = "staffA", password = TestApp.Password }).ProblemAsync(HttpStatusCode.BadRequest);
        var (token, key) = await Authenticator.FirstSignInAsync(staffA, "staffA", "Reset@2026x", "Mine@2026yz");
        Assert.Null(key);
        staffA.DefaultRequestHeaders.Authorization = new("Bearer", token);
        await staffA.GetOkAsync("/api/cases");

        var reset = Assert.Single(await SecurityTestKit.EventsAsync(app, SecurityEventKinds.PasswordReset));
        Assert.Equal("staffA", reset.Subject);
        Assert.Equal("系统管理员", reset.ActorName);
        await SecurityTestKit.AssertChainIntactAsync(app);
    }

    [Theory, AllDatabases]
    public async Task With_an_expiry_a_password_older_than_the_bureaus_days_must_be_changed(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.As("secadmin").PutJsonAsync("/api/security/settings", new
        {
            passwordMinLength = 8, passwordCharacterClasses = 3, passwordExpiryDays = 30, twoFactorForEveryone = false, idleTimeoutMinutes = 15, absoluteTimeoutHours = 12,
        }).OkAsync();
        async Task<HttpResponseMessage> CasesAfterSignInAsync()
        {
            using var client = app.CreateClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", (await client.PostAsJsonAsync("/api/auth/login", new { userName = "staffB", password = "Mine@2026yz" }).OkAsync()).GetProperty("accessToken").GetString());
            return await client.GetAsync("/api/cases");
        }

        // The cast's passwords were set before any change was recorded: they count as expired.
        using (var staffB = await SecurityTestKit.SignedInAsIsAsync(app, "staffB", TestApp.Password))
        {
            Assert.Equal("password-change-required", (await staffB.GetAsync("/api/cases").ProblemAsync(HttpStatusCode.Forbidden)).Code);
            Assert.Equal(HttpStatusCode.NoContent, (await staffB.PostJsonAsync("/api/auth/password", new { currentPassword = TestApp.Password, newPassword = "Mine@2026yz" })).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await CasesAfterSignInAsync()).StatusCode);
        app.MoveTo(app.Clock.Today.AddDays(29));
        Assert.Equal(HttpStatusCode.OK, (await CasesAfterSignInAsync()).StatusCode);
        app.MoveTo(app.Clock.Today.AddDays(2));
        Assert.Equal("password-change-required", (await Task.FromResult(await CasesAfterSignInAsync()).ProblemAsync(HttpStatusCode.Forbidden)).Code);
    }
}
