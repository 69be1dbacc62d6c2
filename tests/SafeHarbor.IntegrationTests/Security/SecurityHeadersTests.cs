using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using SafeHarbor.Infrastructure.Web;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Security;

/// <summary>Every answer carries the security headers; HSTS and Secure cookies over HTTPS; no page has inline script or style.</summary>
public sealed class SecurityHeadersTests
{
    [Theory, AllDatabases]
    public async Task Pages_api_answers_and_files_carry_a_strict_content_security_policy_and_the_other_headers(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var url in new[] { "/Account/Login", "/", "/api/me", "/css/site.css", "/no-such-page" })
        {
            using var answer = await client.GetAsync(url);
            var headers = answer.Headers;
            Assert.True(headers.TryGetValues("Content-Security-Policy", out var csp), $"{url}: no Content-Security-Policy");
            Assert.Equal(SecurityHeaders.Policy, csp!.Single());
            Assert.Contains("script-src 'self';", SecurityHeaders.Policy);
            Assert.Contains("frame-ancestors 'none'", SecurityHeaders.Policy);
            Assert.Equal("nosniff", headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("strict-origin-when-cross-origin", headers.GetValues("Referrer-Policy").Single());
            Assert.Equal("same-origin", headers.GetValues("Cross-Origin-Opener-Policy").Single());
            Assert.Contains("camera=()", headers.GetValues("Permissions-Policy").Single());
            Assert.False(headers.Contains("Strict-Transport-Security"), $"{url}: HSTS over plain HTTP");
        }
        using var scalar = await client.GetAsync("/scalar/v1");
        Assert.Equal(HttpStatusCode.OK, scalar.StatusCode);
        Assert.Equal(SecurityHeaders.ScalarPolicy, scalar.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Theory, AllDatabases]
    public async Task What_a_signed_in_user_is_shown_is_kept_in_no_cache_while_public_files_stay_cacheable(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var api = await app.As("staffA").GetAsync("/api/cases");
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.True(api.Headers.CacheControl?.NoStore, "API answer to a signed-in user without Cache-Control: no-store");
        using var browser = await Pages.Browser.SignedInAsync(app, "staffA");
        using var page = await browser.Client.GetAsync("/Cases");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(page.Headers.CacheControl?.NoStore, "page for a signed-in user without Cache-Control: no-store");
        using var css = await browser.Client.GetAsync("/css/site.css");
        Assert.NotEqual(true, css.Headers.CacheControl?.NoStore);
    }

    [Theory, AllDatabases]
    public async Task Over_https_the_answer_has_hsts_and_the_cookies_are_secure_http_only_and_same_site_strict(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        using var login = await client.GetAsync("/Account/Login");
        Assert.Equal("max-age=31536000", login.Headers.GetValues("Strict-Transport-Security").Single());
        var html = await login.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var antiforgery = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        AssertHardened(antiforgery);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.UserName"] = "staffA", ["Input.Password"] = TestApp.Password, ["__RequestVerificationToken"] = token,
            }),
        };
        request.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        using var signedIn = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        AssertHardened(signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("SafeHarbor=", StringComparison.Ordinal)));
    }

    [NoDatabase("reads the page sources")]
    public void No_page_has_inline_script_inline_style_or_a_style_attribute()
    {
        var pages = Directory.GetFiles(Path.Combine(Repo.Root, "src", "SafeHarbor", "Features"), "*.cshtml", SearchOption.AllDirectories);
        Assert.NotEmpty(pages);
        var offending = pages
            .SelectMany(p => File.ReadAllLines(p).Select((line, i) => (Page: Path.GetRelativePath(Repo.Root, p), Line: i + 1, Text: line)))
            .Where(l => l.Text.Contains("style=\"", StringComparison.Ordinal) || l.Text.Contains("<style", StringComparison.Ordinal)
                || (l.Text.Contains("<script", StringComparison.Ordinal) && !l.Text.Contains(" src=\"", StringComparison.Ordinal))
                || System.Text.RegularExpressions.Regex.IsMatch(l.Text, @"\son[a-z]+=""") || l.Text.Contains("javascript:", StringComparison.Ordinal))
            .Where(l => !l.Text.TrimStart().StartsWith("@*", StringComparison.Ordinal))
            .Select(l => $"{l.Page}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.True(offending.Count == 0, "inline script or style (refused by the Content-Security-Policy):\n" + string.Join('\n', offending));
    }

    private static void AssertHardened(string setCookie)
    {
        var attributes = setCookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
        Assert.True(attributes.Contains("secure") && attributes.Contains("httponly") && attributes.Contains("samesite=strict"), setCookie);
    }
}
