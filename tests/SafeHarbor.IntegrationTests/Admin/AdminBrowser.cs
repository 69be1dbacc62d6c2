using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Admin;

/// <summary>A page as the browser received it.</summary>
internal sealed record AdminPage(HttpStatusCode Status, string Html, IDocument Document, string? Location)
{
    /// <summary>The visible text, whitespace collapsed.</summary>
    public string Text => string.Join(' ', (Document.Body?.TextContent ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The validation message shown next to a field (empty when none).</summary>
    public string MessageFor(string field) =>
        Document.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() ?? "";

    public IElement? Find(string selector) => Document.QuerySelector(selector);
}

/// <summary>
/// A browser without JavaScript for the administration pages: signs in through the login form with a
/// cookie, no automatic redirects, and posts forms with the antiforgery token of the page it came from.
/// </summary>
internal sealed class AdminBrowser(HttpClient client) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public static async Task<AdminBrowser> SignInAsync(TestApp app, string userName)
    {
        var browser = new AdminBrowser(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        var login = await browser.GetAsync("/Account/Login");
        var answer = await browser.PostAsync("/Account/Login", login, [("Input.UserName", userName), ("Input.Password", TestApp.Password)]);
        if (answer.Location?.StartsWith("/Account/LoginTwoFactor", StringComparison.Ordinal) == true && app.Cast.AuthenticatorKeyOf.TryGetValue(userName, out var key))
        {
            var second = await browser.GetAsync(answer.Location);
            answer = await browser.PostAsync(answer.Location, second, [("Code", Authenticator.Code(key))]);
        }
        Assert.True(answer.Status == HttpStatusCode.Redirect, $"sign-in as {userName}: {(int)answer.Status} {answer.Text}");
        return browser;
    }

    public async Task<AdminPage> GetAsync(string url)
    {
        using var response = await client.GetAsync(url);
        return await ReadAsync(response);
    }

    /// <summary>Follows a redirect answer (e.g. after a successful post) and shows the page it leads to.</summary>
    public async Task<AdminPage> FollowAsync(AdminPage redirect)
    {
        Assert.True(redirect.Status == HttpStatusCode.Redirect, $"expected a redirect, got {(int)redirect.Status}: {redirect.Text}");
        return await GetAsync(redirect.Location!);
    }

    /// <summary>Posts form fields with the antiforgery token rendered on <paramref name="from"/>.</summary>
    public async Task<AdminPage> PostAsync(string url, AdminPage from, IEnumerable<(string Name, string Value)> fields)
    {
        using var content = new FormUrlEncodedContent(WithToken(from, fields).Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        using var response = await client.PostAsync(url, content);
        return await ReadAsync(response);
    }

    /// <summary>Posts a multipart form with one file, as a browser does for enctype="multipart/form-data".</summary>
    public async Task<AdminPage> UploadAsync(string url, AdminPage from, string field, string fileName, byte[] file, IEnumerable<(string Name, string Value)>? fields = null)
    {
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in WithToken(from, fields ?? []))
        {
            content.Add(new StringContent(value), name);
        }
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(part, field, fileName);
        using var response = await client.PostAsync(url, content);
        return await ReadAsync(response);
    }

    public async Task<(HttpStatusCode Status, string? ContentType, byte[] Body)> DownloadAsync(string url)
    {
        using var response = await client.GetAsync(url);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsByteArrayAsync());
    }

    private static IEnumerable<(string Name, string Value)> WithToken(AdminPage from, IEnumerable<(string Name, string Value)> fields)
    {
        var token = from.Document.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value");
        Assert.False(token is null, "the page has no antiforgery token to post with");
        return fields.Append(("__RequestVerificationToken", token!));
    }

    private static async Task<AdminPage> ReadAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var document = await Parser.ParseDocumentAsync(html);
        return new AdminPage(response.StatusCode, html, document, response.Headers.Location?.OriginalString);
    }

    public void Dispose() => client.Dispose();
}
