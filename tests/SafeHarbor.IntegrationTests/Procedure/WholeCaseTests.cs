using SafeHarbor.Cases;
using SafeHarbor.IntegrationTests.Support;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.IntegrationTests.Procedure;

[Article("5(4)", "5(5)", "5(6)")]
public sealed class WholeCaseTests
{
    [Theory, AllDatabases]
    public async Task An_exempted_case_is_fed_back_published_and_archived_read_only(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var flow = new Support.Procedure(app);

        var c = await flow.ReportedCaseAsync();
        await flow.DecideAtMeetingAsync(c, Outcome.Exempted);
        await flow.FeedbackDeliveredAndAcknowledgedAsync(c);
        await flow.PublishAsync(c);
        await flow.ArchiveAsync(c);

        var detail = await flow.GetAsync(c);
        Assert.Equal("Archived", detail.GetProperty("status").GetString());
        Assert.Equal("予以容错免责", detail.GetProperty("decision").GetProperty("outcomeName").GetString());
        Assert.Matches(@"^J031-\d{4}-D30-JGDW-0001$", detail.GetProperty("archive").GetProperty("archiveNumber").GetString());
        Assert.Empty(detail.GetProperty("allowedActions").EnumerateArray());

        var refused = await app.As("inv").PostJsonAsync($"{c.Url}/verification/start", null).ProblemAsync(System.Net.HttpStatusCode.Conflict);
        Assert.Equal("case-archived", refused.Code);
        Assert.Contains("已存档备案", refused.Title);
    }
}
