using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SafeHarbor.Cases;
using SafeHarbor.IntegrationTests.Support;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.IntegrationTests.Pages;

/// <summary>Puts cases where a page test needs them, through the API (<see cref="Support.Procedure"/>).</summary>
internal static class PageArrange
{
    public static readonly string[] Bodies = ["inv", "inv2", "office", "archivist", "guide", "m1", "m2", "m3", "m4", "m5"];
    public static readonly string[] Staff = ["leaderA", "staffA", "staffA2", "leaderB", "staffB", "leaderCounty", "staffTown"];
    public static readonly string[] Admins = ["sysadmin", "auditadmin"];
    public static readonly string[] Everyone = [.. Bodies, .. Staff, .. Admins];

    /// <summary>People who may not see staffA's case: other units, a colleague, the administrators.</summary>
    public static readonly string[] OutsidersOfStaffA = ["staffA2", "leaderB", "staffB", "leaderCounty", "staffTown", "sysadmin", "auditadmin"];

    /// <summary>A case of <paramref name="subject"/> (a person of 城东分局 by default) walked to the given status.</summary>
    public static async Task<CaseRef> CaseInStatusAsync(this TestApp app, CaseStatus status, string subject = "staffA", string title = "城东分局对首次轻微违法经营者不予处罚后跟踪抽检不及时")
    {
        var flow = new Support.Procedure(app);
        var c = await flow.RegisterAsync(subject, title: title);
        if (status == CaseStatus.Registered)
        {
            return c;
        }
        if (status == CaseStatus.Withdrawn)
        {
            await flow.ApplyAsync(c, subject);
            await app.As(subject).PostJsonAsync($"{c.Url}/withdrawal", new { reason = "经重新考虑，不再申请。" }).OkAsync();
            return c;
        }
        await flow.ApplyAsync(c, subject);
        if (status == CaseStatus.Submitted)
        {
            return c;
        }
        if (status is CaseStatus.Verifying or CaseStatus.AwaitingSupplement)
        {
            await flow.StartVerificationAsync(c);
            if (status == CaseStatus.AwaitingSupplement)
            {
                await app.As("inv").PostJsonAsync($"{c.Url}/supplement-requests", new { items = "请补充跟踪抽检台账复印件。", workingDays = 5 }).OkAsync();
            }
            return c;
        }
        await flow.VerifyAsync(c);
        await flow.ReportAsync(c, Outcome.Exempted);
        if (status == CaseStatus.Reported)
        {
            return c;
        }
        if (status == CaseStatus.Scheduled)
        {
            var meeting = await flow.OpenMeetingAsync();
            await flow.ScheduleAsync(meeting, c);
            return c;
        }
        await flow.DecideAtMeetingAsync(c, Outcome.Exempted);
        if (status == CaseStatus.Decided)
        {
            return c;
        }
        await app.As("office").PostJsonAsync($"{c.Url}/feedback", new { resultText = "认定结果：予以容错免责。", explanation = "依照第五条第（四）项书面反馈并答复解释。" }).OkAsync();
        if (status == CaseStatus.FeedbackIssued)
        {
            return c;
        }
        await app.As("office").PostJsonAsync($"{c.Url}/feedback/delivery", new { deliveredOn = app.Clock.Today, method = "直接送达", recipient = "本人" }).OkAsync();
        if (status == CaseStatus.Delivered)
        {
            return c;
        }
        await app.As(subject).PostJsonAsync($"{c.Url}/feedback/acknowledgement", new { comment = "已收到。" }).OkAsync();
        if (status == CaseStatus.Acknowledged)
        {
            return c;
        }
        await flow.PublishAsync(c);
        if (status == CaseStatus.Published)
        {
            return c;
        }
        await flow.ArchiveAsync(c);
        Assert.Equal(CaseStatus.Archived, status);
        return c;
    }

    /// <summary>A verifying case with a guidance request the guidance group has not answered.</summary>
    public static async Task<CaseRef> CaseAwaitingGuidanceAsync(this TestApp app)
    {
        var c = await app.CaseInStatusAsync(CaseStatus.Verifying);
        await app.As("inv").PostJsonAsync($"{c.Url}/guidance-requests", new { question = "首次轻微违法不予处罚后的跟踪抽检是否属于第四条第（一）项？" }).OkAsync();
        return c;
    }

    public static async Task<JsonElement> DetailAsync(this TestApp app, CaseRef c, string user = "inv") =>
        await app.As(user).GetOkAsync(c.Url);

    public static async Task<string[]> TimelineAsync(this TestApp app, CaseRef c) =>
        (await app.As("inv").GetOkAsync($"{c.Url}/timeline")).EnumerateArray().Select(e => e.GetProperty("action").GetString()!).ToArray();

    public static readonly byte[] SmallPdf = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n" +
        "trailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>Uploads a PDF through the API as the given user.</summary>
    public static async Task UploadThroughApiAsync(this TestApp app, CaseRef c, string user, string fileName, string description)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(description), "description");
        var file = new ByteArrayContent(SmallPdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", fileName);
        using var response = await app.As(user).PostAsync($"{c.Url}/evidence", form);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Uploads a file the way the page's script does: multipart to /Cases/{id}/Evidence with the token in a header.</summary>
    public static async Task<HttpResponseMessage> UploadFromPageAsync(this Browser browser, WebPage page, Guid caseId, string fileName, byte[] content, string description)
    {
        var token = (page.Find("input[name=__RequestVerificationToken]") as AngleSharp.Html.Dom.IHtmlInputElement)?.Value;
        Assert.False(string.IsNullOrEmpty(token), $"no antiforgery token on {page.Url}");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(description), "description");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/Cases/{caseId}/Evidence") { Content = form };
        request.Headers.Add("RequestVerificationToken", token);
        return await browser.Client.SendAsync(request);
    }
}

/// <summary>How a page answers a visitor.</summary>
public enum Access
{
    Ok = 200,
    Denied = 403,
    NotFound = 404,
    ToLogin = 302,
}

/// <summary>Signed-in browsers for the whole cast on one app, and the access table check.</summary>
internal sealed class Visitors(TestApp app) : IDisposable
{
    public const string Anonymous = "(anonymous)";

    private readonly Dictionary<string, Browser> browsers = [];

    public async Task<Browser> AsAsync(string user)
    {
        if (!browsers.TryGetValue(user, out var browser))
        {
            browser = user == Anonymous ? new Browser(app) : await Browser.SignedInAsync(app, user);
            browsers[user] = browser;
        }
        return browser;
    }

    /// <summary>
    /// GETs the page as every user of the cast and as an anonymous visitor and compares each answer with
    /// the table: users named under <paramref name="ok"/>, <paramref name="notFound"/> are expected so,
    /// every other signed-in user is expected to be denied (403), and the anonymous visitor is sent to the login page.
    /// </summary>
    public async Task AssertAccessAsync(string url, string[] ok, string[]? notFound = null)
    {
        notFound ??= [];
        var expected = PageArrange.Everyone.ToDictionary(u => u, u => ok.Contains(u) ? Access.Ok : notFound.Contains(u) ? Access.NotFound : Access.Denied);
        expected[Anonymous] = Access.ToLogin;
        var wrong = new List<string>();
        foreach (var (user, access) in expected)
        {
            var page = await (await AsAsync(user)).GetAsync(url);
            var actual = (Access)(int)page.Status;
            if (actual != access)
            {
                wrong.Add($"{user}: expected {(int)access} {access}, got {(int)page.Status}");
                continue;
            }
            switch (access)
            {
                case Access.ToLogin:
                    if (page.Location?.StartsWith("/Account/Login", StringComparison.Ordinal) != true)
                    {
                        wrong.Add($"{user}: redirected to {page.Location}, not to the login page");
                    }
                    break;
                case Access.Denied when !page.Text.Contains("无权访问"):
                    wrong.Add($"{user}: 403 without the 无权访问 page");
                    break;
                case Access.NotFound when !page.Text.Contains("找不到"):
                    wrong.Add($"{user}: 404 without the 找不到 page");
                    break;
            }
        }
        Assert.True(wrong.Count == 0, $"GET {url}:\n" + string.Join("\n", wrong));
    }

    public void Dispose()
    {
        foreach (var b in browsers.Values)
        {
            b.Dispose();
        }
    }
}
