using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SafeHarbor.Cases;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Procedure;

/// <summary>Small reads and raw requests the procedure tests share (the steps themselves are in <see cref="Support.Procedure"/>).</summary>
internal static class ProcedureApi
{
    public static Task<JsonElement> AdviceAsync(this TestApp app, CaseRef c, string user = "inv") =>
        app.As(user).GetOkAsync($"{c.Url}/advice");

    public static async Task<string[]> TimelineActionsAsync(this TestApp app, CaseRef c, string user = "inv") =>
        (await app.As(user).GetOkAsync($"{c.Url}/timeline")).EnumerateArray().Select(e => e.GetProperty("action").GetString()!).ToArray();

    /// <summary>The case list as the user sees it: (total, numbers).</summary>
    public static async Task<(int Total, string[] Numbers)> ListAsync(this TestApp app, string user)
    {
        var page = await app.As(user).GetOkAsync("/api/cases?pageSize=200");
        return (page.GetProperty("total").GetInt32(),
            page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetString()!).ToArray());
    }

    public static Task<HttpResponseMessage> WithdrawAsync(this TestApp app, CaseRef c, string user, int? ifMatch = null) =>
        app.As(user).PostJsonAsync($"{c.Url}/withdrawal", new { reason = "经重新考虑，申请人决定不再申请容错免责。" }, ifMatch);

    public static string[] AllowedActions(this JsonElement detail) =>
        detail.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetProperty("action").GetString()!).ToArray();

    public static string Status(this JsonElement detail) => detail.GetProperty("status").GetString()!;

    public static string[] ErrorFields(this Problem problem) =>
        problem.Body.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToArray();

    public static string FirstError(this Problem problem, string field) =>
        problem.Body.GetProperty("errors").GetProperty(field)[0].GetString()!;

    /// <summary>Registers a matter with several subjects (the harness registers one).</summary>
    public static async Task<CaseRef> RegisterWithSubjectsAsync(this TestApp app, params (SubjectKind Kind, Guid Id)[] subjects)
    {
        var body = await app.As("inv").PostJsonAsync("/api/cases", new
        {
            title = "城东分局对首次轻微违法经营者不予处罚后跟踪抽检不及时",
            description = "对辖区首次轻微违法的小微食品经营者依法不予处罚后，未按计划开展跟踪抽检复查。",
            businessField = "食品安全",
            startedBy = "局党组",
            accountabilityStartedOn = app.Clock.Today,
            subjects = subjects.Select(s => new { kind = s.Kind, id = s.Id }).ToArray(),
        }).OkAsync();
        return new CaseRef(body.GetProperty("id").GetGuid(), body.GetProperty("number").GetString()!);
    }

    /// <summary>A request with a body and headers exactly as given (malformed JSON, odd If-Match values).</summary>
    public static Task<HttpResponseMessage> SendRawAsync(this HttpClient client, HttpMethod method, string url, string json, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json")) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return client.SendAsync(request);
    }

    public static JsonElement AdviceItem(this JsonElement advice, string code) =>
        advice.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("code").GetString() == code);
}
