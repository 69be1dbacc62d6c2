using System.Net;
using SafeHarbor.IntegrationTests.Pages;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Security;

/// <summary>
/// Unusual but real text comes back exactly as it went in (rare characters such as 𠮷 outside the BMP, Chinese
/// punctuation, line breaks and tabs in multi-line text, a zero-width space pasted from a word processor); invisible
/// characters and line breaks in a name or title, emoji in text that goes into documents, and control characters
/// are refused with a Chinese 400 naming the character — the same answer on SQLite and PostgreSQL, nothing written.
/// </summary>
public sealed class UnicodeInputTests
{
    private const string RareTitle = "𠮷野家“抽检”——《办法》第四条、【复查】…（𡈼𤭢）！？；：";
    private const string MultiLine = "第一段：𠮷。\r\n\t第二段，含零宽空格\u200B与连字符\u00AD；\n第三段「引号」『书名』〔2026〕12号。";

    [Theory, AllDatabases]
    public async Task Rare_characters_and_Chinese_punctuation_round_trip_exactly_through_the_api_and_the_page(Db kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var c = await new Support.Procedure(app).RegisterAsync(title: RareTitle, description: MultiLine);

        var read = await app.As("inv").GetOkAsync(c.Url);
        Assert.Equal(RareTitle, read.GetProperty("title").GetString());
        Assert.Equal(MultiLine, read.GetProperty("description").GetString());
        using var browser = await Browser.SignedInAsync(app, "inv");
        var page = await browser.GetAsync($"/Cases/{c.Id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(RareTitle, page.Document.Body!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>A text, where it goes, and what the refusal must say.</summary>
    private static readonly (string What, string Url, string User, Func<TestApp, object> Body, string Code, string Said)[] Refused =
    [
        ("U+0001 in a title", "/api/cases", "inv", a => Matter(a, "标题\u0001"), "invalid-text", "控制字符 U+0001"),
        ("NUL in a description", "/api/cases", "inv", a => Matter(a, "标题", "事实\0"), "invalid-text", "控制字符 U+0000"),
        ("U+007F in a description", "/api/cases", "inv", a => Matter(a, "标题", "事实\u007F"), "invalid-text", "控制字符 U+007F"),
        ("a zero-width space in a title", "/api/cases", "inv", a => Matter(a, "抽检\u200B不及时"), "validation-failed", "看不见的字符 U+200B"),
        ("a direction override in a title", "/api/cases", "inv", a => Matter(a, "抽检\u202E时及不"), "validation-failed", "看不见的字符 U+202E"),
        ("a line break in a title", "/api/cases", "inv", a => Matter(a, "抽检\n不及时"), "validation-failed", "换行或制表符"),
        ("an emoji in a title (documents cannot print it)", "/api/cases", "inv", a => Matter(a, "抽检😀"), "validation-failed", "😀"),
        ("a zero-width joiner in a person's name", "/api/admin/persons", "sysadmin", a => new { name = "张\u200D三", unitId = a.Cast.BranchA, post = "科员" }, "validation-failed", "看不见的字符 U+200D"),
        ("a byte-order mark in a unit's name", "/api/admin/units", "sysadmin", _ => new { name = "\uFEFF城北分局", type = "Branch" }, "validation-failed", "看不见的字符 U+FEFF"),
    ];

    [Theory, AllDatabases]
    public async Task Control_and_invisible_characters_are_refused_by_name_the_same_way_on_both_databases_and_nothing_is_written(Db kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        _ = app.As("inv");
        _ = app.As("sysadmin");
        var before = await BadInput.RowCountsAsync(app);
        var problems = new List<string>();
        foreach (var (what, url, user, body, code, said) in Refused)
        {
            using var response = await app.As(user).PostJsonAsync(url, body(app));
            var text = await response.Content.ReadAsStringAsync();
            if (await BadInput.ProblemWith(response, HttpStatusCode.BadRequest, code) is { } problem)
            {
                problems.Add($"{what}: {problem}");
            }
            else if (!System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("title").GetString()!.Contains(said, StringComparison.Ordinal))
            {
                problems.Add($"{what}: the answer does not name {said}: {text}");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var after = await BadInput.RowCountsAsync(app);
        Assert.True(BadInput.Changed(before, after).Length == 0, "written: " + BadInput.Changed(before, after));

        // The page form refuses the same character before its handler, with the same words (the sign-in itself is an entry).
        using var browser = await Browser.SignedInAsync(app, "inv");
        before = await BadInput.RowCountsAsync(app);
        var form = await browser.GetAsync("/Cases/New");
        var answer = await browser.SubmitAsync(form, "main form", f => f.Set("Input.Title", "标题\u0001").Set("Input.Description", "事实"));
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("控制字符 U+0001", answer.Text, StringComparison.Ordinal);
        Assert.True(BadInput.Changed(before, await BadInput.RowCountsAsync(app)).Length == 0);
    }

    private static object Matter(TestApp app, string title, string description = "事实经过") => new
    {
        title,
        description,
        businessField = "食品安全",
        startedBy = "局党组",
        accountabilityStartedOn = app.Clock.Today,
        subjects = new[] { new { kind = "Person", id = app.Cast.PersonOf["staffA"] } },
    };
}
