using System.Text.Json;
using SafeHarbor.Cases;
using SafeHarbor.IntegrationTests.Support;
using SafeHarbor.Organisation;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.IntegrationTests.Assessment;

/// <summary>Schemes, periods and assessments through the real API, as 人事科 (personnel) does them.</summary>
internal static class AssessmentArrange
{
    public const string Personnel = "personnel";

    /// <summary>Two indicators of 50 points each; 优秀 ≥ 90, 称职 ≥ 75, 基本称职 ≥ 60.</summary>
    public static object SchemeBody(
        string name = "分局执法人员考核方案", UnitType[]? unitTypes = null, int quota = 20, string? postKeyword = null, bool leadersOnly = false,
        string[]? protectedByUses = null) => new
    {
        name,
        unitTypes = unitTypes ?? [UnitType.Branch],
        postKeyword,
        leadersOnly,
        indicators = new[]
        {
            new { code = "A", name = "依法履职", maxScore = 50m, description = "执法办案数量与质量" },
            new { code = "B", name = "柔性执法与营商环境", maxScore = 50m, description = "包容审慎监管、首违不罚" },
        },
        excellentLine = 90m,
        competentLine = 75m,
        basicLine = 60m,
        excellentQuotaPercent = quota,
        protectedByUses,
    };

    public static async Task<JsonElement> SchemeAsync(this TestApp app, object? body = null) =>
        await app.As(Personnel).PostJsonAsync("/api/assessment/schemes", body ?? SchemeBody()).OkAsync();

    public static async Task<Guid> PeriodAsync(this TestApp app, string kind = "Quarterly", int year = 2026, int? quarter = 3) =>
        (await app.As(Personnel).PostJsonAsync("/api/assessment/periods", new { kind, year, quarter }).OkAsync()).GetProperty("id").GetGuid();

    public static object Scores(decimal total) => new[]
    {
        new { code = "A", score = Math.Min(50, Math.Ceiling(total / 2)) },
        new { code = "B", score = total - Math.Min(50, Math.Ceiling(total / 2)) },
    };

    public static Task<HttpResponseMessage> AssessAsync(this TestApp app, Guid period, Guid personId, decimal total, string user = Personnel) =>
        app.As(user).PostJsonAsync($"/api/assessment/periods/{period}/assessments", new { personId, scores = Scores(total), comment = "工作认真负责。" });

    public static async Task<JsonElement> AssessOkAsync(this TestApp app, Guid period, string userName, decimal total) =>
        await app.AssessAsync(period, app.Cast.PersonOf[userName], total).OkAsync();

    /// <summary>A person without an account, in a unit of the cast.</summary>
    public static async Task<Guid> PersonAsync(this TestApp app, string name, string unit, string post = "执法人员", bool leader = false)
    {
        var id = Guid.NewGuid();
        await app.WithDbAsync(async db =>
        {
            db.Persons.Add(new Person { Id = id, Name = name, UnitId = app.Cast.Units[unit], Post = post, IsLeader = leader });
            await db.SaveChangesAsync();
        });
        return id;
    }

    /// <summary>A matter of <paramref name="subject"/> decided by the party group with the given outcome.</summary>
    public static async Task<CaseRef> DecidedCaseAsync(this TestApp app, string subject, Outcome outcome)
    {
        var flow = new Support.Procedure(app);
        var c = await flow.ReportedCaseAsync(subject, outcome);
        await flow.DecideAtMeetingAsync(c, outcome, outcome == Outcome.Mitigated ? "免予处分，进行提醒谈话。" : null);
        return c;
    }

    public static string[] Names(this JsonElement period, Func<JsonElement, bool> where) =>
        period.GetProperty("assessments").EnumerateArray().Where(where).Select(a => a.GetProperty("personName").GetString()!).Order(StringComparer.Ordinal).ToArray();

    public static string? GradeOf(this JsonElement period, string personName) =>
        period.GetProperty("assessments").EnumerateArray().Single(a => a.GetProperty("personName").GetString() == personName)
            .GetProperty("grade") is { ValueKind: JsonValueKind.String } g ? g.GetString() : null;
}
