using SafeHarbor.IntegrationTests.Documents;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Correction;

/// <summary>The demo bureau shows Art. 8 at work: one correction closed with evidence, one under way with a measure overdue.</summary>
[Article("8")]
public sealed class CorrectionDemoTests
{
    [Theory, AllDatabases]
    public async Task The_demo_has_a_closed_correction_and_one_under_way_with_an_overdue_measure(Db db)
    {
        await using var app = await DemoBureau.StartAsync(db);
        var archived = await app.CaseAsync(DemoCases.ArchivedExempted);
        var published = await app.CaseAsync(DemoCases.PublishedAtMeeting);

        var list = (await app.Office.GetOkAsync("/api/correction")).EnumerateArray().ToDictionary(i => i.GetProperty("caseId").GetGuid());
        var closed = list[archived.Id];
        Assert.Equal(("Closed", 1, 1, true, 2, 2), (closed.GetProperty("stage").GetString(), closed.GetProperty("talks").GetInt32(), closed.GetProperty("letters").GetInt32(),
            closed.GetProperty("hasAnalysis").GetBoolean(), closed.GetProperty("measures").GetInt32(), closed.GetProperty("measuresDone").GetInt32()));
        var open = list[published.Id];
        Assert.Equal(("Rectifying", 2, 1, 1), (open.GetProperty("stage").GetString(), open.GetProperty("measures").GetInt32(),
            open.GetProperty("measuresDone").GetInt32(), open.GetProperty("overdue").GetInt32()));
        // The two mitigated cases wait for their correction to begin.
        Assert.Equal(4, list.Count);
        Assert.Equal(2, list.Values.Count(i => i.GetProperty("stage").GetString() == "AwaitingTalkOrLetter" && i.GetProperty("outcome").GetString() == "Mitigated"));

        var view = await app.Office.GetOkAsync($"/api/cases/{archived.Id}/correction");
        var plan = view.GetProperty("plan");
        Assert.Contains("验收销号", plan.GetProperty("closureSummary").GetString());
        Assert.True(plan.GetProperty("checks")[0].GetProperty("satisfactory").GetBoolean());
        Assert.Equal("李建华", view.GetProperty("talks")[0].GetProperty("talkerName").GetString());

        // 林静 has her overdue measure in front of her; 张卫东's measure on her case is done.
        var mine = (await app.As("linj").GetOkAsync("/api/correction/my-measures")).EnumerateArray().ToList();
        var overdue = Assert.Single(mine);
        Assert.Equal(("Overdue", published.Number), (overdue.GetProperty("state").GetString(), overdue.GetProperty("caseNumber").GetString()));
        var summary = await app.Office.GetOkAsync("/api/correction/overdue");
        Assert.Equal(1, summary.GetProperty("measures").GetInt32());
        Assert.Equal("城东分局", summary.GetProperty("byUnit")[0].GetProperty("unitName").GetString());
    }
}
