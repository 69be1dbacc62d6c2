using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
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
/// Signs in through the login page as a browser does (<see cref="Pages.Browser"/>: antiforgery token, cookies kept, an
/// administrator's second factor) and reads pages with AngleSharp.
/// </summary>
public sealed class SignedInPages : IDisposable
{
    private static readonly HtmlParser Parser = new();
    private readonly Pages.Browser browser;

    private SignedInPages(Pages.Browser browser) => this.browser = browser;

    public static async Task<SignedInPages> SignInAsync(TestApp app, string userName) => new(await Pages.Browser.SignedInAsync(app, userName));

    public async Task<PageAnswer> GetAsync(string url)
    {
        using var response = await browser.Client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        return new PageAnswer(response.StatusCode, html, await Parser.ParseDocumentAsync(html));
    }

    public void Dispose() => browser.Dispose();
}
