using Microsoft.Playwright;
using SafeHarbor.IntegrationTests.Support;
using static Microsoft.Playwright.Assertions;

namespace SafeHarbor.IntegrationTests.BrowserUi;

/// <summary>
/// The idle warning in a real browser. The page's timers run on Playwright's fake clock and the server's on the
/// <see cref="TestClock"/>; the test moves both by the same minutes.
/// </summary>
public sealed class SessionBrowserTests
{
    [SqliteOnly("Chromium drives the warning dialog of a Kestrel-served app; the session rules are tested on both databases in SessionTests")]
    public async Task Two_minutes_before_the_idle_end_a_warning_offers_continue_which_renews_the_session_and_at_the_end_the_sign_in_page_says_it_timed_out()
    {
        await using var app = await KestrelApp.StartAsync();
        await using var chromium = await Chromium.LaunchAsync(app, "session-");
        var page = chromium.Page;
        await page.Clock.InstallAsync();
        await chromium.SignInAsync("staffA", "何执法");
        var warning = page.GetByRole(AriaRole.Dialog, new() { Name = "会话即将结束" });

        await Advance(app, page, minutes: 12);
        await Expect(warning).ToBeHiddenAsync();
        await Advance(app, page, minutes: 1.5);
        await Expect(warning).ToBeVisibleAsync();
        await Expect(warning).ToContainTextAsync("您已较长时间未操作，会话将在 2 分钟后结束");
        await chromium.ShotAsync("idle-warning");

        await warning.GetByRole(AriaRole.Button, new() { Name = "继续" }).ClickAsync();
        await Expect(warning).ToBeHiddenAsync();
        // 27.5 minutes after the page was loaded, 14 after 继续: the server slid the window.
        await Advance(app, page, minutes: 14);
        await page.ReloadAsync();
        await Expect(page.GetByTestId("user-name")).ToHaveTextAsync("何执法");

        // Nobody answers the next warning: at the end the page goes to the sign-in page, which says why.
        await Advance(app, page, minutes: 13.5);
        await Expect(warning).ToBeVisibleAsync();
        await Advance(app, page, minutes: 2);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/Account/Login\?.*timeout=1"));
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("会话已超时，请重新登录。");
        await chromium.ShotAsync("timed-out");
        chromium.AssertNoProblems();
    }

    private static async Task Advance(KestrelApp app, IPage page, double minutes)
    {
        app.Clock.Now = app.Clock.Now.AddMinutes(minutes);
        await page.Clock.FastForwardAsync((long)(minutes * 60_000));
    }
}
