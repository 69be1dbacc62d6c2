using System.IO.Compression;
using System.Net;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SafeHarbor.IntegrationTests.Pages;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Security;

/// <summary>
/// Markup typed into text fields (a unit's and a person's name, a case's title, facts and description, an
/// application, an evidence description) is kept as typed and shown as text on every page that shows it, and stays
/// text in the generated documents: no page gains a script, an event handler or a javascript: link from it.
/// The browser half (a real Chromium, the charts' tooltips) is in BrowserUi.StoredXssBrowserTests.
/// </summary>
public sealed class StoredXssTests
{
    public const string Script = "<script>alert(1)</script>";
    public const string Img = "\"><img src=x onerror=alert(1)>";
    public const string Link = "javascript:alert(1)";

    private static readonly string[] Users = ["inv", "staffA", "sysadmin", "personnel", "m1", "office", "archivist"];

    [Theory, AllDatabases]
    public async Task Markup_in_text_fields_is_shown_as_text_on_every_page_and_in_documents(Db kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var ids = await StoreMarkupAsync(app);

        var routes = GetPages(app.Services);
        var problems = new List<string>();
        var shown = new HashSet<string>();
        foreach (var user in Users)
        {
            using var browser = await Browser.SignedInAsync(app, user);
            foreach (var route in routes)
            {
                var url = Fill(route, ids);
                if (url is null)
                {
                    continue;
                }
                var page = await browser.GetAsync(url);
                if (page.Status != HttpStatusCode.OK || page.ContentType?.StartsWith("text/html", StringComparison.Ordinal) != true)
                {
                    continue;
                }
                problems.AddRange(Unsafe(page.Document).Select(p => $"{url} as {user}: {p}"));
                if (page.Document.Body?.TextContent.Contains(Script, StringComparison.Ordinal) == true
                    || page.Document.Body?.TextContent.Contains(Img, StringComparison.Ordinal) == true)
                {
                    shown.Add(route);
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        // The text is there, as text, where those records are shown.
        foreach (var expected in new[] { "/Cases", "/Cases/{id:guid}", "/People/{personId:guid}", "/Admin/People" })
        {
            Assert.True(shown.Contains(expected), $"the markup is not shown as text on {expected}; shown on: {string.Join(", ", shown.Order())}");
        }

        // In the application document (申请书) the markup is the text of runs, not XML.
        using var docx = await app.As("inv").GetAsync($"/api/cases/{ids["case"]}/documents/application");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using var zip = new ZipArchive(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open(), Encoding.UTF8);
        var document = XDocument.Parse(await reader.ReadToEndAsync());
        XNamespace w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        var text = string.Concat(document.Descendants(w + "t").Select(t => t.Value));
        Assert.Contains(Script, text, StringComparison.Ordinal);
        Assert.Contains(Img, text, StringComparison.Ordinal);
        Assert.DoesNotContain(document.Descendants(), e => e.Name.LocalName is "script" or "img");
    }

    /// <summary>What in a parsed page would run: a script with the payload, an element with an event handler, a javascript: address.</summary>
    public static IEnumerable<string> Unsafe(AngleSharp.Dom.IDocument document)
    {
        foreach (var script in document.QuerySelectorAll("script").Where(s => s.TextContent.Contains("alert(1)", StringComparison.Ordinal)))
        {
            yield return $"a script element: {script.OuterHtml}";
        }
        foreach (var element in document.All)
        {
            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                {
                    yield return $"an event handler: {element.OuterHtml[..Math.Min(200, element.OuterHtml.Length)]}";
                }
                if (attribute.Name is "href" or "src" or "action" or "formaction" && attribute.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
                {
                    yield return $"a javascript: address: {element.OuterHtml[..Math.Min(200, element.OuterHtml.Length)]}";
                }
            }
        }
    }

    /// <summary>Stores the markup in a unit's and a person's name, a case (title, description, who started it), its application and an evidence description.</summary>
    public static async Task<Dictionary<string, Guid>> StoreMarkupAsync(TestApp app)
    {
        var unit = await app.As("sysadmin").PostJsonAsync("/api/admin/units", new { name = "城南分局" + Script, type = "Branch", parentId = (Guid?)null }).OkAsync();
        var unitId = unit.GetProperty("id").GetGuid();
        var person = await app.As("sysadmin").PostJsonAsync("/api/admin/persons", new { name = "张" + Img, unitId, post = "科员" + Script, isLeader = false, inLeadershipTeam = false }).OkAsync();
        var personId = person.GetProperty("id").GetGuid();
        var created = await app.As("inv").PostJsonAsync("/api/cases", new
        {
            title = "抽检不及时" + Script,
            description = "事实" + Img + " " + Link,
            businessField = "食品安全",
            startedBy = "局党组" + Script,
            accountabilityStartedOn = app.Clock.Today,
            subjects = new object[] { new { kind = "Person", id = app.Cast.PersonOf["staffA"] }, new { kind = "Person", id = personId }, new { kind = "Unit", id = unitId } },
        }).OkAsync();
        var caseId = created.GetProperty("id").GetGuid();
        await app.As("staffA").PostJsonAsync($"/api/cases/{caseId}/application", new
        {
            applicantKind = "Person",
            facts = "经过" + Script + Img,
            effectAndLosses = "影响" + Img,
            recoveryMeasures = Link,
            claims = new[] { new { code = "c1", explanation = "理由" + Script } },
        }).OkAsync();
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent("情况说明"u8.ToArray()), "file", "情况说明.txt" },
            { new StringContent("说明" + Img), "description" },
        };
        (await app.As("staffA").PostAsync($"/api/cases/{caseId}/evidence", form)).EnsureSuccessStatusCode();
        return new Dictionary<string, Guid> { ["case"] = caseId, ["person"] = personId, ["unit"] = unitId };
    }

    /// <summary>Every page that answers GET, as a route pattern.</summary>
    private static List<string> GetPages(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Distinct()
            .ToList();

    private static string? Fill(string pattern, Dictionary<string, Guid> ids)
    {
        string? failed = null;
        var url = System.Text.RegularExpressions.Regex.Replace(pattern, @"\{(\w+)[^}]*\}", m => m.Groups[1].Value switch
        {
            "id" or "caseId" when pattern.StartsWith("/Cases/", StringComparison.Ordinal) || pattern.StartsWith("/Correction/", StringComparison.Ordinal) => ids["case"].ToString(),
            "personId" => ids["person"].ToString(),
            _ => failed = "unknown",
        });
        return failed is null ? url : null;
    }
}
