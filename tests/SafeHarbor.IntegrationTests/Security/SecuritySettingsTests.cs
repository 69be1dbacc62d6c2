using System.Net;
using SafeHarbor.Infrastructure.Security;
using SafeHarbor.IntegrationTests.Admin;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Security;

public sealed class SecuritySettingsTests
{
    [Theory, AllDatabases]
    public async Task The_security_administrator_alone_sets_the_rules_each_change_audited_with_before_and_after(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var sec = app.As("secadmin");
        var defaults = await sec.GetOkAsync("/api/security/settings");
        Assert.Equal(8, defaults.GetProperty("passwordMinLength").GetInt32());
        Assert.Equal(3, defaults.GetProperty("passwordCharacterClasses").GetInt32());

        var invalid = await sec.PutJsonAsync("/api/security/settings", new
        {
            passwordMinLength = 6, passwordCharacterClasses = 5, passwordExpiryDays = -1, twoFactorForEveryone = false, idleTimeoutMinutes = 0, absoluteTimeoutHours = 48,
        }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["absoluteTimeoutHours", "idleTimeoutMinutes", "passwordCharacterClasses", "passwordExpiryDays", "passwordMinLength"],
            invalid.Body.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
        Assert.Contains("等保三级要求至少 8 位", invalid.Body.GetProperty("errors").GetProperty("passwordMinLength")[0].GetString());

        foreach (var other in new[] { "sysadmin", "auditadmin", "inv" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await app.As(other).GetAsync("/api/security/settings")).StatusCode);
        }

        var saved = await sec.PutJsonAsync("/api/security/settings", new
        {
            passwordMinLength = 10, passwordCharacterClasses = 4, passwordExpiryDays = 90, twoFactorForEveryone = true, idleTimeoutMinutes = 10, absoluteTimeoutHours = 8,
        }).OkAsync();
        Assert.Equal(10, saved.GetProperty("passwordMinLength").GetInt32());
        var change = Assert.Single(await SecurityTestKit.EventsAsync(app, SecurityEventKinds.SettingsChanged));
        var details = change.Details.GetProperty("details");
        Assert.Equal(8, details.GetProperty("before").GetProperty("passwordMinLength").GetInt32());
        Assert.Equal(10, details.GetProperty("after").GetProperty("passwordMinLength").GetInt32());
        Assert.True(details.GetProperty("after").GetProperty("twoFactorForEveryone").GetBoolean());
        Assert.Equal("安全管理员", change.ActorName);
        await SecurityTestKit.AssertChainIntactAsync(app);
    }

    [Theory, AllDatabases]
    public async Task The_security_page_saves_the_rules_and_lifts_a_lock_and_is_closed_to_the_other_administrators(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var stranger = SecurityTestKit.From(app, "203.0.113.5");
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await stranger.PostAsync("/api/auth/login", System.Net.Http.Json.JsonContent.Create(new { userName = "inv2", password = "Guess@2026x" }));
        }
        using (var sysadmin = await AdminBrowser.SignInAsync(app, "sysadmin"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await sysadmin.GetAsync("/Admin/Security")).Status);
        }
        using var sec = await AdminBrowser.SignInAsync(app, "secadmin");
        var page = await sec.GetAsync("/Admin/Security");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("安全策略", page.Text);
        var locked = page.Document.QuerySelector("tr[data-user=inv2]")!;
        Assert.Contains("锁定至", locked.TextContent);
        Assert.NotNull(page.Document.QuerySelector("tr[data-user=sysadmin] button"));

        var refused = await sec.PostAsync("/Admin/Security", page, [("Input.PasswordMinLength", "4"), ("Input.PasswordCharacterClasses", "3"), ("Input.PasswordExpiryDays", "0"),
            ("Input.IdleTimeoutMinutes", "15"), ("Input.AbsoluteTimeoutHours", "12")]);
        Assert.Contains("密码最短长度须在 8 到 64 位之间", refused.Text);
        var saved = await sec.PostAsync("/Admin/Security", page, [("Input.PasswordMinLength", "9"), ("Input.PasswordCharacterClasses", "3"), ("Input.PasswordExpiryDays", "0"),
            ("Input.IdleTimeoutMinutes", "15"), ("Input.AbsoluteTimeoutHours", "12")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal("9", (await sec.GetAsync("/Admin/Security")).Document.QuerySelector("input[name='Input.PasswordMinLength']")!.GetAttribute("value"));

        var unlocked = await sec.PostAsync($"/Admin/Security?handler=Unlock&id={app.Cast.UserIdOf["inv2"]}", page, []);
        Assert.Equal(HttpStatusCode.Redirect, unlocked.Status);
        Assert.DoesNotContain("锁定至", (await sec.GetAsync("/Admin/Security")).Document.QuerySelector("tr[data-user=inv2]")!.TextContent);
        Assert.Single(await SecurityTestKit.EventsAsync(app, SecurityEventKinds.Unlocked));
    }
}
