using System.Text.Json;
using MiniExcelLibs;
using SafeHarbor.IntegrationTests.Documents;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Assessment;

/// <summary>The demo bureau's assessments (Art. 12), seeded on a first start as the real app does it, on a chosen day.</summary>
[Article("12")]
public sealed class AssessmentDemoTests
{
    [Theory, AllDatabases]
    public async Task The_demo_shows_two_schemes_a_closed_third_quarter_and_a_graded_annual_assessment_where_the_exempted_matter_was_not_deducted(Db db)
    {
        await using var app = await DemoBureau.StartAsync(db, today: new DateOnly(2026, 11, 26));
        var personnel = app.As("huangl");

        var schemes = (await personnel.GetOkAsync("/api/assessment/schemes")).EnumerateArray().Select(s => s.GetProperty("name").GetString()!).ToArray();
        Assert.Equal(["分局执法人员考核方案", "机关科室人员考核方案"], schemes);
        var periods = (await personnel.GetOkAsync("/api/assessment/periods")).EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.Equal(["2026年度考核", "2026年第三季度平时考核"], periods.Keys.ToArray());
        Assert.True(periods["2026年第三季度平时考核"].GetProperty("closed").GetBoolean());
        Assert.False(periods["2026年度考核"].GetProperty("closed").GetBoolean());

        var exempted = await app.CaseAsync("城东分局对首次轻微违法食品经营者不予处罚后抽检复查不及时");
        Assert.Equal("2026-0001", exempted.Number);
        var priceCase = await app.CaseAsync("城西分局对涉嫌哄抬口罩价格的药店仅作提醒告诫未立案查处");
        foreach (var period in periods.Values)
        {
            var view = await personnel.GetOkAsync($"/api/assessment/periods/{period.GetProperty("id").GetGuid()}");
            Assert.True(view.GetProperty("gradesCurrent").GetBoolean());
            var he = Person(view, "何晓峰");
            var deduction = Assert.Single(he.GetProperty("deductions").EnumerateArray());
            Assert.Equal(JsonValueKind.Null, deduction.GetProperty("caseId").ValueKind);
            Assert.Contains("拟就事项 2026-0001 扣分，系统未予登记", he.GetProperty("comment").GetString());
            Assert.Contains("第十一条第（一）项：在落实党风廉政建设责任制考核中免于扣分", he.GetProperty("comment").GetString());
            var east = view.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unitName").GetString() == "城东分局");
            Assert.Equal((7, 1, 1), (east.GetProperty("assessed").GetInt32(), east.GetProperty("places").GetInt32(), east.GetProperty("excellent").GetInt32()));
        }
        var annual = await personnel.GetOkAsync($"/api/assessment/periods/{periods["2026年度考核"].GetProperty("id").GetGuid()}");
        Assert.Equal(22, annual.GetProperty("assessed").GetInt32());
        var yang = Assert.Single(Person(annual, "杨帆").GetProperty("deductions").EnumerateArray());
        Assert.Equal(priceCase.Number, yang.GetProperty("caseNumber").GetString());
        // One 优秀 place each in 城东分局 (7 assessed) and 城西分局 (5); the smaller units and the sections have none.
        Assert.Equal(["林静", "赵雪"], annual.GetProperty("assessments").EnumerateArray()
            .Where(a => a.GetProperty("gradeName").GetString() == "优秀").Select(a => a.GetProperty("personName").GetString()!).ToArray());
        Assert.Contains("依第十一条第（四）项在年度考核中不作负面评价", Person(annual, "林静").GetProperty("comment").GetString());

        // 何晓峰 reads his closed quarter; the annual assessment is still open.
        var mine = Assert.Single((await app.As("hexf").GetOkAsync("/api/assessment/mine")).EnumerateArray());
        Assert.Equal("2026年第三季度平时考核", mine.GetProperty("periodName").GetString());

        using var export = await personnel.GetAsync($"/api/assessment/periods/{periods["2026年度考核"].GetProperty("id").GetGuid()}/export");
        using var stream = new MemoryStream(await export.Content.ReadAsByteArrayAsync());
        Assert.Equal(22, MiniExcel.Query(stream, useHeaderRow: true).Count());
    }

    [Theory, AllDatabases]
    public async Task Before_the_quarter_ends_the_demo_quarter_is_graded_but_left_open(Db db)
    {
        await using var app = await DemoBureau.StartAsync(db, today: new DateOnly(2026, 9, 21));
        var periods = (await app.As("huangl").GetOkAsync("/api/assessment/periods")).EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.False(periods["2026年第三季度平时考核"].GetProperty("closed").GetBoolean());
        Assert.Equal(16, periods["2026年第三季度平时考核"].GetProperty("graded").GetInt32());
        Assert.Equal(22, periods["2026年度考核"].GetProperty("graded").GetInt32());
    }

    private static JsonElement Person(JsonElement period, string name) =>
        period.GetProperty("assessments").EnumerateArray().Single(a => a.GetProperty("personName").GetString() == name);
}
