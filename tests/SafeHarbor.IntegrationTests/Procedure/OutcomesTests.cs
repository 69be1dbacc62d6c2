using System.Net;
using SafeHarbor.Cases;
using SafeHarbor.Features.Determination;
using SafeHarbor.IntegrationTests.Support;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.IntegrationTests.Procedure;

/// <summary>The three outcomes of Art. 5(3) / Art. 11(5), and what follows each.</summary>
[Article("5(3)", "5(4)", "11(5)")]
public sealed class OutcomesTests
{
    [Theory, AllDatabases]
    public async Task A_case_not_exempted_is_fed_back_and_archived_but_never_published(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var flow = new Support.Procedure(app);

        var c = await flow.RegisterAsync();
        await flow.ApplyAsync(c);
        await flow.StartVerificationAsync(c);
        await flow.FindAsync(c, "within-duties", Verdict.NotMet);
        foreach (var item in Support.Procedure.BaseAndExclusions.Skip(1).Concat(["c1", "c6"]))
        {
            await flow.FindAsync(c, item, Verdict.Met);
        }

        var advice = await app.AdviceAsync(c);
        Assert.Equal("NotExempt", advice.GetProperty("recommendation").GetString());
        Assert.Equal("NotMet", advice.AdviceItem("within-duties").GetProperty("verdict").GetString());
        Assert.Contains("在依法依规履行职责过程中", advice.GetProperty("summary").GetString());

        await flow.ReportAsync(c, Outcome.NotExempted);
        await flow.DecideAtMeetingAsync(c, Outcome.NotExempted);
        await flow.FeedbackDeliveredAndAcknowledgedAsync(c);

        var acknowledged = await flow.GetAsync(c, "office");
        Assert.Equal("Acknowledged", acknowledged.Status());
        Assert.Equal("不予容错免责", acknowledged.GetProperty("decision").GetProperty("outcomeName").GetString());
        Assert.False(acknowledged.GetProperty("decision").GetProperty("departsFromAdvice").GetBoolean());
        Assert.DoesNotContain("Publish", acknowledged.AllowedActions());

        var refused = await app.As("office").PostJsonAsync($"{c.Url}/publication",
            new { method = "Circular", scope = "全局", publishedOn = app.Clock.Today, reference = "通报〔2026〕2号" }).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("publish-exempted-only", refused.Code);
        Assert.Equal("只有认定予以容错免责的案件才能公开（第五条第（五）项）。", refused.Title);

        var unpublished = await flow.GetAsync(c);
        Assert.Equal("Acknowledged", unpublished.Status());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, unpublished.GetProperty("publication").ValueKind);
        Assert.Contains("Archive", (await flow.GetAsync(c, "archivist")).AllowedActions());

        await flow.ArchiveAsync(c);
        var archived = await flow.GetAsync(c);
        Assert.Equal("Archived", archived.Status());
        Assert.Equal("NotExempted", archived.GetProperty("decision").GetProperty("outcome").GetString());
    }

    [Theory, AllDatabases]
    public async Task A_mitigated_decision_must_say_how_the_handling_is_mitigated(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var flow = new Support.Procedure(app);
        var c = await flow.ReportedCaseAsync(recommendation: Outcome.Mitigated);
        var meeting = await flow.OpenMeetingAsync();
        await flow.ScheduleAsync(meeting, c);
        await flow.VoteManyAsync(meeting, c, VoteChoice.Mitigated, Cast.Members);

        var refused = await flow.DecideAsync(meeting, c, Outcome.Mitigated).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("validation-failed", refused.Code);
        Assert.Equal("从轻或减轻处理的，请写明具体处理方式。", refused.FirstError("mitigation"));
        Assert.Contains("从轻或减轻处理的，请写明具体处理方式", refused.Title);
        var stillScheduled = await flow.GetAsync(c);
        Assert.Equal("Scheduled", stillScheduled.Status());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, stillScheduled.GetProperty("decision").ValueKind);

        await flow.DecideAsync(meeting, c, Outcome.Mitigated, "免予党纪处分，由分管领导进行诫勉谈话。").OkAsync();

        var decided = await flow.GetAsync(c);
        Assert.Equal("Decided", decided.Status());
        var decision = decided.GetProperty("decision");
        Assert.Equal("Mitigated", decision.GetProperty("outcome").GetString());
        Assert.Equal("从轻或减轻处理", decision.GetProperty("outcomeName").GetString());
        Assert.Equal("免予党纪处分，由分管领导进行诫勉谈话。", decision.GetProperty("mitigation").GetString());
        Assert.Equal("从轻或减轻处理", decided.GetProperty("report").GetProperty("recommendationName").GetString());
    }

    [Theory, AllDatabases]
    public async Task The_party_group_may_depart_from_the_advice_and_the_departure_is_shown(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var flow = new Support.Procedure(app);
        var c = await flow.ReportedCaseAsync();
        Assert.Equal("Exempt", (await app.AdviceAsync(c)).GetProperty("recommendation").GetString());

        await flow.DecideAtMeetingAsync(c, Outcome.NotExempted);

        var decision = (await flow.GetAsync(c)).GetProperty("decision");
        Assert.Equal("NotExempted", decision.GetProperty("outcome").GetString());
        Assert.Equal("Exempt", decision.GetProperty("adviceAtDecision").GetString());
        Assert.Equal("建议予以容错免责", decision.GetProperty("adviceName").GetString());
        Assert.True(decision.GetProperty("departsFromAdvice").GetBoolean());
    }
}
