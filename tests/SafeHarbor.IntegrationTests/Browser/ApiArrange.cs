using System.Net.Http.Headers;
using System.Net.Http.Json;
using SafeHarbor.Cases;
using SafeHarbor.IntegrationTests.Support;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.IntegrationTests.BrowserUi;

/// <summary>
/// Puts a case where a browser test starts, through the real HTTP API of a <see cref="KestrelApp"/>
/// (the same bodies as <see cref="Support.Procedure"/>), for tests whose subject is a later page.
/// </summary>
internal sealed class ApiArrange(KestrelApp app) : IDisposable
{
    private readonly Dictionary<string, HttpClient> clients = [];

    public HttpClient As(string userName)
    {
        if (clients.TryGetValue(userName, out var existing))
        {
            return existing;
        }
        var client = new HttpClient { BaseAddress = app.BaseAddress };
        var login = client.PostAsJsonAsync("/api/auth/login", app.Cast.LoginBody(userName, TestApp.Password)).OkAsync().GetAwaiter().GetResult();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("accessToken").GetString());
        clients[userName] = client;
        return client;
    }

    /// <summary>Registered for staffA, applied (c1, c6), every item verified as met, reported: the case waits for the party group.</summary>
    public async Task<CaseRef> ReportedCaseAsync(string title)
    {
        var registered = await As("inv").PostJsonAsync("/api/cases", new
        {
            title,
            description = "对辖区首次轻微违法的小微食品经营者依法不予处罚后，未按计划开展跟踪抽检复查。",
            businessField = "食品安全",
            startedBy = "局党组",
            accountabilityStartedOn = app.Clock.Today,
            subjects = new[] { new { kind = SubjectKind.Person, id = app.Cast.PersonOf["staffA"] } },
        }).OkAsync();
        var c = new CaseRef(registered.GetProperty("id").GetGuid(), registered.GetProperty("number").GetString()!);
        await As("staffA").PostJsonAsync($"{c.Url}/application", Support.Procedure.ApplicationBody(["c1", "c6"])).OkAsync();
        await As("inv").PostJsonAsync($"{c.Url}/verification/start", null).OkAsync();
        foreach (var item in Support.Procedure.BaseAndExclusions.Concat(["c1", "c6"]))
        {
            await As("inv").PutJsonAsync($"{c.Url}/findings/{item}", new { verdict = "Met", note = $"经核实，{item}符合。" }).OkAsync();
        }
        await As("inv").PostJsonAsync($"{c.Url}/verification/report", new { text = "经调查核实，综合各方面因素，出具本报告。", recommendation = Outcome.Exempted }).OkAsync();
        return c;
    }

    public void Dispose()
    {
        foreach (var c in clients.Values)
        {
            c.Dispose();
        }
    }
}
