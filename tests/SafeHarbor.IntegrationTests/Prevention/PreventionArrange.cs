using System.Text.Json;
using SafeHarbor.Cases;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Prevention;

/// <summary>Registers matters with a kind of error and sets thresholds, through the API, for the prevention tests.</summary>
internal static class PreventionArrange
{
    /// <summary>Registers a matter as 局机关纪委 with its field, kind of error and start date.</summary>
    public static async Task<CaseRef> MatterAsync(
        this TestApp app, string title, string field = "食品安全", string? kind = "跟踪复查不到位", DateOnly? startedOn = null, string subject = "staffA")
    {
        var body = await app.As("inv").PostJsonAsync("/api/cases", new
        {
            title,
            description = $"{title}：未按计划开展跟踪复查，后续检查发现问题。",
            businessField = field,
            errorKind = kind,
            startedBy = "局党组",
            accountabilityStartedOn = startedOn ?? app.Clock.Today,
            subjects = new[] { new { kind = SubjectKind.Person, id = app.Cast.PersonOf[subject] } },
        }).OkAsync();
        return new CaseRef(body.GetProperty("id").GetGuid(), body.GetProperty("number").GetString()!);
    }

    public static async Task<Guid> ThresholdAsync(this TestApp app, string dimension, string? value, int count, int months)
    {
        var body = await app.As("policyowner").PostJsonAsync("/api/prevention/thresholds", new { dimension, value, count, months }).OkAsync();
        return body.GetProperty("id").GetGuid();
    }

    public static Task<JsonElement> AnalysisAsync(this TestApp app, string user = "office", string query = "") =>
        app.As(user).GetOkAsync("/api/prevention/analysis" + query);

    public static JsonElement[] Flags(this JsonElement analysis) => analysis.GetProperty("flags").EnumerateArray().ToArray();

    public static string[] Strings(this JsonElement array, string property) =>
        array.EnumerateArray().Select(x => x.GetProperty(property).GetString()!).ToArray();

    public static string[] Texts(this JsonElement array) => array.EnumerateArray().Select(x => x.GetString()!).ToArray();
}
