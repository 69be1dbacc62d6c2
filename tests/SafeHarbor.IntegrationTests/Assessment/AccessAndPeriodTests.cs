using System.Net;
using MiniExcelLibs;
using SafeHarbor.IntegrationTests.Support;
using SafeHarbor.Organisation;
using static SafeHarbor.IntegrationTests.Assessment.AssessmentArrange;

namespace SafeHarbor.IntegrationTests.Assessment;

/// <summary>Who may do what in the assessment, closed periods, the Excel export, and which scheme assesses whom.</summary>
[Article("12")]
public sealed class AccessAndPeriodTests
{
    [Theory, AllDatabases]
    public async Task Only_the_personnel_section_keeps_schemes_periods_and_scores_and_a_person_reads_only_their_own_closed_results(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var staffA = app.As("staffA");
        var refusals = new List<Task<HttpResponseMessage>>
        {
            staffA.PostJsonAsync("/api/assessment/schemes", SchemeBody()),
            staffA.PostJsonAsync("/api/assessment/periods", new { kind = "Annual", year = 2026 }),
            staffA.GetAsync("/api/assessment/periods"),
            staffA.GetAsync("/api/assessment/schemes"),
            app.As("leaderA").GetAsync($"/api/assessment/people/{app.Cast.PersonOf["staffA"]}"),
            app.As("inv").GetAsync($"/api/assessment/people/{app.Cast.PersonOf["staffA"]}/matters"),
        };
        foreach (var refusal in refusals)
        {
            var problem = await refusal.ProblemAsync(HttpStatusCode.Forbidden);
            Assert.Equal("not-your-duty", problem.Code);
            Assert.Contains("人事科", problem.Title);
        }
        using (var anonymous = app.CreateClient())
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/assessment/mine")).StatusCode);
        }

        await app.SchemeAsync();
        var period = await app.PeriodAsync();
        var scoredByStaff = await app.AssessAsync(period, app.Cast.PersonOf["staffA2"], 90, user: "staffA").ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("not-your-duty", scoredByStaff.Code);
        var id = (await app.AssessOkAsync(period, "staffA", 88)).GetProperty("id").GetGuid();
        await app.AssessOkAsync(period, "staffA2", 91);
        Assert.Equal("not-your-duty", (await staffA.PostJsonAsync($"/api/assessment/assessments/{id}/deductions", new { points = 1, reason = "自己扣分。" }).ProblemAsync(HttpStatusCode.Forbidden)).Code);
        Assert.Equal("not-your-duty", (await staffA.PostJsonAsync($"/api/assessment/periods/{period}/grades", null).ProblemAsync(HttpStatusCode.Forbidden)).Code);
        Assert.Equal(HttpStatusCode.Forbidden, (await staffA.GetAsync($"/api/assessment/periods/{period}/export")).StatusCode);

        // While the period is open the person sees nothing yet; the personnel section sees the scores.
        Assert.Empty((await staffA.GetOkAsync("/api/assessment/mine")).EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await staffA.GetAsync($"/api/assessment/assessments/{id}")).StatusCode);
        Assert.Single((await app.As(Personnel).GetOkAsync($"/api/assessment/people/{app.Cast.PersonOf["staffA"]}")).EnumerateArray());

        await app.As(Personnel).PostJsonAsync($"/api/assessment/periods/{period}/grades", null).OkAsync();
        await app.As(Personnel).PostJsonAsync($"/api/assessment/periods/{period}/close", null).OkAsync();

        var mine = Assert.Single((await staffA.GetOkAsync("/api/assessment/mine")).EnumerateArray());
        Assert.Equal("何执法", mine.GetProperty("personName").GetString());
        Assert.Equal(88m, mine.GetProperty("total").GetDecimal());
        Assert.Equal("称职", mine.GetProperty("gradeName").GetString());
        Assert.Equal("2026年第三季度平时考核", mine.GetProperty("periodName").GetString());
        Assert.Single((await staffA.GetOkAsync($"/api/assessment/people/{app.Cast.PersonOf["staffA"]}")).EnumerateArray());
        Assert.Equal(88m, (await staffA.GetOkAsync($"/api/assessment/assessments/{id}")).GetProperty("total").GetDecimal());
        Assert.Equal("not-your-duty", (await staffA.GetAsync($"/api/assessment/people/{app.Cast.PersonOf["staffA2"]}").ProblemAsync(HttpStatusCode.Forbidden)).Code);
        var colleague = Assert.Single((await app.As("staffA2").GetOkAsync("/api/assessment/mine")).EnumerateArray());
        Assert.Equal("林执法", colleague.GetProperty("personName").GetString());
    }

    [Theory, AllDatabases]
    public async Task A_closed_period_is_read_only(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.SchemeAsync();
        var period = await app.PeriodAsync();
        var assessment = await app.AssessOkAsync(period, "staffA", 88);
        var id = assessment.GetProperty("id").GetGuid();
        var personnel = app.As(Personnel);
        await personnel.PostJsonAsync($"/api/assessment/periods/{period}/grades", null).OkAsync();
        var closed = await personnel.PostJsonAsync($"/api/assessment/periods/{period}/close", null).OkAsync();
        var version = closed.GetProperty("assessments")[0].GetProperty("version").GetInt32();

        var attempts = new[]
        {
            personnel.PutJsonAsync($"/api/assessment/assessments/{id}", new { scores = Scores(95) }, ifMatch: version),
            personnel.PostJsonAsync($"/api/assessment/assessments/{id}/deductions", new { points = 1, reason = "补扣。" }, ifMatch: version),
            app.AssessAsync(period, app.Cast.PersonOf["staffA2"], 90),
            personnel.PostJsonAsync($"/api/assessment/periods/{period}/grades", null),
            personnel.PostJsonAsync($"/api/assessment/periods/{period}/close", null),
        };
        foreach (var attempt in attempts)
        {
            var problem = await attempt.ProblemAsync(HttpStatusCode.Conflict);
            Assert.Equal("period-closed", problem.Code);
            Assert.Equal("2026年第三季度平时考核已关闭，考核结果只读，不能再修改。", problem.Title);
        }
        var after = await personnel.GetOkAsync($"/api/assessment/periods/{period}");
        Assert.True(after.GetProperty("closed").GetBoolean());
        Assert.Equal(1, after.GetProperty("assessed").GetInt32());
        Assert.Equal(88m, after.GetProperty("assessments")[0].GetProperty("total").GetDecimal());
        Assert.Equal("Competent", after.GetProperty("assessments")[0].GetProperty("grade").GetString());

        // A second period of the same quarter is refused; the annual period of the year is another period.
        Assert.Equal("period-exists", (await personnel.PostJsonAsync("/api/assessment/periods", new { kind = "Quarterly", year = 2026, quarter = 3 }).ProblemAsync(HttpStatusCode.Conflict)).Code);
        await app.PeriodAsync("Annual", 2026, null);
        Assert.Equal("period-exists", (await personnel.PostJsonAsync("/api/assessment/periods", new { kind = "Annual", year = 2026 }).ProblemAsync(HttpStatusCode.Conflict)).Code);
    }

    [Theory, AllDatabases]
    public async Task The_excel_export_has_one_row_per_person_with_the_scores_deductions_totals_and_grades_of_the_period(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.SchemeAsync();
        await app.SchemeAsync(SchemeBody("机关科室人员考核方案", [UnitType.Section]));
        var period = await app.PeriodAsync();
        var personnel = app.As(Personnel);
        var staffA = (await app.AssessOkAsync(period, "staffA", 92)).GetProperty("id").GetGuid();
        await app.AssessOkAsync(period, "staffA2", 86.5m);
        await app.AssessOkAsync(period, "inv2", 78);
        await personnel.PostJsonAsync($"/api/assessment/assessments/{staffA}/deductions", new { points = 1.5m, reason = "案卷文书不规范。" }).OkAsync();
        var view = await personnel.PostJsonAsync($"/api/assessment/periods/{period}/grades", null).OkAsync();

        using var response = await personnel.GetAsync($"/api/assessment/periods/{period}/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("2026年第三季度平时考核_考核结果.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();

        var expected = view.GetProperty("assessments").EnumerateArray().Select(a => (
            a.GetProperty("unitName").GetString(), a.GetProperty("personName").GetString(), a.GetProperty("schemeName").GetString(),
            a.GetProperty("total").GetDecimal(), a.GetProperty("gradeName").GetString())).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(expected, rows.Select(r => ((string?)r["单位"], (string?)r["姓名"], (string?)r["考核方案"], Convert.ToDecimal(r["总分"]), (string?)r["等次"])).ToList());
        var he = rows.Single(r => (string)r["姓名"] == "何执法");
        Assert.Equal(92m, Convert.ToDecimal(he["指标得分合计"]));
        Assert.Equal(1.5m, Convert.ToDecimal(he["扣分"]));
        Assert.Equal(90.5m, Convert.ToDecimal(he["总分"]));
        Assert.Equal("案卷文书不规范。（1.5 分）", he["扣分事由"]);
        Assert.Equal("依法履职 46/50；柔性执法与营商环境 46/50", he["指标得分"]);
        Assert.Equal("机关科室人员考核方案", rows.Single(r => (string)r["姓名"] == "钱纪检")["考核方案"]);
        Assert.Equal(["序号", "考核期", "单位", "姓名", "岗位", "考核方案", "指标得分", "指标得分合计", "扣分", "扣分事由", "总分", "等次", "评语"], rows[0].Keys.ToArray());
    }

    [Theory, AllDatabases]
    public async Task A_person_is_assessed_under_the_one_most_specific_scheme_and_refused_when_none_or_two_equally_specific_apply(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var period = await app.PeriodAsync();
        var personnel = app.As(Personnel);

        var none = await app.AssessAsync(period, app.Cast.PersonOf["staffA"], 90).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("no-scheme", none.Code);
        Assert.Contains("没有适用于何执法（城东分局，分局；岗位“干部”；非领导干部）的考核方案", none.Title);

        await app.SchemeAsync(SchemeBody("分局人员考核方案"));
        await app.SchemeAsync(SchemeBody("分局领导干部考核方案", leadersOnly: true));
        var leaders = await personnel.GetOkAsync($"/api/assessment/people/{app.Cast.PersonOf["leaderA"]}/scheme");
        Assert.Equal("分局领导干部考核方案", leaders.GetProperty("name").GetString());
        var staff = await personnel.GetOkAsync($"/api/assessment/people/{app.Cast.PersonOf["staffA"]}/scheme");
        Assert.Equal("分局人员考核方案", staff.GetProperty("name").GetString());

        var rival = await app.SchemeAsync(SchemeBody("分局执法人员考核方案（新）"));
        var two = await app.AssessAsync(period, app.Cast.PersonOf["staffA"], 90).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("several-schemes", two.Code);
        Assert.Contains("“分局人员考核方案”、“分局执法人员考核方案（新）”", two.Title);

        var rivalUrl = $"/api/assessment/schemes/{rival.GetProperty("id").GetGuid()}";
        await app.As("office").PostJsonAsync($"{rivalUrl}/deactivate", null).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.False((await personnel.PostJsonAsync($"{rivalUrl}/deactivate", null).OkAsync()).GetProperty("active").GetBoolean());
        var assessed = await app.AssessOkAsync(period, "staffA", 90);
        Assert.Equal("分局人员考核方案", assessed.GetProperty("schemeName").GetString());
        var leader = await app.AssessOkAsync(period, "leaderA", 90);
        Assert.Equal("分局领导干部考核方案", leader.GetProperty("schemeName").GetString());

        // Scores must cover every indicator within its maximum.
        var bad = await app.As(Personnel).PostJsonAsync($"/api/assessment/periods/{period}/assessments",
            new { personId = app.Cast.PersonOf["staffA2"], scores = new[] { new { code = "A", score = 51m } } }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("validation-failed", bad.Code);
        var errors = bad.Body.GetProperty("errors");
        Assert.Contains("0 到 50 分之间", errors.GetProperty("scores[0].score")[0].GetString());
        Assert.Contains("柔性执法与营商环境", errors.GetProperty("scores")[0].GetString());

        // Active again, the rival applies again and the next person is refused as before.
        Assert.True((await personnel.PostJsonAsync($"{rivalUrl}/activate", null).OkAsync()).GetProperty("active").GetBoolean());
        Assert.Equal("several-schemes", (await app.AssessAsync(period, app.Cast.PersonOf["staffA2"], 90).ProblemAsync(HttpStatusCode.Conflict)).Code);
    }

    [Theory, AllDatabases]
    public async Task A_scheme_in_use_keeps_its_indicators_while_an_unused_one_may_change_them(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var personnel = app.As(Personnel);
        var unused = await app.SchemeAsync(SchemeBody("机关科室人员考核方案", [UnitType.Section]));
        var changed = await personnel.PutJsonAsync($"/api/assessment/schemes/{unused.GetProperty("id").GetGuid()}", new
        {
            name = "机关科室人员考核方案",
            unitTypes = new[] { UnitType.Section },
            leadersOnly = false,
            indicators = new[]
            {
                new { code = "A", name = "政治品德", maxScore = 40m, description = (string?)null },
                new { code = "C", name = "工作实绩", maxScore = 60m, description = (string?)"年度目标任务完成情况" },
            },
            excellentLine = 90m, competentLine = 75m, basicLine = 60m, excellentQuotaPercent = 25,
        }).OkAsync();
        Assert.Equal(["A 政治品德 40", "C 工作实绩 60"], changed.GetProperty("indicators").EnumerateArray()
            .Select(i => $"{i.GetProperty("code").GetString()} {i.GetProperty("name").GetString()} {i.GetProperty("maxScore").GetDecimal():0}").ToArray());
        Assert.Equal(3, changed.GetProperty("protectedByUses").GetArrayLength());

        var used = await app.SchemeAsync();
        await app.AssessOkAsync(await app.PeriodAsync(), "staffA", 90);
        var refused = await personnel.PutJsonAsync($"/api/assessment/schemes/{used.GetProperty("id").GetGuid()}", new
        {
            name = "分局执法人员考核方案",
            unitTypes = new[] { UnitType.Branch },
            leadersOnly = false,
            indicators = new[] { new { code = "A", name = "依法履职", maxScore = 100m } },
            excellentLine = 90m, competentLine = 75m, basicLine = 60m, excellentQuotaPercent = 20,
        }).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("scheme-in-use", refused.Code);
        Assert.Contains("已有 1 人次按方案“分局执法人员考核方案”考核", refused.Title);

        var invalid = await personnel.PostJsonAsync("/api/assessment/schemes", new
        {
            name = "",
            unitTypes = Array.Empty<UnitType>(),
            indicators = new[] { new { code = "A", name = "依法履职", maxScore = 50m } },
            excellentLine = 60m, competentLine = 75m, basicLine = 60m, excellentQuotaPercent = 120,
            protectedByUses = Array.Empty<string>(),
        }).ProblemAsync(HttpStatusCode.BadRequest);
        var errors = invalid.Body.GetProperty("errors");
        foreach (var field in new[] { "name", "unitTypes", "excellentLine", "excellentQuotaPercent", "protectedByUses" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }
    }
}
