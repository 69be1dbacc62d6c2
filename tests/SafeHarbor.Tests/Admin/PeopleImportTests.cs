using MiniExcelLibs;
using SafeHarbor.Cases;
using SafeHarbor.Features.Admin;
using static SafeHarbor.Features.Admin.PeopleImport;

namespace SafeHarbor.Tests.Admin;

/// <summary>The rows of a people import are all checked before anything is imported; each problem names its row.</summary>
[Article("2")]
public sealed class PeopleImportTests
{
    private static readonly Guid East = Guid.NewGuid();
    private static readonly Guid West = Guid.NewGuid();
    private static readonly (Guid, string)[] Units = [(East, "城东分局"), (West, "城西分局")];
    private static readonly HashSet<(Guid, string)> Nobody = [];

    private static SheetRow Row(int line, string name, string unit = "城东分局", string post = "执法人员", string leader = "否", string team = "否") =>
        new(line, name, unit, post, leader, team);

    private static List<string> ProblemsOf(Checked result, int line) => result.Problems.Where(p => p.Line == line).Select(p => p.Problem).ToList();

    [Fact]
    public void Valid_rows_become_people_of_their_units_with_their_flags()
    {
        var result = Validate([Row(2, "赵一鸣"), Row(3, "钱二妹", "城西分局", "分局局长", "是", "是"), Row(4, "孙三立", leader: "是", team: "")], Units, Nobody);

        Assert.Empty(result.Problems);
        Assert.Equal(["赵一鸣", "钱二妹", "孙三立"], result.People.Select(p => p.Name));
        var head = result.People[1];
        Assert.Equal((West, "分局局长", true, true), (head.UnitId, head.Post, head.IsLeader, head.InLeadershipTeam));
        Assert.Equal((true, false), (result.People[2].IsLeader, result.People[2].InLeadershipTeam));
    }

    [Fact]
    public void An_empty_name_an_unknown_unit_and_an_empty_post_are_each_named_on_their_row()
    {
        var result = Validate([Row(2, ""), Row(3, "钱二妹", unit: "高新区分局"), Row(4, "孙三立", post: "")], Units, Nobody);

        Assert.Empty(result.People);
        Assert.Equal(["姓名为空。"], ProblemsOf(result, 2));
        Assert.Equal(["单位“高新区分局”不存在（须与单位人员页上的单位名称完全一致）。"], ProblemsOf(result, 3));
        Assert.Equal(["职务为空。"], ProblemsOf(result, 4));
    }

    [Theory]
    [InlineData("Y")]
    [InlineData("是的")]
    [InlineData("1")]
    public void A_flag_other_than_yes_or_no_is_refused(string flag)
    {
        var result = Validate([Row(2, "赵一鸣", leader: flag)], Units, Nobody);

        Assert.Equal([$"“领导干部”应填“是”或“否”，不能是“{flag}”。"], ProblemsOf(result, 2));
        Assert.Empty(result.People);
    }

    [Fact]
    public void The_same_person_twice_in_one_unit_is_refused_on_the_later_row_naming_the_earlier()
    {
        var result = Validate([Row(2, "赵一鸣"), Row(3, "赵一鸣", "城西分局"), Row(5, "赵一鸣")], Units, Nobody);

        Assert.Empty(ProblemsOf(result, 2));
        Assert.Empty(ProblemsOf(result, 3));
        Assert.Equal(["与第 2 行重复（同一单位的同名人员）。"], ProblemsOf(result, 5));
    }

    [Fact]
    public void A_person_already_in_the_unit_is_not_imported_again()
    {
        var result = Validate([Row(2, "何执法")], Units, new HashSet<(Guid, string)> { (East, "何执法") });

        Assert.Equal(["单位“城东分局”已有人员“何执法”，不能重复导入。"], ProblemsOf(result, 2));
    }

    [Fact]
    public void The_templates_example_row_left_in_the_file_is_refused()
    {
        var result = Validate([Row(2, ExampleName)], Units, Nobody);

        Assert.Equal(["这是模板中的示例行，请删除后再导入。"], ProblemsOf(result, 2));
    }

    [Fact]
    public void Reading_keeps_the_sheets_row_numbers_skips_empty_rows_and_reads_numbers_as_text()
    {
        var rows = new List<Dictionary<string, object?>>
        {
            new() { ["姓名"] = "赵一鸣", ["单位"] = "城东分局", ["职务"] = "执法人员", ["领导干部"] = "否", ["领导班子"] = "否" },
            new() { ["姓名"] = null, ["单位"] = null, ["职务"] = null, ["领导干部"] = null, ["领导班子"] = null },
            new() { ["姓名"] = " 钱二妹 ", ["单位"] = "城西分局", ["职务"] = 110, ["领导干部"] = true, ["领导班子"] = null },
        };
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        stream.Position = 0;

        var sheet = Read(stream);

        Assert.Empty(sheet.Problems);
        Assert.Equal([new SheetRow(2, "赵一鸣", "城东分局", "执法人员", "否", "否"), new SheetRow(4, "钱二妹", "城西分局", "110", "是", "")], sheet.Rows);
    }

    [Fact]
    public void Columns_may_come_in_any_order_and_a_missing_column_is_reported_on_row_1()
    {
        var rows = new List<Dictionary<string, object?>> { new() { ["单位"] = "城东分局", ["领导干部（是/否）"] = "是", ["姓名"] = "赵一鸣", ["职务"] = "股长" } };
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        stream.Position = 0;

        var sheet = Read(stream);

        Assert.Equal([new RowProblem(1, "缺少“领导班子”列：第 1 行应为表头 姓名、单位、职务、领导干部、领导班子。")], sheet.Problems);
    }

    [Fact]
    public void A_file_that_is_not_a_workbook_is_refused_as_unreadable()
    {
        using var stream = new MemoryStream("姓名,单位\n赵一鸣,城东分局\n"u8.ToArray());

        var e = Assert.Throws<DomainException>(() => Read(stream));

        Assert.Equal("import-not-xlsx", e.Code);
        Assert.Contains("file", e.Errors!.Keys);
    }

    [Fact]
    public void The_template_reads_back_as_its_own_example_row_which_validation_refuses()
    {
        using var stream = new MemoryStream(Template("城东分局", ["城东分局", "城西分局"]));

        var sheet = Read(stream);

        Assert.Empty(sheet.Problems);
        var example = Assert.Single(sheet.Rows);
        Assert.Equal(new SheetRow(2, ExampleName, "城东分局", "执法人员", "否", "否"), example);
        Assert.NotEmpty(Validate(sheet.Rows, Units, Nobody).Problems);
    }
}
