using System.Net;
using SafeHarbor.IntegrationTests.Support;
using static SafeHarbor.IntegrationTests.Assessment.AssessmentArrange;

namespace SafeHarbor.IntegrationTests.Assessment;

/// <summary>Grades per unit with the configured 优秀 quota; a changed score needs new grades before the period closes.</summary>
[Article("12")]
public sealed class GradingApiTests
{
    [Theory, AllDatabases]
    public async Task Five_people_above_the_excellent_line_in_one_unit_with_a_20_percent_quota_give_exactly_one_excellent_by_total(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.PersonAsync("周敏", "城东分局");
        await app.PersonAsync("王磊", "城东分局");
        var low = await app.PersonAsync("赵雪", "城西分局");
        var scheme = await app.SchemeAsync();
        var period = await app.PeriodAsync();
        var personnel = app.As(Personnel);
        // 城东分局: five people, all at or above the 优秀 line of 90.
        foreach (var (name, total) in new[] { ("leaderA", 93m), ("staffA", 91m), ("staffA2", 96m) })
        {
            await app.AssessOkAsync(period, name, total);
        }
        var people = await app.WithDbAsync(d => Task.FromResult(d.Persons.Where(p => p.Name == "周敏" || p.Name == "王磊").ToDictionary(p => p.Name, p => p.Id)));
        await app.AssessAsync(period, people["周敏"], 95).OkAsync();
        await app.AssessAsync(period, people["王磊"], 98).OkAsync();
        // 城西分局: three people, one above the line, and none can be 优秀 (⌊3 × 20%⌋ = 0).
        await app.AssessOkAsync(period, "leaderB", 97);
        await app.AssessOkAsync(period, "staffB", 70);
        await app.AssessAsync(period, low, 55).OkAsync();

        var graded = await personnel.PostJsonAsync($"/api/assessment/periods/{period}/grades", null).OkAsync();

        Assert.Equal(["王磊"], graded.Names(a => a.GetProperty("grade").GetString() == "Excellent"));
        Assert.Equal(["何执法", "周敏", "张局长", "林执法", "郭局长"], graded.Names(a => a.GetProperty("grade").GetString() == "Competent"));
        Assert.Equal("BasicallyCompetent", graded.GradeOf("杨执法"));
        Assert.Equal("Incompetent", graded.GradeOf("赵雪"));
        Assert.Equal("优秀", graded.GetProperty("assessments").EnumerateArray().Single(a => a.GetProperty("personName").GetString() == "王磊").GetProperty("gradeName").GetString());
        var units = graded.GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("unitName").GetString()!);
        Assert.Equal(1, units["城东分局"].GetProperty("places").GetInt32());
        Assert.StartsWith("城东分局：参加考核 5 人，优秀比例 20%，优秀名额 ⌊5 × 20%⌋ = 1 名；达到优秀分数线 5 人，按总分排序评为优秀 1 人：王磊（98 分）；超出名额的 4 人评为称职",
            units["城东分局"].GetProperty("explanation").GetString());
        Assert.Contains("优秀名额 ⌊3 × 20%⌋ = 0 名", units["城西分局"].GetProperty("explanation").GetString());
        Assert.True(graded.GetProperty("gradesCurrent").GetBoolean());
        Assert.Contains("向下取整", graded.GetProperty("quotaRule").GetString());

        // The quota is configurable: at 40% the same unit has two places, again by total.
        var schemeId = scheme.GetProperty("id").GetGuid();
        using var read = await personnel.GetAsync($"/api/assessment/schemes/{schemeId}");
        var etag = read.Headers.ETag!.Tag;
        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/assessment/schemes/{schemeId}") { Content = System.Net.Http.Json.JsonContent.Create(SchemeBody(quota: 40), options: Http.Json) };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"0000000000000000\"");
        Assert.Equal("concurrency-conflict", (await personnel.SendAsync(stale).ProblemAsync(HttpStatusCode.Conflict)).Code);
        var update = new HttpRequestMessage(HttpMethod.Put, $"/api/assessment/schemes/{schemeId}") { Content = System.Net.Http.Json.JsonContent.Create(SchemeBody(quota: 40), options: Http.Json) };
        update.Headers.TryAddWithoutValidation("If-Match", etag);
        Assert.Equal(40, (await personnel.SendAsync(update).OkAsync()).GetProperty("excellentQuotaPercent").GetInt32());
        var regraded = await personnel.PostJsonAsync($"/api/assessment/periods/{period}/grades", null).OkAsync();
        // 城东分局 ⌊5 × 40%⌋ = 2 by total; 城西分局 ⌊3 × 40%⌋ = 1, its one person above the line.
        Assert.Equal(["林执法", "王磊", "郭局长"], regraded.Names(a => a.GetProperty("grade").GetString() == "Excellent"));
        Assert.Equal("Competent", regraded.GradeOf("周敏"));
    }

    [Theory, AllDatabases]
    public async Task A_score_changed_after_grading_clears_that_grade_and_the_period_closes_only_with_grades_that_match_the_scores(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.SchemeAsync();
        var period = await app.PeriodAsync();
        var personnel = app.As(Personnel);
        var staffA = await app.AssessOkAsync(period, "staffA", 80);
        await app.AssessOkAsync(period, "staffA2", 85);
        var notGraded = await personnel.PostJsonAsync($"/api/assessment/periods/{period}/close", null).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("grades-not-final", notGraded.Code);
        await personnel.PostJsonAsync($"/api/assessment/periods/{period}/grades", null).OkAsync();

        var id = staffA.GetProperty("id").GetGuid();
        var version = (await personnel.GetOkAsync($"/api/assessment/assessments/{id}")).GetProperty("version").GetInt32();
        var rescored = await personnel.PutJsonAsync($"/api/assessment/assessments/{id}", new { scores = Scores(65), comment = "复核后调整。" }, ifMatch: version).OkAsync();
        Assert.Equal(JsonNull, rescored.GetProperty("grade").ValueKind);
        Assert.Equal(65m, rescored.GetProperty("total").GetDecimal());
        var view = await personnel.GetOkAsync($"/api/assessment/periods/{period}");
        Assert.False(view.GetProperty("gradesCurrent").GetBoolean());
        Assert.Equal("grades-not-final", (await personnel.PostJsonAsync($"/api/assessment/periods/{period}/close", null).ProblemAsync(HttpStatusCode.Conflict)).Code);

        var regraded = await personnel.PostJsonAsync($"/api/assessment/periods/{period}/grades", null).OkAsync();
        Assert.Equal("BasicallyCompetent", regraded.GradeOf("何执法"));
        var closed = await personnel.PostJsonAsync($"/api/assessment/periods/{period}/close", null).OkAsync();
        Assert.True(closed.GetProperty("closed").GetBoolean());
    }

    private const System.Text.Json.JsonValueKind JsonNull = System.Text.Json.JsonValueKind.Null;
}
