using System.Net;
using System.Text;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Security;

/// <summary>
/// Well-formed JSON with values that make no sense: dates that do not exist, in the wrong format, in year 1 or 9999;
/// negative or absurd counts, years and scores. Each is a Chinese 400 and nothing is written.
/// </summary>
public sealed class BadInputValueTests
{
    private const string Subjects = "\"subjects\": [{\"kind\": \"Person\", \"id\": \"@STAFF@\"}]";

    private static readonly (string What, string Url, string User, string Json, string? Code)[] Refused =
    [
        ("30 February", "/api/cases", "inv", Matter("2026-02-30"), "invalid-date"),
        ("a date written 2026/09/21", "/api/cases", "inv", Matter("2026/09/21"), "invalid-date"),
        ("a date with a time", "/api/cases", "inv", Matter("2026-09-21T10:00:00"), "invalid-date"),
        ("year 0001", "/api/cases", "inv", Matter("0001-01-01"), "invalid-date"),
        ("year 9999", "/api/cases", "inv", Matter("9999-12-31"), "invalid-date"),
        ("a date in the future", "/api/cases", "inv", Matter("2099-01-01"), "validation-failed"),
        ("a number as a date", "/api/cases", "inv", Matter("20260921", quoted: false), "invalid-date"),
        ("an abuse report received in year 0001", "/api/abuse-reports", "inv", "{\"kind\": \"Extortion\", \"description\": \"举报\", \"receivedOn\": \"0001-01-01\"}", "invalid-date"),
        ("a negative threshold count", "/api/prevention/thresholds", "policyowner", "{\"dimension\": \"BusinessField\", \"value\": \"食品安全\", \"count\": -1, \"months\": 12}", "validation-failed"),
        ("a negative threshold period", "/api/prevention/thresholds", "policyowner", "{\"dimension\": \"BusinessField\", \"value\": \"食品安全\", \"count\": 3, \"months\": -12}", "validation-failed"),
        ("a count past int", "/api/prevention/thresholds", "policyowner", "{\"dimension\": \"BusinessField\", \"value\": \"食品安全\", \"count\": 99999999999, \"months\": 12}", "invalid-json"),
        ("a negative year", "/api/assessment/periods", "personnel", "{\"kind\": \"Annual\", \"year\": -2026, \"name\": \"考核\"}", "validation-failed"),
        ("year 0", "/api/assessment/periods", "personnel", "{\"kind\": \"Annual\", \"year\": 0, \"name\": \"考核\"}", "validation-failed"),
        ("quarter 5", "/api/assessment/periods", "personnel", "{\"kind\": \"Quarterly\", \"year\": 2026, \"quarter\": 5, \"name\": \"考核\"}", "validation-failed"),
        ("a negative maximum score", "/api/assessment/schemes", "personnel", "{\"name\": \"方案\", \"unitType\": \"Branch\", \"indicators\": [{\"code\": \"A\", \"name\": \"指标\", \"maxScore\": -10}]}", null),
        ("a score of 1e400", "/api/assessment/schemes", "personnel", "{\"name\": \"方案\", \"unitType\": \"Branch\", \"indicators\": [{\"code\": \"A\", \"name\": \"指标\", \"maxScore\": 1e400}]}", "invalid-json"),
    ];

    [Theory, AllDatabases]
    public async Task Impossible_dates_and_negative_numbers_get_a_Chinese_400_and_nothing_is_written(Db kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        foreach (var user in Refused.Select(r => r.User).Distinct())
        {
            _ = app.As(user);
        }
        var before = await BadInput.RowCountsAsync(app);
        var problems = new List<string>();
        foreach (var (what, url, user, json, code) in Refused)
        {
            using var content = new StringContent(json.Replace("@STAFF@", app.Cast.PersonOf["staffA"].ToString(), StringComparison.Ordinal), Encoding.UTF8, "application/json");
            using var response = await app.As(user).PostAsync(url, content);
            if (await BadInput.ProblemWith(response, HttpStatusCode.BadRequest, code) is { } problem)
            {
                problems.Add($"{what}: {problem}");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var after = await BadInput.RowCountsAsync(app);
        Assert.True(BadInput.Changed(before, after).Length == 0, "written: " + BadInput.Changed(before, after));
    }

    private static string Matter(string date, bool quoted = true) =>
        $"{{\"title\": \"抽检不及时\", \"description\": \"事实\", \"businessField\": \"食品安全\", \"startedBy\": \"局党组\", \"accountabilityStartedOn\": {(quoted ? $"\"{date}\"" : date)}, {Subjects}}}";
}
