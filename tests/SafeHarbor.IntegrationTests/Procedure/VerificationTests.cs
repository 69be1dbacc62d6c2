using System.Net;
using SafeHarbor.Cases;
using SafeHarbor.IntegrationTests.Support;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.IntegrationTests.Procedure;

/// <summary>Art. 5(2): verification by 局机关纪委, guidance from 驻局纪检监察组, supplementary material, and the report.</summary>
[Article("5(2)")]
public sealed class VerificationTests
{
    [Theory, AllDatabases]
    public async Task Guidance_and_supplements_are_recorded_and_the_report_waits_for_every_finding(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var flow = new Support.Procedure(app);
        app.Clock.SetToday(new DateOnly(2026, 9, 21));
        var c = await flow.RegisterAsync();
        await flow.ApplyAsync(c);

        // The guidance group advises; it neither verifies nor decides.
        var guideStarts = await app.As("guide").PostJsonAsync($"{c.Url}/verification/start", null).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("not-your-duty", guideStarts.Code);
        Assert.Equal("开始调查核实由局机关纪委办理，您当前的角色不能办理。", guideStarts.Title);
        await flow.StartVerificationAsync(c);

        await app.As("inv").PostJsonAsync($"{c.Url}/guidance-requests", new { question = "跟踪抽检延迟是否影响“执法程序符合法律法规规定”的认定？" }).OkAsync();
        var requestId = (await flow.GetAsync(c)).GetProperty("guidanceRequests")[0].GetProperty("id").GetGuid();
        await app.As("guide").PostJsonAsync($"{c.Url}/guidance-requests/{requestId}/reply", new { reply = "应区分法定程序与内部工作安排，内部安排延迟不影响程序合法性认定。" }).OkAsync();
        var guidance = (await flow.GetAsync(c)).GetProperty("guidanceRequests")[0];
        Assert.Equal("2026-09-21", guidance.GetProperty("requestedOn").GetString());
        Assert.Equal("应区分法定程序与内部工作安排，内部安排延迟不影响程序合法性认定。", guidance.GetProperty("reply").GetString());
        Assert.Equal("2026-09-21", guidance.GetProperty("repliedOn").GetString());
        var guideFinds = await app.As("guide").PutJsonAsync($"{c.Url}/findings/c1", new { verdict = "Met", note = "符合。" }).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("not-your-duty", guideFinds.Code);

        // 5 working days from Mon 09-21: Tue 22 (1), Wed 23 (2), Thu 24 (3), 09-25..27 中秋节 off, Mon 28 (4), Tue 29 (5).
        await app.As("inv").PostJsonAsync($"{c.Url}/supplement-requests", new { items = "跟踪抽检台账及复查记录", workingDays = 5 }).OkAsync();
        var awaiting = await flow.GetAsync(c);
        Assert.Equal("AwaitingSupplement", awaiting.Status());
        var supplement = awaiting.GetProperty("supplementRequests")[0];
        Assert.Equal("2026-09-29", supplement.GetProperty("dueOn").GetString());
        Assert.Equal("跟踪抽检台账及复查记录", supplement.GetProperty("items").GetString());
        Assert.Contains("SubmitSupplement", (await flow.GetAsync(c, "staffA")).AllowedActions());

        await app.As("staffA").PostJsonAsync($"{c.Url}/supplements", new { text = "已补交跟踪抽检台账和复查记录。" }).OkAsync();
        var resumed = await flow.GetAsync(c);
        Assert.Equal("Verifying", resumed.Status());
        Assert.Equal("已补交跟踪抽检台账和复查记录。", resumed.GetProperty("supplementRequests")[0].GetProperty("answer").GetString());

        // One base condition and one claimed condition still lack a finding.
        foreach (var item in new[] { "bold-but-mistaken", "no-major-accident", "no-improper-benefit", "no-abuse-as-cover", "c1" })
        {
            await flow.FindAsync(c, item, Verdict.Met);
        }
        var early = await app.As("inv").PostJsonAsync($"{c.Url}/verification/report", new { text = "调查报告。", recommendation = "Exempted" })
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("validation-failed", early.Code);
        var missing = early.FirstError("findings");
        Assert.StartsWith("以下条件或排除情形尚未核实，不能出具报告：", missing);
        Assert.Contains("第四条“在依法依规履行职责过程中”", missing);
        Assert.Contains("第四条第（六）项“主动挽回损失、消除影响或阻止危害”", missing);
        Assert.DoesNotContain("没有谋取不正当利益", missing);
        Assert.Equal("Verifying", (await flow.GetAsync(c)).Status());

        await flow.FindAsync(c, "within-duties", Verdict.Met);
        await flow.FindAsync(c, "c6", Verdict.Met);
        await flow.ReportAsync(c, Outcome.Exempted);
        Assert.Equal("Reported", (await flow.GetAsync(c)).Status());

        var meeting = await flow.OpenMeetingAsync();
        await flow.ScheduleAsync(meeting, c);
        await flow.VoteManyAsync(meeting, c, Features.Determination.VoteChoice.Exempted, Cast.Members);
        var guideDecides = await app.As("guide").PostJsonAsync($"/api/meetings/{meeting}/agenda/{c.Id}/decision",
            new { outcome = "Exempted", reasons = "指导组认为符合条件。" }).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("not-your-duty", guideDecides.Code);
        Assert.Equal("Scheduled", (await flow.GetAsync(c)).Status());
    }

    [Theory, AllDatabases]
    public async Task The_findings_form_is_saved_whole_or_not_at_all_through_the_api(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var flow = new Support.Procedure(app);
        var c = await flow.RegisterAsync();
        await flow.ApplyAsync(c);
        await flow.StartVerificationAsync(c);

        var refused = await app.As("inv").PutJsonAsync($"{c.Url}/findings", new
        {
            findings = new object[]
            {
                new { itemCode = "within-duties", verdict = "Met", note = "经调阅案卷，依法作出。" },
                new { itemCode = "bold-but-mistaken", verdict = "Met", note = "" },
            },
        }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("bold-but-mistaken", refused.Body.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Empty((await flow.GetAsync(c)).GetProperty("findings").EnumerateArray());

        await app.As("inv").PutJsonAsync($"{c.Url}/findings", new
        {
            findings = new object[]
            {
                new { itemCode = "within-duties", verdict = "Met", note = "经调阅案卷，依法作出。" },
                new { itemCode = "bold-but-mistaken", verdict = (string?)null, note = "" },
            },
        }).OkAsync();
        Assert.Equal(["within-duties"], (await flow.GetAsync(c)).GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()));
    }
}
