using System.Net;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Procedure;

/// <summary>Optimistic concurrency (If-Match / ETag) and bad input: refused whole, in Chinese, with nothing written.</summary>
public sealed class ConcurrencyAndValidationTests
{
    [Theory, AllDatabases]
    public async Task A_change_based_on_a_stale_version_is_refused_and_changes_nothing(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var flow = new Support.Procedure(app);
        var c = await flow.RegisterAsync();

        using (var read = await app.As("staffA").GetAsync(c.Url))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            Assert.Equal("\"1\"", read.Headers.ETag?.Tag);
        }

        using (var applied = await app.As("staffA").PostJsonAsync($"{c.Url}/application", Support.Procedure.ApplicationBody(["c1"]), ifMatch: 1))
        {
            Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
            Assert.Equal("\"2\"", applied.Headers.ETag?.Tag);
        }

        // The same client sends again with the version it read before: someone (itself) changed the case since.
        var stale = await app.As("staffA").PostJsonAsync($"{c.Url}/application", Support.Procedure.ApplicationBody(["c6"]), ifMatch: 1)
            .ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("concurrency-conflict", stale.Code);
        Assert.Contains("您看到的是第 1 版，当前为第 2 版", stale.Title);
        var staleWithdrawal = await app.WithdrawAsync(c, "staffA", ifMatch: 1).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("concurrency-conflict", staleWithdrawal.Code);

        var detail = await flow.GetAsync(c);
        Assert.Equal(2, detail.GetProperty("version").GetInt32());
        Assert.Equal("Submitted", detail.Status());
        var claim = Assert.Single(detail.GetProperty("application").GetProperty("claims").EnumerateArray());
        Assert.Equal("c1", claim.GetProperty("code").GetString());
        Assert.Equal(["Register", "Apply"], await app.TimelineActionsAsync(c));

        var invalid = await app.As("staffA").SendRawAsync(HttpMethod.Post, $"{c.Url}/withdrawal", """{"reason":"不再申请"}""", ifMatch: "\"two\"")
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("invalid-if-match", invalid.Code);
        Assert.Contains("If-Match", invalid.Title);
        Assert.Equal("Submitted", (await flow.GetAsync(c)).Status());
    }

    [Theory, AllDatabases]
    public async Task An_incomplete_or_malformed_registration_is_refused_in_Chinese_and_creates_no_case(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var inv = app.As("inv");

        var empty = await inv.PostJsonAsync("/api/cases", new { }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("validation-failed", empty.Code);
        Assert.Equal("提交的内容有误：请填写事项名称。", empty.Title);
        Assert.Equal(
            ["accountabilityStartedOn", "businessField", "description", "startedBy", "subjects", "title"],
            empty.ErrorFields().Order().ToArray());
        Assert.Equal("请至少指定一个问责对象（单位或个人）。", empty.FirstError("subjects"));

        var partly = await inv.PostJsonAsync("/api/cases", new
        {
            title = "某事项",
            description = "某事实",
            businessField = "天气预报",
            startedBy = "局党组",
            accountabilityStartedOn = app.Clock.Today.AddDays(1),
            subjects = new[] { new { kind = "Person", id = Guid.NewGuid() } },
        }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("validation-failed", partly.Code);
        Assert.Equal(["accountabilityStartedOn", "businessField", "subjects[0].id"], partly.ErrorFields().Order().ToArray());
        Assert.Equal("启动问责程序日期不能晚于今天。", partly.FirstError("accountabilityStartedOn"));
        Assert.Equal("问责人员不存在。", partly.FirstError("subjects[0].id"));

        var malformed = await inv.SendRawAsync(HttpMethod.Post, "/api/cases", """{"title": "缺少引号, }""").ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("invalid-json", malformed.Code);
        Assert.StartsWith("请求内容不是有效的 JSON", malformed.Title);

        var unknownKind = await inv.SendRawAsync(HttpMethod.Post, "/api/cases",
            $$"""{"title":"某事项","description":"某事实","businessField":"食品安全","startedBy":"局党组","accountabilityStartedOn":"2026-09-21","subjects":[{"kind":"Alien","id":"{{app.Cast.PersonOf["staffA"]}}"}]}""")
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("invalid-json", unknownKind.Code);
        Assert.Contains("kind", unknownKind.Title);

        Assert.Equal(0, (await app.ListAsync("inv")).Total);
        // The refusals used up no case number.
        Assert.EndsWith("-0001", (await new Support.Procedure(app).RegisterAsync()).Number);
    }

    [Theory, AllDatabases]
    public async Task An_enum_value_given_as_an_undefined_number_is_refused_like_an_unknown_name(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var staffA = app.Cast.PersonOf["staffA"];

        var subjectKind = await app.As("inv").SendRawAsync(HttpMethod.Post, "/api/cases",
            $$"""{"title":"某事项","description":"某事实","businessField":"食品安全","startedBy":"局党组","accountabilityStartedOn":"2026-09-21","subjects":[{"kind":7,"id":"{{staffA}}"}]}""")
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("kind", subjectKind.Body.GetRawText());
        Assert.Equal(0, (await app.ListAsync("inv")).Total);

        var c = await new Support.Procedure(app).RegisterAsync();
        var applicantKind = await app.As("staffA").SendRawAsync(HttpMethod.Post, $"{c.Url}/application",
            """{"applicantKind":7,"facts":"事实经过","effectAndLosses":"影响和损失","recoveryMeasures":"挽回措施","claims":[{"code":"c1","explanation":"理由"}]}""")
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("applicantKind", applicantKind.Body.GetRawText());
        Assert.Equal("Registered", (await new Support.Procedure(app).GetAsync(c)).Status());
    }
}
