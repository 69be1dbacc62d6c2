using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Dashboard;

/// <summary>A page as the test read it: status, HTML text and the parsed document.</summary>
public sealed record PageAnswer(HttpStatusCode Status, string Html, IHtmlDocument Document)
{
    /// <summary>A table's body rows as (row header, value of the first data-value cell).</summary>
    public IReadOnlyList<(string Label, string Value)> Rows(string tableId)
    {
        var table = Document.GetElementById(tableId) ?? throw new InvalidOperationException($"no table #{tableId} on the page");
        return table.QuerySelectorAll("tbody tr")
            .Where(tr => tr.QuerySelector("[data-value]") is not null)
            .Select(tr => (tr.QuerySelector("th")!.TextContent.Trim(), tr.QuerySelector("[data-value]")!.GetAttribute("data-value")!))
            .ToList();
    }

    public int Count(string tableId, string label) =>
        int.Parse(Rows(tableId).Single(r => r.Label == label).Value);
}

/// <summary>
/// Signs in through the login page with a cookie, as a browser does (antiforgery token from the
/// form, cookies kept), and reads pages with AngleSharp.
/// </summary>
public sealed class SignedInPages : IDisposable
{
    private static readonly HtmlParser Parser = new();
    private readonly HttpClient client;

    private SignedInPages(HttpClient client) => this.client = client;

    public static async Task<SignedInPages> SignInAsync(TestApp app, string userName)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await Parser.ParseDocumentAsync(await client.GetStringAsync("/Account/Login"));
        var token = login.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("the login form has no antiforgery token");
        using var answer = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = TestApp.Password,
            ["__RequestVerificationToken"] = token,
        }));
        Assert.True(answer.StatusCode == HttpStatusCode.Redirect, $"sign-in as {userName}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
        return new SignedInPages(client);
    }

    public async Task<PageAnswer> GetAsync(string url)
    {
        using var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        return new PageAnswer(response.StatusCode, html, await Parser.ParseDocumentAsync(html));
    }

    public void Dispose() => client.Dispose();
}
