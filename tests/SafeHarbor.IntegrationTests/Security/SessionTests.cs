using System.Net;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Infrastructure.Security;
using SafeHarbor.IntegrationTests.Pages;
using SafeHarbor.IntegrationTests.Support;
using SafeHarbor.Organisation;

namespace SafeHarbor.IntegrationTests.Security;

/// <summary>Page sessions end on the server: after the bureau's idle timeout, at its absolute limit, and when the account signs out anywhere.</summary>
public sealed class SessionTests
{
    [Theory, AllDatabases]
    public async Task A_page_session_ends_after_15_idle_minutes_and_the_sign_in_page_says_it_timed_out(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var browser = await Browser.SignedInAsync(app, "staffA");

        app.Clock.Now = app.Clock.Now.AddMinutes(14);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).Status);
        app.Clock.Now = app.Clock.Now.AddMinutes(14);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).Status);

        app.Clock.Now = app.Clock.Now.AddMinutes(16);
        var refused = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, refused.Status);
        Assert.StartsWith("/Account/Login", refused.Location);
        Assert.Contains("timeout=1", refused.Location);
        var login = await browser.FollowAsync(refused);
        Assert.Contains("会话已超时，请重新登录。", login.Text);
        // Going back in time does not bring the session back: the cookie was cleared on the server's refusal.
        app.Clock.Now = app.Clock.Now.AddMinutes(-16);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).Status);
    }

    [Theory, AllDatabases]
    public async Task The_bureaus_own_timeouts_apply_and_activity_does_not_stretch_a_session_past_the_absolute_limit(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.WithDbAsync(async d =>
        {
            d.SecuritySettings.Add(new SecuritySettings { BureauId = app.Cast.BureauId, IdleTimeoutMinutes = 30, AbsoluteTimeoutHours = 1 });
            await d.SaveChangesAsync();
        });
        using var browser = await Browser.SignedInAsync(app, "staffA");

        app.Clock.Now = app.Clock.Now.AddMinutes(25);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).Status);
        app.Clock.Now = app.Clock.Now.AddMinutes(25);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).Status);
        app.Clock.Now = app.Clock.Now.AddMinutes(10); // one hour after sign-in, ten minutes after the last request
        var refused = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, refused.Status);
        Assert.Contains("timeout=1", refused.Location);
    }

    [Theory, AllDatabases]
    public async Task Continue_in_the_warning_renews_the_idle_window_and_needs_the_antiforgery_token(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var browser = await Browser.SignedInAsync(app, "staffA");
        var home = await browser.GetAsync("/");
        Assert.Equal("900", home.Document.Body!.GetAttribute("data-session-seconds"));

        using (var forged = await browser.Client.PostAsync("/Account/KeepAlive", new FormUrlEncodedContent([])))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }
        app.Clock.Now = app.Clock.Now.AddMinutes(13);
        var renewed = await browser.SubmitAsync(home, "#session-keep-alive");
        Assert.Equal(HttpStatusCode.OK, renewed.Status);
        Assert.Contains("\"secondsLeft\":900", renewed.Text);

        app.Clock.Now = app.Clock.Now.AddMinutes(14); // 27 minutes after the last page, 14 after 继续
        var page = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.Status);
    }

    [Theory, AllDatabases]
    public async Task Polling_in_the_background_does_not_keep_a_session_alive(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var browser = await Browser.SignedInAsync(app, "staffA");

        app.Clock.Now = app.Clock.Now.AddMinutes(10);
        using (var poll = new HttpRequestMessage(HttpMethod.Get, "/"))
        {
            poll.Headers.Add(Sessions.BackgroundHeader, "1");
            using var answer = await browser.Client.SendAsync(poll);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }
        app.Clock.Now = app.Clock.Now.AddMinutes(6);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).Status);
    }

    [Theory, AllDatabases]
    public async Task A_cookie_saved_before_signing_out_is_refused_afterwards_and_the_sign_out_is_audited(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var browser = new Browser(app);
        var signIn = await browser.SignInAsync("staffA");
        var cookie = signIn.SetCookies.Single(c => c.StartsWith("SafeHarbor=", StringComparison.Ordinal)).Split(';')[0];
        var home = await browser.GetAsync("/");
        using var second = new Browser(app);
        second.Client.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/")).Status);

        var signedOut = await browser.SubmitAsync(home, "#sign-out");
        Assert.Equal("/Account/Login", signedOut.Location);

        var replay = await second.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, replay.Status);
        Assert.StartsWith("/Account/Login", replay.Location);
        var events = await app.WithDbAsync(d => d.AuditEntries.Where(e => e.EntityType == SecurityEventKinds.EntityType && e.Action == SecurityEventKinds.SignOut)
            .Select(e => e.ActorUserId).ToListAsync());
        Assert.Equal([app.Cast.UserIdOf["staffA"]], events);
    }
}
