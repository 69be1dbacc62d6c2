using SafeHarbor.Cases;
using SafeHarbor.IntegrationTests.Support;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.IntegrationTests.Procedure;

/// <summary>Art. 7 (repeated errors on the same work) and Art. 10 (flexible enforcement used as cover).</summary>
[Article("7", "10")]
public sealed class RepeatAndAbuseTests
{
    private const string Work = "监督抽检";
    private const string Error = "跟踪复查不到位";

    [Theory, AllDatabases]
    public async Task The_same_work_and_problem_of_an_exempted_person_is_a_repeat_however_it_is_worded(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var flow = new Support.Procedure(app);
        var earlier = await flow.RegisterAsync(workItem: Work, errorKind: Error);
        await flow.ApplyAsync(earlier);
        await flow.VerifyAsync(earlier);
        await flow.ReportAsync(earlier, Outcome.Exempted);
        await flow.DecideAtMeetingAsync(earlier, Outcome.Exempted);
        app.Clock.Now = app.Clock.Now.AddHours(2);

        // Told in other words: nothing but the facts in common.
        var repeat = await flow.RegisterAsync(
            title: "何某未按期对免罚商户回访取样",
            description: "本季度两户免予处罚的熟食店，回访取样拖延至期满后二十余日。",
            workItem: Work, errorKind: Error);
        await flow.ApplyAsync(repeat);

        var detail = await flow.GetAsync(repeat);
        Assert.True(detail.GetProperty("isRepeat").GetBoolean());
        Assert.Contains($"与案件 {earlier.Number}", detail.GetProperty("repeatExplanation").GetString());
        Assert.Contains("同一工作事项：监督抽检；同一失误类型：跟踪复查不到位", detail.GetProperty("repeatExplanation").GetString());
        var advice = await app.AdviceAsync(repeat);
        Assert.Equal("NotExempt", advice.GetProperty("recommendation").GetString());
        Assert.Equal("NotMet", advice.AdviceItem("repeat").GetProperty("verdict").GetString());

        // The same words on other work: a candidate for the verifier, not a repeat.
        var otherWork = await flow.RegisterAsync(workItem: "行政处罚", errorKind: Error);
        await flow.ApplyAsync(otherWork);
        Assert.False((await flow.GetAsync(otherWork)).GetProperty("isRepeat").GetBoolean());
        var otherAdvice = await app.AdviceAsync(otherWork);
        Assert.Equal("Met", otherAdvice.AdviceItem("repeat").GetProperty("verdict").GetString());
        Assert.Equal("Different", otherAdvice.GetProperty("repeats")[0].GetProperty("facts").GetString());

        // The same words, the facts not yet recorded: the verifier is asked to look, and classifying settles it.
        var unknown = await flow.RegisterAsync();
        await flow.ApplyAsync(unknown);
        Assert.False((await flow.GetAsync(unknown)).GetProperty("isRepeat").GetBoolean());
        Assert.Equal("NeedsJudgement", (await app.AdviceAsync(unknown)).AdviceItem("repeat").GetProperty("verdict").GetString());
        await flow.StartVerificationAsync(unknown);
        await app.As("inv").PutJsonAsync($"{unknown.Url}/error-kind", new { errorKind = Error, workItem = Work }).OkAsync();
        Assert.Equal("NotMet", (await app.AdviceAsync(unknown)).AdviceItem("repeat").GetProperty("verdict").GetString());
    }

    [Theory, AllDatabases]
    public async Task The_verifier_records_a_repeat_naming_the_earlier_case_and_the_advice_follows_the_finding(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var flow = new Support.Procedure(app);
        var earlier = await flow.ReportedCaseAsync();
        await flow.DecideAtMeetingAsync(earlier, Outcome.Exempted);
        var unrelated = await flow.ReportedCaseAsync(subject: "staffB");
        await flow.DecideAtMeetingAsync(unrelated, Outcome.Exempted);
        app.Clock.Now = app.Clock.Now.AddHours(2);
        var c = await flow.RegisterAsync(title: "何某未按期对免罚商户回访取样", description: "回访取样拖延。", field: "价格");
        await flow.ApplyAsync(c);
        await flow.VerifyAsync(c);
        Assert.Equal("Met", (await app.AdviceAsync(c)).AdviceItem("repeat").GetProperty("verdict").GetString());

        var unnamed = await app.As("inv").PutJsonAsync($"{c.Url}/findings/repeat", new { verdict = "NotMet", note = "同一问题。" }).ProblemAsync(System.Net.HttpStatusCode.BadRequest);
        Assert.Contains("前案的案件编号", unnamed.FirstError("earlierCase"));
        var other = await app.As("inv").PutJsonAsync($"{c.Url}/findings/repeat", new { verdict = "NotMet", note = "同一问题。", earlierCase = unrelated.Number })
            .ProblemAsync(System.Net.HttpStatusCode.BadRequest);
        Assert.Contains("不是本案问责对象已予容错免责的案件", other.FirstError("earlierCase"));
        Assert.Equal("Forbidden", (await app.As("office").PutJsonAsync($"{c.Url}/findings/repeat", new { verdict = "NotMet", note = "x", earlierCase = earlier.Number })).StatusCode.ToString());

        await app.As("inv").PutJsonAsync($"{c.Url}/findings/repeat", new { verdict = "NotMet", note = "经核实，仍是免罚后跟踪抽检不到位。", earlierCase = earlier.Number }).OkAsync();

        var finding = (await flow.GetAsync(c)).GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "repeat");
        Assert.Contains($"与案件 {earlier.Number}", finding.GetProperty("note").GetString());
        Assert.Equal("非同一工作、同一问题上重复失误", finding.GetProperty("title").GetString());
        var advice = await app.AdviceAsync(c);
        Assert.Equal("NotMet", advice.AdviceItem("repeat").GetProperty("verdict").GetString());
        Assert.Contains(earlier.Number, advice.AdviceItem("repeat").GetProperty("reason").GetString());
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
