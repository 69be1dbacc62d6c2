using System.Net;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Features.Incentives;
using SafeHarbor.IntegrationTests.Documents;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Incentives;

/// <summary>The demo bureau shows Art. 13 with believable records, made by the people whose duty it is.</summary>
[Article("13")]
public sealed class DemoIncentivesTests
{
    [Theory, AllDatabases]
    public async Task The_demo_has_talks_commendations_and_support_measures_including_a_talk_with_he_xiaofeng_after_his_exemption(Db db)
    {
        await using var demo = await DemoBureau.StartAsync(db);

        var talks = await demo.As("huangl").GetOkAsync("/api/incentives/talks");
        var withHe = talks.EnumerateArray().Single(t => t.GetProperty("personName").GetString() == "何晓峰");
        Assert.Equal("张卫东", withHe.GetProperty("talkerName").GetString());
        Assert.Contains("容错免责", withHe.GetProperty("topics").GetString());
        var exempted = await demo.CaseAsync(DemoCases.ArchivedExempted);
        var decidedOn = exempted.Decision!.DecidedOn;
        Assert.True(withHe.GetProperty("heldOn").GetString()!.CompareTo(decidedOn.ToString("yyyy-MM-dd")) > 0);

        var commendations = await demo.As("huangl").GetOkAsync("/api/incentives/commendations");
        Assert.Contains(commendations.EnumerateArray(), c => c.GetProperty("kind").GetString() == "Regular" && c.GetProperty("recipientName").GetString() == "城东分局");
        Assert.Contains(commendations.EnumerateArray(), c => c.GetProperty("kind").GetString() == "Special" && !c.GetProperty("toUnit").GetBoolean());
        var support = await demo.As("huangl").GetOkAsync("/api/incentives/support-measures");
        Assert.True(support.GetArrayLength() >= 3);

        var report = await demo.As("zhoumy").GetOkAsync($"/api/incentives/report?year={DemoBureau.Today.Year}");
        var east = report.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("unitName").GetString() == "城东分局");
        Assert.True(east.GetProperty("frontLine").GetBoolean());
        Assert.True(east.GetProperty("talks").GetInt32() >= 2);
        Assert.True(east.GetProperty("regularCommendations").GetInt32() >= 1);

        // 何晓峰 sees that the talk was held, not what was written down.
        var mine = await demo.As("hexf").GetOkAsync("/api/incentives/mine");
        var own = Assert.Single(mine.GetProperty("personal").GetProperty("talks").EnumerateArray());
        Assert.True(own.GetProperty("contentWithheld").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await demo.As("hexf").GetAsync("/api/incentives/report")).StatusCode);

        var audited = await demo.WithDbAsync(d => d.AuditEntries.CountAsync(e => e.EntityType == nameof(HeartTalk) || e.EntityType == nameof(Commendation) || e.EntityType == nameof(SupportMeasure)));
        var records = await demo.WithDbAsync(async d => await d.Set<HeartTalk>().CountAsync() + await d.Set<Commendation>().CountAsync() + await d.Set<SupportMeasure>().CountAsync());
        Assert.Equal(records, audited);
    }
}
