using SafeHarbor.IntegrationTests.Documents;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Prevention;

/// <summary>The demo bureau shows Art. 9 and 10 at work: a threshold that flags, a risk point from it, a warning half acknowledged.</summary>
[Article("9", "10")]
public sealed class PreventionDemoTests
{
    [Theory, AllDatabases]
    public async Task The_demo_flags_tracking_reviews_and_warns_two_units_of_which_one_has_acknowledged(Db db)
    {
        await using var demo = await DemoBureau.StartAsync(db);

        var analysis = await demo.As("zhoumy").GetOkAsync("/api/prevention/analysis");
        var flags = analysis.Flags();
        var kind = flags.Single(f => f.GetProperty("dimension").GetString() == "ErrorKind");
        Assert.Equal("跟踪复查不到位", kind.GetProperty("value").GetString());
        Assert.Equal(6, kind.GetProperty("count").GetInt32());
        Assert.Contains(DemoCases.ArchivedExempted, kind.GetProperty("cases").Strings("title"));
        Assert.Contains(DemoCases.MitigatedWithFeedback, kind.GetProperty("cases").Strings("title"));
        var foodAndKind = flags.Single(f => f.GetProperty("dimension").GetString() == "FieldAndKind");
        Assert.Equal([DemoCases.ArchivedExempted, DemoCases.RepeatApplied], foodAndKind.GetProperty("cases").Strings("title"));
        Assert.Contains(flags, f => f.GetProperty("dimension").GetString() == "Unit" && f.GetProperty("value").GetString() == "城东分局");

        var riskPoint = Assert.Single((await demo.Office.GetOkAsync("/api/prevention/risk-points")).EnumerateArray());
        Assert.Equal("跟踪复查不到位", riskPoint.GetProperty("errorKind").GetString());
        Assert.Contains("城东分局", riskPoint.GetProperty("units").Strings("name"));
        Assert.Contains("综合行政执法支队", riskPoint.GetProperty("units").Strings("name"));
        Assert.Contains("问题症结：不予处罚、责令改正", riskPoint.GetProperty("description").GetString());

        var warning = Assert.Single((await demo.Office.GetOkAsync("/api/prevention/warnings")).EnumerateArray());
        Assert.Equal(riskPoint.GetProperty("title").GetString(), warning.GetProperty("riskPointTitle").GetString());
        var recipients = warning.GetProperty("recipients").EnumerateArray().ToDictionary(r => r.GetProperty("unitName").GetString()!, r => r);
        Assert.True(recipients["城东分局"].GetProperty("acknowledged").GetBoolean());
        Assert.Equal("张卫东", recipients["城东分局"].GetProperty("acknowledgedBy").GetString());
        Assert.False(recipients["综合行政执法支队"].GetProperty("acknowledged").GetBoolean());
        Assert.Single((await demo.As("fengt").GetOkAsync("/api/prevention/warnings/pending")).EnumerateArray());
        Assert.Empty((await demo.As("zhangwd").GetOkAsync("/api/prevention/warnings/pending")).EnumerateArray());

        var reports = await demo.As("liuzg").GetOkAsync("/api/abuse-reports");
        Assert.Equal(new[] { "查实", "查否", "核查中" }.Order(StringComparer.Ordinal), reports.Strings("statusName").Order(StringComparer.Ordinal));
    }
}
