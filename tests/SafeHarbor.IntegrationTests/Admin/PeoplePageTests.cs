using System.Net;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Admin;

/// <summary>The unit tree and its people: adding through the organisation handlers, importing from Excel all or nothing.</summary>
[Article("2")]
public sealed class PeoplePageTests
{
    private static byte[] Workbook(params object?[][] rows)
    {
        var sheet = rows.Select(r => new Dictionary<string, object?>
        {
            ["姓名"] = r[0], ["单位"] = r[1], ["职务"] = r[2], ["领导干部"] = r[3], ["领导班子"] = r[4],
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(sheet);
        return stream.ToArray();
    }

    [Theory, AllDatabases]
    public async Task Importing_a_valid_sheet_adds_every_person_at_once_and_says_how_many(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var admin = await AdminBrowser.SignInAsync(app, "sysadmin");
        var before = await app.WithDbAsync(d => d.Persons.CountAsync());
        var page = await admin.GetAsync("/Admin/People");

        var answer = await admin.UploadAsync("/Admin/People?handler=Import", page, "Upload", "城东城西人员.xlsx", Workbook(
            ["赵一鸣", "城东分局", "执法人员", "否", "否"],
            ["钱二妹", "城西分局", "分局副局长", "是", "是"],
            ["孙三立", "东山县局城关所", "所长", "是", null]));

        var after = await admin.FollowAsync(answer);
        Assert.Contains("已从“城东城西人员.xlsx”导入 3 人。", after.Text);
        var list = after.Find("[data-testid='person-list']")!.TextContent;
        Assert.Contains("赵一鸣", list);
        Assert.Contains("钱二妹", list);
        Assert.Contains("孙三立", list);
        Assert.Equal(before + 3, await app.WithDbAsync(d => d.Persons.CountAsync()));
        var leader = await app.WithDbAsync(d => d.Persons.SingleAsync(p => p.Name == "钱二妹"));
        Assert.True(leader.IsLeader);
        Assert.True(leader.InLeadershipTeam);
        Assert.Equal(app.Cast.BranchB, leader.UnitId);
        var head = await app.WithDbAsync(d => d.Persons.SingleAsync(p => p.Name == "孙三立"));
        Assert.True(head.IsLeader);
        Assert.False(head.InLeadershipTeam);
        Assert.Equal(1, await app.WithDbAsync(d => d.AuditEntries.CountAsync(e => e.Action == "ImportPersons")));
        Assert.Equal(3, await app.WithDbAsync(d => d.AuditEntries.CountAsync(e => e.Action == "CreatePerson")));
    }

    [Theory, AllDatabases]
    public async Task A_sheet_with_bad_rows_imports_nobody_and_names_each_row_and_its_problem(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var admin = await AdminBrowser.SignInAsync(app, "sysadmin");
        var before = await app.WithDbAsync(d => d.Persons.CountAsync());
        var page = await admin.GetAsync("/Admin/People");

        var answer = await admin.UploadAsync("/Admin/People?handler=Import", page, "Upload", "有误.xlsx", Workbook(
            ["赵一鸣", "城东分局", "执法人员", "否", "否"],
            ["钱二妹", "不存在的分局", "执法人员", "否", "否"],
            ["孙三立", "城西分局", "执法人员", "可能", "否"],
            ["赵一鸣", "城东分局", "执法人员", "否", "否"],
            [null, "城东分局", "执法人员", "否", "否"]));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var report = answer.Find("[data-testid='import-report']")!;
        var rows = report.QuerySelectorAll("tbody tr").Select(r => r.TextContent.Trim()).ToList();
        Assert.Equal(4, rows.Count);
        Assert.Contains("第 3 行", rows[0]);
        Assert.Contains("单位“不存在的分局”不存在", rows[0]);
        Assert.Contains("第 4 行", rows[1]);
        Assert.Contains("“领导干部”应填“是”或“否”，不能是“可能”", rows[1]);
        Assert.Contains("第 5 行", rows[2]);
        Assert.Contains("与第 2 行重复", rows[2]);
        Assert.Contains("第 6 行", rows[3]);
        Assert.Contains("姓名为空", rows[3]);
        Assert.Contains("未导入任何人员", answer.Text);
        Assert.Equal(before, await app.WithDbAsync(d => d.Persons.CountAsync()));
        Assert.False(await app.WithDbAsync(d => d.Persons.AnyAsync(p => p.Name == "赵一鸣")));
        Assert.Equal(0, await app.WithDbAsync(d => d.AuditEntries.CountAsync(e => e.Action == "ImportPersons")));
    }

    [Theory, AllDatabases]
    public async Task A_file_that_is_not_an_xlsx_workbook_is_refused_next_to_the_file_field(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var admin = await AdminBrowser.SignInAsync(app, "sysadmin");
        var page = await admin.GetAsync("/Admin/People");

        var answer = await admin.UploadAsync("/Admin/People?handler=Import", page, "Upload", "名单.xlsx", "姓名,单位\n张三,城东分局\n"u8.ToArray());

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains("无法读取该文件", answer.MessageFor("Upload"));
    }

    [Theory, AllDatabases]
    public async Task The_template_download_is_a_workbook_with_the_header_row_and_one_example_row(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var admin = await AdminBrowser.SignInAsync(app, "sysadmin");

        var (status, type, body) = await admin.DownloadAsync("/Admin/People?handler=Template");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", type);
        using var stream = new MemoryStream(body);
        Assert.Equal(["姓名", "单位", "职务", "领导干部", "领导班子"], stream.GetColumns(useHeaderRow: true));
        stream.Position = 0;
        var example = Assert.Single(stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>());
        Assert.Equal("（示例）张三", example["姓名"]);
        Assert.Equal("城东分局", example["单位"]);
    }

    [Theory, AllDatabases]
    public async Task A_unit_and_a_person_added_on_the_page_join_the_tree_and_a_missing_name_is_shown_next_to_the_field(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var admin = await AdminBrowser.SignInAsync(app, "sysadmin");
        var page = await admin.GetAsync("/Admin/People");

        var unit = await admin.FollowAsync(await admin.PostAsync("/Admin/People?handler=AddUnit", page,
            [("NewUnit.Name", "高新区分局"), ("NewUnit.Type", "Branch"), ("NewUnit.ParentId", app.Cast.Units["测试市局"].ToString())]));
        Assert.Contains("已新增单位“高新区分局”（分局）。", unit.Text);
        var unitId = await app.WithDbAsync(d => d.Units.Where(u => u.Name == "高新区分局").Select(u => u.Id).SingleAsync());

        var person = await admin.FollowAsync(await admin.PostAsync("/Admin/People?handler=AddPerson", unit,
            [("NewPerson.Name", "宋佳"), ("NewPerson.UnitId", unitId.ToString()), ("NewPerson.Post", "分局局长"), ("NewPerson.IsLeader", "true"), ("NewPerson.InLeadershipTeam", "true")]));
        Assert.Contains("已在“高新区分局”新增人员“宋佳”。", person.Text);
        Assert.Contains("宋佳", person.Find("[data-testid='person-list']")!.TextContent);
        Assert.Contains("高新区分局", person.Find("[data-testid='unit-tree']")!.TextContent);

        var refused = await admin.PostAsync("/Admin/People?handler=AddPerson", person,
            [("NewPerson.Name", " "), ("NewPerson.UnitId", unitId.ToString()), ("NewPerson.Post", "执法人员")]);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal("请填写姓名。", refused.MessageFor("NewPerson.Name"));
        var duplicate = await admin.PostAsync("/Admin/People?handler=AddUnit", person, [("NewUnit.Name", "城东分局"), ("NewUnit.Type", "Branch")]);
        Assert.Equal("已有同名单位。", duplicate.MessageFor("NewUnit.Name"));
        Assert.Equal(1, await app.WithDbAsync(d => d.Persons.CountAsync(p => p.UnitId == unitId)));
    }
}
