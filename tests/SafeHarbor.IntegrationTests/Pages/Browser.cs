using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Pages;

/// <summary>
/// A browser without JavaScript over the test server: its own cookie jar, no automatic redirects,
/// pages parsed with AngleSharp, and forms submitted the way a browser would (the fields the form
/// renders, hidden version and antiforgery token included, with what the test fills in).
/// </summary>
public sealed partial class Browser : IDisposable
{
    private static readonly HtmlParser Parser = new();

    private readonly IAuthenticatorKeys? keys;

    public Browser(WebApplicationFactory<Program> app)
    {
        Client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        keys = app as IAuthenticatorKeys;
    }

    public HttpClient Client { get; }

    /// <summary>A new browser signed in through the login page.</summary>
    public static async Task<Browser> SignedInAsync(TestApp app, string userName)
    {
        var browser = new Browser(app);
        var answer = await browser.SignInAsync(userName);
        Assert.True(answer.Status == HttpStatusCode.Redirect, $"sign-in as {userName}: {(int)answer.Status} {answer.Text}");
        return browser;
    }

    /// <summary>Fills and posts the login form.</summary>
    public async Task<WebPage> SignInAsync(string userName, string password = TestApp.Password)
    {
        var login = await GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.OK, login.Status);
        var answer = await SubmitAsync(login, "main form", f => f.Set("Input.UserName", userName).Set("Input.Password", password));
        // An administrator of the cast goes on to the second step with the code of her authenticator.
        if (answer.Location?.StartsWith("/Account/LoginTwoFactor", StringComparison.Ordinal) == true && keys?.AuthenticatorKeyOf.GetValueOrDefault(userName) is { } key)
        {
            var second = await GetAsync(answer.Location);
            answer = await SubmitAsync(second, "main form", f => f.Set("Code", Authenticator.Code(key)));
        }
        else if (answer.Status == HttpStatusCode.Redirect && keys is { EnrolsOnFirstSignIn: true })
        {
            // An administrator of the demo enrols on the enrolment page at her first sign-in: the key as the page shows it.
            var enrolment = await GetAsync("/Account/TwoFactor");
            if (enrolment.Find("[data-testid=two-factor-required]") is not null)
            {
                var shown = enrolment.Find("[data-testid=shared-key]")!.TextContent;
                var confirmed = await SubmitAsync(enrolment, "[data-testid=enrol-form]", f => f.Set("Code", Authenticator.Code(shown)));
                Assert.NotNull(confirmed.Find("[data-testid=recovery-codes]"));
                keys.AuthenticatorKeyOf[userName] = shown;
            }
        }
        return answer;
    }

    public async Task<WebPage> GetAsync(string url)
    {
        using var response = await Client.GetAsync(url);
        return await WebPage.ReadAsync(response, url);
    }

    public async Task<WebPage> PostAsync(string url, FormFields fields)
    {
        using var content = new FormUrlEncodedContent(fields.Pairs);
        using var response = await Client.PostAsync(url, content);
        return await WebPage.ReadAsync(response, url);
    }

    /// <summary>Submits a form of the page as a browser would, optionally pressing a given submit button.</summary>
    public Task<WebPage> SubmitAsync(WebPage page, string formSelector, Action<FormFields>? fill = null, string? buttonSelector = null)
    {
        var form = page.Form(formSelector);
        var fields = FormFields.Of(form);
        if (buttonSelector is not null)
        {
            var button = form.QuerySelector(buttonSelector) ?? throw new InvalidOperationException($"no button {buttonSelector} in {formSelector}");
            if (button.GetAttribute("name") is { Length: > 0 } name)
            {
                fields.Add(name, button.GetAttribute("value") ?? "");
            }
        }
        fill?.Invoke(fields);
        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? page.Url : action;
        return string.Equals(form.Method, "get", StringComparison.OrdinalIgnoreCase)
            ? GetAsync(target.Split('?')[0] + QueryString(fields))
            : PostAsync(target, fields);
    }

    /// <summary>Follows the redirect of an answer.</summary>
    public Task<WebPage> FollowAsync(WebPage redirect)
    {
        Assert.True(redirect.Location is not null, $"expected a redirect, got {(int)redirect.Status} {redirect.Text}");
        return GetAsync(redirect.Location!);
    }

    private static string QueryString(FormFields fields) =>
        Microsoft.AspNetCore.Http.QueryString.Create(fields.Pairs.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))).ToString();

    public void Dispose() => Client.Dispose();

    /// <summary>Whitespace collapsed, for comparing rendered text.</summary>
    public static string Squash(string? text) => Spaces().Replace(text ?? "", " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    internal static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);
}

/// <summary>One answer of the server as the browser sees it.</summary>
public sealed class WebPage
{
    private WebPage(HttpStatusCode status, string url, string? location, string? contentType, string html, IReadOnlyList<string> setCookies)
    {
        SetCookies = setCookies;
        Status = status;
        Url = url;
        Location = location;
        ContentType = contentType;
        Html = html;
        Document = Browser.Parse(html);
    }

    public HttpStatusCode Status { get; }
    public string Url { get; }

    /// <summary>The redirect target as path and query.</summary>
    public string? Location { get; }

    public string? ContentType { get; }

    /// <summary>The Set-Cookie headers of the answer.</summary>
    public IReadOnlyList<string> SetCookies { get; }
    public string Html { get; }
    public IHtmlDocument Document { get; }

    /// <summary>The visible text of the body, whitespace collapsed.</summary>
    public string Text => Browser.Squash(Document.Body?.TextContent);

    public static async Task<WebPage> ReadAsync(HttpResponseMessage response, string url)
    {
        var location = response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString) : null;
        var html = await response.Content.ReadAsStringAsync();
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
        return new WebPage(response.StatusCode, url, location, response.Content.Headers.ContentType?.MediaType, html, cookies);
    }

    public IElement? Find(string selector) => Document.QuerySelector(selector);

    public IReadOnlyList<IElement> All(string selector) => Document.QuerySelectorAll(selector).ToList();

    public IElement Single(string selector)
    {
        var found = All(selector);
        Assert.True(found.Count == 1, $"expected one {selector} on {Url}, found {found.Count}: {Text}");
        return found[0];
    }

    public string TextOf(string selector) => Browser.Squash(Single(selector).TextContent);

    public IHtmlFormElement Form(string selector) =>
        Find(selector) as IHtmlFormElement ?? throw new InvalidOperationException($"no form {selector} on {Url} ({(int)Status}): {Text}");

    /// <summary>The links of the main menu.</summary>
    /// <summary>Every menu entry a user can reach: top-level links and the entries of the grouped menus.</summary>
    public string[] MenuTexts => All("header nav #menu .nav-link:not(.dropdown-toggle), header nav #menu .dropdown-item").Select(a => Browser.Squash(a.TextContent)).ToArray();

    /// <summary>The messages next to a field (the validation span the tag helper renders for it).</summary>
    public string FieldError(string field)
    {
        var spans = All($"[data-valmsg-for='{field}']");
        // A message span may sit inside another for the same field: count the outer one only.
        var outer = spans.Where(s => !spans.Any(other => other != s && other.Contains(s)));
        return string.Join(" ", outer.Select(s => Browser.Squash(s.TextContent))).Trim();
    }

    /// <summary>The validation summary's messages.</summary>
    public string Summary => string.Join(" ", All(".validation-summary-errors li").Select(li => Browser.Squash(li.TextContent)));

    public override string ToString() => $"{(int)Status} {Url}{(Location is null ? "" : " -> " + Location)}";
}

/// <summary>The name/value pairs a form sends, in document order.</summary>
public sealed class FormFields
{
    private readonly List<KeyValuePair<string, string>> pairs = [];

    public IReadOnlyList<KeyValuePair<string, string>> Pairs => pairs;

    public string? this[string name] => pairs.FirstOrDefault(p => p.Key == name).Value;

    public IEnumerable<string> Names => pairs.Select(p => p.Key);

    /// <summary>What a browser sends for the form as rendered (no button pressed).</summary>
    public static FormFields Of(IHtmlFormElement form)
    {
        var fields = new FormFields();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && !input.IsDisabled:
                    var type = input.Type.ToLowerInvariant();
                    if (type is "submit" or "button" or "image" or "reset" or "file")
                    {
                        break;
                    }
                    if (type is "checkbox" or "radio")
                    {
                        if (input.IsChecked)
                        {
                            fields.Add(input.Name!, input.GetAttribute("value") ?? "on");
                        }
                        break;
                    }
                    fields.Add(input.Name!, input.Value);
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name) && !area.IsDisabled:
                    fields.Add(area.Name!, area.Value);
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name) && !select.IsDisabled:
                    var selected = select.Options.Where(o => o.IsSelected).ToList();
                    if (selected.Count == 0 && !select.IsMultiple && select.Options.Length > 0)
                    {
                        selected.Add(select.Options[0]!);
                    }
                    foreach (var option in selected)
                    {
                        fields.Add(select.Name!, option.Value);
                    }
                    break;
            }
        }
        return fields;
    }

    public FormFields Add(string name, string value)
    {
        pairs.Add(new(name, value));
        return this;
    }

    /// <summary>Replaces every value of the field (a text box typed into, a radio chosen, a checkbox ticked).</summary>
    public FormFields Set(string name, string value)
    {
        var at = pairs.FindIndex(p => p.Key == name);
        Remove(name);
        pairs.Insert(at < 0 ? pairs.Count : at, new(name, value));
        return this;
    }

    /// <summary>Fills one item of the verification page's findings form (its fields are numbered by the item's place).</summary>
    public FormFields Finding(string itemCode, string? verdict, string note)
    {
        var itemField = pairs.SingleOrDefault(p => p.Value == itemCode && p.Key.EndsWith("].ItemCode", StringComparison.Ordinal)).Key
            ?? throw new InvalidOperationException($"no item {itemCode} in the findings form");
        var prefix = itemField[..^"ItemCode".Length];
        if (verdict is null)
        {
            Remove(prefix + "Verdict");
        }
        else
        {
            Set(prefix + "Verdict", verdict);
        }
        return Set(prefix + "Note", note);
    }

    /// <summary>Removes the field (a checkbox unticked).</summary>
    public FormFields Remove(string name)
    {
        pairs.RemoveAll(p => p.Key == name);
        return this;
    }
}
