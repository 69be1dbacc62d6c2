using System.Net;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Procedure;

/// <summary>Art. 6: whoever is a subject of the matter or applied in it cannot verify, decide or archive it.</summary>
[Article("6")]
public sealed class SeparationOfDutiesTests
{
    [Theory, AllDatabases]
    public async Task An_investigator_who_is_the_subject_cannot_verify_the_case_but_a_colleague_can(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var flow = new Support.Procedure(app);
        var c = await flow.RegisterAsync(subject: "inv2");
        await flow.ApplyAsync(c, "inv2");

        var refused = await app.As("inv2").PostJsonAsync($"{c.Url}/verification/start", null).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("separation-of-duties", refused.Code);
        Assert.Equal("您是本事项的问责对象或申请人，依照第六条应当回避，不能开始调查核实。", refused.Title);
        var asSubject = await flow.GetAsync(c, "inv2");
        Assert.Equal("Submitted", asSubject.Status());
        Assert.DoesNotContain("StartVerification", asSubject.AllowedActions());

        await flow.StartVerificationAsync(c, "inv");
        Assert.Equal("Verifying", (await flow.GetAsync(c)).Status());
        var finding = await app.As("inv2").PutJsonAsync($"{c.Url}/findings/within-duties", new { verdict = "Met", note = "本人认为符合。" })
            .ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("separation-of-duties", finding.Code);
        Assert.Empty((await flow.GetAsync(c)).GetProperty("findings").EnumerateArray());
    }

    [Theory, AllDatabases]
    public async Task The_archivist_cannot_archive_a_case_in_which_they_are_the_subject(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var flow = new Support.Procedure(app);
        var c = await flow.RegisterAsync(subject: "archivist");
        await flow.ApplyAsync(c, "archivist");
        await app.WithdrawAsync(c, "archivist").OkAsync();

        var refused = await app.As("archivist").PostJsonAsync($"{c.Url}/archive", new { retention = "D30" }).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("separation-of-duties", refused.Code);
        Assert.Contains("不能存档备案", refused.Title);

        var detail = await flow.GetAsync(c);
        Assert.Equal("Withdrawn", detail.Status());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, detail.GetProperty("archive").ValueKind);
        Assert.DoesNotContain("Archive", (await flow.GetAsync(c, "archivist")).AllowedActions());
    }
}
