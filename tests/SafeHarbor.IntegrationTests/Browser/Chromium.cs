using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.BrowserUi;

/// <summary>
/// Debian's Chromium driven by Playwright (whose driver ships in the NuGet package; no browser is ever
/// downloaded), headless, in Chinese and Beijing time, against a <see cref="KestrelApp"/>. One page,
/// used by one person at a time: sign in through the login form, sign out with the 退出 button.
/// </summary>
public sealed partial class Chromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private readonly IPlaywright playwright;
    private readonly IBrowser browser;
    private readonly string screenshotPrefix;
    private int step;
    private KestrelApp app = null!;
    private bool walkedToTheEnd;

    private Chromium(IPlaywright playwright, IBrowser browser, IBrowserContext context, IPage page, string screenshotPrefix)
    {
        this.playwright = playwright;
        this.browser = browser;
        Context = context;
        Page = page;
        this.screenshotPrefix = screenshotPrefix;
    }

    public IBrowserContext Context { get; }
    public IPage Page { get; }

    /// <summary>Messages the page wrote to the console as errors, and scripts that failed: a page should have none.</summary>
    public List<string> ScriptErrors { get; } = [];

    /// <summary>test-artifacts/screenshots at the repository root (git-ignored).</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(Repo.Root, "test-artifacts", "screenshots");

    /// <param name="screenshotPrefix">Put before the step number of each screenshot ("" for 01-…, "late-" for late-01-…).</param>
    public static async Task<Chromium> LaunchAsync(KestrelApp app, string screenshotPrefix)
    {
        Assert.True(File.Exists(ExecutablePath), $"Debian's Chromium is not installed at {ExecutablePath} (apt-get install chromium; ./test.sh installs it)");
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // Root in a sandbox-less container, and a closed network: nothing in the background may phone home.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", "--lang=zh-CN"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString().TrimEnd('/'),
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        var chromium = new Chromium(playwright, browser, context, page, screenshotPrefix);
        page.Console += (_, message) =>
        {
            // A resource that failed to load is reported with its address by the Response handler below
            // (and the server's own list of refusals); the console line would only repeat it without one.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                chromium.ScriptErrors.Add($"{page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) => chromium.ScriptErrors.Add($"{page.Url}: {error}");
        context.Response += (_, response) =>
        {
            if (response.Status >= 500 || (response.Status >= 400 && response.Request.ResourceType != "document"))
            {
                chromium.Problems.Add($"{response.Request.Method} {new Uri(response.Url).PathAndQuery} ({response.Request.ResourceType}) answered {response.Status}");
            }
        };
        chromium.app = app;
        Directory.CreateDirectory(ScreenshotDirectory);
        foreach (var old in Directory.GetFiles(ScreenshotDirectory, screenshotPrefix + "*.png").Where(f => OwnName().IsMatch(Path.GetFileName(f)[screenshotPrefix.Length..])))
        {
            File.Delete(old);
        }
        return chromium;
    }

    /// <summary>Saves the whole page as test-artifacts/screenshots/{prefix}{NN}-{name}.png.</summary>
    public async Task ShotAsync(string name)
    {
        step++;
        await Page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(ScreenshotDirectory, $"{screenshotPrefix}{step:00}-{name}.png"),
            FullPage = true,
        });
    }

    /// <summary>Fills the login form as the user and lands on 我的工作台 with their name in the header.</summary>
    public async Task SignInAsync(string userName, string displayName)
    {
        await Page.GotoAsync("/Account/Login");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "登录容错免责与激励管理系统" })).ToBeVisibleAsync();
        await Page.GetByLabel("用户名").FillAsync(userName);
        await Page.GetByLabel("密码").FillAsync(TestApp.Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        if (app.Cast.AuthenticatorKeyOf.TryGetValue(userName, out var key))
        {
            await Page.GetByLabel("动态口令").FillAsync(Authenticator.Code(key));
            await Page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        }
        await Assertions.Expect(Page.GetByTestId("user-name")).ToHaveTextAsync(displayName);
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "我的工作台" })).ToBeVisibleAsync();
        // The header (menus, name, unit and roles) fits the window: nothing scrolls sideways, whatever the role.
        var overflow = await Page.EvaluateAsync<int[]>(
            "() => [document.documentElement.scrollWidth - document.documentElement.clientWidth, document.querySelector('header nav').scrollWidth - document.querySelector('header nav').clientWidth]");
        Assert.True(overflow.All(px => px <= 0), $"{userName}: the home page is {overflow[0]} px and the header {overflow[1]} px wider than the window");
    }

    /// <summary>
    /// Presses 退出 in the header: back on the login page, and the app no longer knows the user.
    /// When the button does not sign out, that is recorded in <see cref="Problems"/> (the test fails at
    /// its end) and the browser forgets its cookies instead, so the walk can go on to the later pages.
    /// </summary>
    public async Task SignOutAsync()
    {
        var who = await Page.GetByTestId("user-name").InnerTextAsync();
        await Page.Locator("#who-am-i").GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(AfterSignOut());
        if (!LoginUrl().IsMatch(Page.Url))
        {
            var shown = RequestId().Replace(Spaces().Replace(await Page.Locator("main").InnerTextAsync(), " ").Trim(), "");
            var problem = $"退出 did not sign the user out: the button posted to {new Uri(Page.Url).AbsolutePath}, which answered “{shown}” — for";
            var index = Problems.FindIndex(p => p.StartsWith(problem, StringComparison.Ordinal));
            if (index < 0)
            {
                Problems.Add($"{problem} {who}");
            }
            else
            {
                Problems[index] += $"、{who}";
            }
            await Context.ClearCookiesAsync();
            await Page.GotoAsync("/");
        }
        await Assertions.Expect(Page).ToHaveURLAsync(LoginUrl());
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "登录容错免责与激励管理系统" })).ToBeVisibleAsync();
        await Page.GotoAsync("/");
        await Assertions.Expect(Page).ToHaveURLAsync(LoginUrl());
    }

    /// <summary>
    /// Checks something the rest of the walk does not need: when it fails, the failure is kept in
    /// <see cref="Problems"/> (so the test still fails at its end) and the walk goes on.
    /// </summary>
    public async Task<bool> SoftAsync(string what, Func<Task> check)
    {
        try
        {
            await check();
            return true;
        }
        catch (PlaywrightException e)
        {
            var message = e.Message.Split("Call log:")[0];
            Problems.Add($"{what}: {Spaces().Replace(message, " ").Trim()}");
            return false;
        }
    }

    /// <summary>What went wrong without stopping the walk; a test ends by asserting there is nothing here.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>Fails with every problem and script error met on the way.</summary>
    public void AssertNoProblems()
    {
        var all = Problems.Concat(ScriptErrors.Select(e => "script error: " + e)).Concat(app.Errors.All.Select(e => "server log: " + e)).Distinct().ToList();
        Assert.True(all.Count == 0, $"{all.Count} problem(s) in the browser:\n" + string.Join("\n", all));
        walkedToTheEnd = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (!walkedToTheEnd)
        {
            // The test stopped early: keep the page it stopped on.
            try
            {
                await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, $"{screenshotPrefix}failed-page.png"), FullPage = true });
            }
            catch (PlaywrightException)
            {
                // the browser is gone: nothing to keep
            }
        }
        // When a step fails half-way, what the browser and the server saw on the way goes with the failure.
        foreach (var line in Problems.Concat(ScriptErrors.Select(e => "script error: " + e)).Concat(app.Errors.All.Select(e => "server log: " + e))
            .Concat(app.Refusals.Select(r => "server answered: " + r)))
        {
            TestContext.Current.TestOutputHelper?.WriteLine(line);
        }
        await Context.DisposeAsync();
        await browser.DisposeAsync();
        playwright.Dispose();
    }

    [GeneratedRegex(@"/Account/Login(\?.*)?$")]
    private static partial Regex LoginUrl();

    [GeneratedRegex(@"/Account/(Login|Logout)(\?.*)?$")]
    private static partial Regex AfterSignOut();

    [GeneratedRegex(@"请求编号：\S+")]
    private static partial Regex RequestId();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(\d\d-.+|failed-page)\.png$")]
    private static partial Regex OwnName();
}
