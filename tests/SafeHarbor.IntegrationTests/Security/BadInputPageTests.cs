using System.Net;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SafeHarbor.IntegrationTests.Pages;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Security;

/// <summary>
/// Every page's form handler (read from the app's pages, so a new one is tested too) gets text no field may hold
/// in a field: a control character, NUL, 1 MB. Each is stopped before its handler with a 400 page that says, in
/// Chinese, which field and what is wrong; nothing is written.
/// </summary>
public sealed class BadInputPageTests
{
    private static readonly string[] Users = ["inv", "sysadmin", "personnel", "office", "m1", "auditadmin", "secadmin"];

    /// <summary>Pages that read their own body instead of binding a form, and where that is tested.</summary>
    private static readonly Dictionary<string, string> Streaming = new() { ["/Cases/{id:guid}/Evidence"] = nameof(UploadValidationTests) };

    /// <summary>The text, and what the 400 page must say (with the field's name, unless the framework refused the whole form first).</summary>
    private static readonly (string Name, string Text, string Said, bool NamesField)[] RefusedTexts =
    [
        ("U+0001", "事项\u0001名称", "控制字符 U+0001", true), ("U+007F", "a\u007fb", "控制字符 U+007F", true),
        ("1 MB", new string('长', 1024 * 1024 / 3), "超过 50000 个字", true),
        // ASP.NET Core's form reader refuses a form with a NUL before anything reads it: the antiforgery check fails (400).
        ("NUL", "a\0b", "请求有误", false),
    ];

    /// <summary>Posts that only show something: the error page's POST is the re-execution of another refused post.</summary>
    private static readonly string[] ShowOnly = ["/Error"];

    [Theory, AllDatabases]
    public async Task Every_page_form_refuses_control_characters_and_huge_text_in_any_field_with_a_Chinese_400_and_writes_nothing(Db kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var handlers = await PostHandlersAsync(app.Services);
        Assert.True(handlers.Count >= 40, $"only {handlers.Count} page form handlers found");
        var browsers = new Dictionary<string, (Browser Browser, string Token)>();
        foreach (var user in Users)
        {
            var browser = await Browser.SignedInAsync(app, user);
            var token = (await browser.GetAsync("/")).Find("input[name=__RequestVerificationToken]")?.GetAttribute("value")
                ?? throw new InvalidOperationException($"no antiforgery token on a page for {user}");
            browsers[user] = (browser, token);
        }
        var before = await BadInput.RowCountsAsync(app);
        var problems = new List<string>();
        try
        {
            foreach (var (pattern, url) in handlers)
            {
                if (Streaming.ContainsKey(pattern) || ShowOnly.Contains(pattern))
                {
                    continue;
                }
                foreach (var (name, text, said, namesField) in RefusedTexts)
                {
                    WebPage? page = null;
                    foreach (var user in Users)
                    {
                        var (browser, token) = browsers[user];
                        page = await browser.PostAsync(url, new FormFields().Add("__RequestVerificationToken", token).Add("Input.Title", text).Add("Reason", "理由"));
                        if (page.Status is not (HttpStatusCode.Forbidden or HttpStatusCode.Redirect))
                        {
                            break;
                        }
                    }
                    if (page!.Status != HttpStatusCode.BadRequest || !page.Text.Contains(said, StringComparison.Ordinal) || (namesField && !page.Text.Contains("Input.Title", StringComparison.Ordinal)))
                    {
                        problems.Add($"{url} ({name}): {(int)page.Status} {page.Text[..Math.Min(200, page.Text.Length)]}");
                    }
                }
            }
        }
        finally
        {
            foreach (var (browser, _) in browsers.Values)
            {
                browser.Dispose();
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Equal(Streaming.Keys.Order(), handlers.Select(h => h.Pattern).Intersect(Streaming.Keys).Order());
        var after = await BadInput.RowCountsAsync(app);
        Assert.True(BadInput.Changed(before, after).Length == 0, "written: " + BadInput.Changed(before, after));
    }

    /// <summary>Every POST handler of every page: its route pattern and a URL (ids filled, <c>?handler=</c> for a named one).</summary>
    private static async Task<List<(string Pattern, string Url)>> PostHandlersAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var found = new List<(string, string)>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } descriptor)
            {
                continue;
            }
            var compiled = await loader.LoadAsync(descriptor, endpoint.Metadata);
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var url = System.Text.RegularExpressions.Regex.Replace(pattern, @"\{[^}]+\}", _ => Guid.NewGuid().ToString());
            foreach (var handler in compiled.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase)))
            {
                found.Add((pattern, handler.Name is null ? url : $"{url}?handler={handler.Name}"));
            }
        }
        return found.Distinct().ToList();
    }
}
