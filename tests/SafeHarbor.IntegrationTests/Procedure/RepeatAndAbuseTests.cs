using SafeHarbor.Cases;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Procedure;

/// <summary>Art. 7 (repeated errors on the same work) and Art. 10 (flexible enforcement used as cover).</summary>
public sealed class RepeatAndAbuseTests
{
    [Theory, AllDatabases]
    public async Task A_similar_case_of_an_exempted_person_in_the_same_field_is_flagged_as_a_repeat_and_advised_against(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var flow = new Support.Procedure(app);
        var earlier = await flow.ReportedCaseAsync();
        await flow.DecideAtMeetingAsync(earlier, Outcome.Exempted);
        app.Clock.Now = app.Clock.Now.AddHours(2);

        var repeat = await flow.RegisterAsync(
            title: "城东分局对首次轻微违法经营者不予处罚后跟踪复查不及时",
            description: "对辖区首次轻微违法的小微食品经营者依法不予处罚后，未按计划开展跟踪复查，再次抽检发现产品不合格。");
        await flow.ApplyAsync(repeat);

        var detail = await flow.GetAsync(repeat);
        Assert.Equal("Submitted", detail.Status());
        Assert.True(detail.GetProperty("isRepeat").GetBoolean());
        Assert.Contains($"与案件 {earlier.Number}", detail.GetProperty("repeatExplanation").GetString());
        Assert.Contains("同一业务领域：食品安全", detail.GetProperty("repeatExplanation").GetString());

        var advice = await app.AdviceAsync(repeat);
        Assert.Equal("NotExempt", advice.GetProperty("recommendation").GetString());
        var item = advice.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("kind").GetString() == "Repeat");
        Assert.Equal("NotMet", item.GetProperty("verdict").GetString());
        Assert.Contains(earlier.Number, item.GetProperty("reason").GetString());
        Assert.Equal(earlier.Number, advice.GetProperty("repeats")[0].GetProperty("caseNumber").GetString());

        // Same person and the same words, but another business field: not the same work (requireSameField).
        var otherField = await flow.RegisterAsync(
            title: "城东分局对首次轻微违法经营者不予处罚后跟踪复查不及时",
            description: "对辖区首次轻微违法的电梯使用单位依法不予处罚后，未按计划开展跟踪复查。",
            field: "特种设备");
        await flow.ApplyAsync(otherField);
        var other = await flow.GetAsync(otherField);
        Assert.False(other.GetProperty("isRepeat").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, other.GetProperty("repeatExplanation").ValueKind);
        var otherAdvice = await app.AdviceAsync(otherField);
        Assert.Equal("Met", otherAdvice.AdviceItem("repeat").GetProperty("verdict").GetString());
        Assert.Empty(otherAdvice.GetProperty("repeats").EnumerateArray());
    }

    [Theory, AllDatabases]
    public async Task Only_a_substantiated_abuse_report_against_the_subject_excludes_exemption(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var flow = new Support.Procedure(app);
        var c = await flow.RegisterAsync();
        await flow.ApplyAsync(c);
        await flow.VerifyAsync(c);
        Assert.Equal("Exempt", (await app.AdviceAsync(c)).GetProperty("recommendation").GetString());

        async Task ReportAndConclude(string description, bool substantiated)
        {
            var report = await app.As("inv").PostJsonAsync("/api/abuse-reports", new
            {
                personId = app.Cast.PersonOf["staffA"],
                kind = "Extortion",
                description,
            }).OkAsync();
            await app.As("inv").PostJsonAsync($"/api/abuse-reports/{report.GetProperty("id").GetGuid()}/conclusion", new
            {
                substantiated,
                conclusion = substantiated ? "经核查属实：检查中收受经营者购物卡。" : "经核查，举报内容不属实。",
            }).OkAsync();
        }

        await ReportAndConclude("群众举报其在检查中索要财物。", substantiated: false);
        var afterUnfounded = await app.AdviceAsync(c);
        Assert.Equal("Exempt", afterUnfounded.GetProperty("recommendation").GetString());
        Assert.Equal("Met", afterUnfounded.AdviceItem("no-abuse-as-cover").GetProperty("verdict").GetString());
        Assert.Empty((await flow.GetAsync(c)).GetProperty("substantiatedAbuse").EnumerateArray());

        await ReportAndConclude("经营者举报其借柔性执法之名收受购物卡。", substantiated: true);
        var advice = await app.AdviceAsync(c);
        Assert.Equal("NotExempt", advice.GetProperty("recommendation").GetString());
        var abuse = advice.AdviceItem("no-abuse-as-cover");
        Assert.Equal("NotMet", abuse.GetProperty("verdict").GetString());
        Assert.Contains("吃拿卡要", abuse.GetProperty("reason").GetString());
        Assert.Contains("收受经营者购物卡", abuse.GetProperty("reason").GetString());

        var listed = Assert.Single((await flow.GetAsync(c)).GetProperty("substantiatedAbuse").EnumerateArray());
        Assert.Equal("吃拿卡要", listed.GetProperty("kind").GetString());
        Assert.Equal("经核查属实：检查中收受经营者购物卡。", listed.GetProperty("summary").GetString());
    }
}
