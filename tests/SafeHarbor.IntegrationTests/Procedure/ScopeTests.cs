using System.Net;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Procedure;

/// <summary>Who sees a case: the procedure's bodies see all; others their own and their units' cases; administrators none (三员分立).</summary>
public sealed class ScopeTests
{
    [Theory, AllDatabases]
    public async Task Cases_are_seen_by_their_subjects_leaders_up_the_units_and_the_procedure_bodies_only(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var flow = new Support.Procedure(app);
        var branchCase = await flow.RegisterAsync("staffA");
        var townCase = await flow.RegisterAsync("staffTown", title: "城关所对小微企业首次违法广告免罚后未回访", field: "广告");

        foreach (var outsider in new[] { "staffB", "leaderB", "staffA2" })
        {
            var hidden = await app.As(outsider).GetAsync(branchCase.Url).ProblemAsync(HttpStatusCode.NotFound);
            Assert.Equal("case-not-found", hidden.Code);
            Assert.Equal("找不到该案件，或您无权查看。", hidden.Title);
            Assert.Equal(0, (await app.ListAsync(outsider)).Total);
        }
        var cannotAct = await app.As("staffB").PostJsonAsync($"{branchCase.Url}/application", Support.Procedure.ApplicationBody(["c1"]))
            .ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("case-not-found", cannotAct.Code);

        Assert.Equal([branchCase.Number], (await app.ListAsync("staffA")).Numbers);
        Assert.Equal([branchCase.Number], (await app.ListAsync("leaderA")).Numbers);
        Assert.Equal(branchCase.Number, (await flow.GetAsync(branchCase, "leaderA")).GetProperty("number").GetString());
        Assert.Equal([townCase.Number], (await app.ListAsync("leaderCounty")).Numbers);
        Assert.Equal(townCase.Number, (await flow.GetAsync(townCase, "leaderCounty")).GetProperty("number").GetString());
        await app.As("leaderCounty").GetAsync(branchCase.Url).ProblemAsync(HttpStatusCode.NotFound);
        await app.As("staffTown").GetAsync(branchCase.Url).ProblemAsync(HttpStatusCode.NotFound);

        // Administrators are not bureau-wide case roles: no case contents by virtue of the role.
        foreach (var admin in new[] { "sysadmin", "auditadmin" })
        {
            Assert.Equal("administrators-read-no-cases", (await app.As(admin).GetAsync("/api/cases").ProblemAsync(HttpStatusCode.Forbidden)).Code);
            Assert.Equal("case-not-found", (await app.As(admin).GetAsync(branchCase.Url).ProblemAsync(HttpStatusCode.NotFound)).Code);
            Assert.Equal("case-not-found", (await app.As(admin).GetAsync($"{townCase.Url}/timeline").ProblemAsync(HttpStatusCode.NotFound)).Code);
        }

        foreach (var body in new[] { "inv", "guide", "m1", "office", "archivist" })
        {
            var (total, numbers) = await app.ListAsync(body);
            Assert.Equal(2, total);
            Assert.Equal([branchCase.Number, townCase.Number], numbers.Order().ToArray());
        }
    }
}
