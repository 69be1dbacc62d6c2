using System.Net;
using System.Text.RegularExpressions;
using SafeHarbor.IntegrationTests.Pages;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Security;

/// <summary>Sign-in is limited per client address and per account name, the API per signed-in user: 429 with Retry-After, in Chinese.</summary>
public sealed partial class RateLimitTests
{
    [Theory, AllDatabases]
    public async Task Sign_in_from_one_address_is_limited_on_the_api_and_on_the_login_page(Db db)
    {
        await using var app = await TestApp.StartAsync(db, new Dictionary<string, string?> { ["Security:RateLimits:SignInPerAddress"] = "3" });
        using var client = app.CreateClient();
        await client.PostJsonAsync("/api/auth/login", new { userName = "staffA", password = TestApp.Password }).OkAsync();
        await client.PostJsonAsync("/api/auth/login", new { userName = "staffB", password = "wrong-password" }).ProblemAsync(HttpStatusCode.BadRequest);
        await client.PostJsonAsync("/api/auth/login", new { userName = "inv", password = TestApp.Password }).OkAsync();

        using var refused = await client.PostJsonAsync("/api/auth/login", new { userName = "office", password = TestApp.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var seconds = int.Parse(refused.Headers.RetryAfter!.ToString());
        Assert.InRange(seconds, 1, 60);
        var problem = await Task.FromResult(refused).ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("too-many-requests", problem.Code);
        Assert.Equal($"请求过于频繁，请 {seconds} 秒后再试。", problem.Title);

        using var browser = new Browser(app);
        var page = await browser.SignInAsync("office");
        Assert.Equal(HttpStatusCode.TooManyRequests, page.Status);
        Assert.Matches(TooFrequent(), page.Text);
        // Reading the login page is not an attempt.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Account/Login")).Status);
    }

    [Theory, AllDatabases]
    public async Task Sign_in_for_one_account_name_is_limited_whatever_its_case_while_other_accounts_still_sign_in(Db db)
    {
        await using var app = await TestApp.StartAsync(db, new Dictionary<string, string?> { ["Security:RateLimits:SignInPerAccount"] = "2" });
        using var client = app.CreateClient();
        await client.PostJsonAsync("/api/auth/login", new { userName = "staffA", password = "wrong-password" }).ProblemAsync(HttpStatusCode.BadRequest);
        using var browser = new Browser(app);
        Assert.Equal(HttpStatusCode.OK, (await browser.SignInAsync("staffA", "wrong-password")).Status); // the form again, with its error

        var problem = await client.PostJsonAsync("/api/auth/login", new { UserName = " STAFFA ", password = TestApp.Password }).ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Matches(TooFrequent(), problem.Title);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await browser.SignInAsync("staffa")).Status);
        await client.PostJsonAsync("/api/auth/login", new { userName = "staffB", password = TestApp.Password }).OkAsync();
    }

    [Theory, AllDatabases]
    public async Task The_api_is_limited_per_signed_in_user(Db db)
    {
        await using var app = await TestApp.StartAsync(db, new Dictionary<string, string?> { ["Security:RateLimits:ApiPerUser"] = "5" });
        var staffA = app.As("staffA"); // signing in asked /api/me once (anything to do first?): one of the five
        var staffB = app.As("staffB");
        for (var i = 0; i < 4; i++)
        {
            await staffA.GetOkAsync("/api/me");
        }
        using var refused = await staffA.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        var problem = await Task.FromResult(refused).ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Matches(TooFrequent(), problem.Title);
        await staffB.GetOkAsync("/api/me");
    }

    [GeneratedRegex(@"请求过于频繁，请 \d+ 秒后再试。")]
    private static partial Regex TooFrequent();
}
