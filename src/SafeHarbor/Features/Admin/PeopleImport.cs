using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Admin;

/// <summary>
/// People from an Excel sheet (姓名, 单位, 职务, 领导干部, 领导班子). Every row is checked first; one bad
/// row and nothing is imported, with a problem list by row number. Otherwise all rows are added in one
/// command: one transaction, one audit entry per person and one for the import.
/// </summary>
public static class PeopleImport
{
    public const long MaxFileBytes = 2 * 1024 * 1024;
    public const int MaxRows = 2000;

    /// <summary>The name of the template's example row; left in a file by mistake, it is refused, not imported.</summary>
    public const string ExampleName = "（示例）张三";

    public static readonly IReadOnlyList<string> Columns = ["姓名", "单位", "职务", "领导干部", "领导班子"];

    /// <summary>One data row as text, with its row number in the sheet (the header is row 1).</summary>
    public sealed record SheetRow(int Line, string Name, string Unit, string Post, string Leader, string Team);

    /// <summary>A problem of row <see cref="Line"/>; line 0 is the file as a whole.</summary>
    public sealed record RowProblem(int Line, string Problem);

    public sealed record Sheet(IReadOnlyList<SheetRow> Rows, IReadOnlyList<RowProblem> Problems);

    public sealed record NewPerson(int Line, string Name, Guid UnitId, string UnitName, string Post, bool IsLeader, bool InLeadershipTeam);

    public sealed record Checked(IReadOnlyList<NewPerson> People, IReadOnlyList<RowProblem> Problems);

    /// <summary>Reads the first sheet of an .xlsx file.</summary>
    /// <exception cref="DomainException">The file is not a readable .xlsx workbook (field <c>file</c>).</exception>
    public static Sheet Read(Stream xlsx)
    {
        var rows = new List<SheetRow>();
        var problems = new List<RowProblem>();
        try
        {
            int line = 0;
            Dictionary<string, string>? columnOf = null;
            foreach (IDictionary<string, object?> cells in xlsx.Query(useHeaderRow: false, excelType: ExcelType.XLSX))
            {
                line++;
                if (columnOf is null)
                {
                    columnOf = ReadHeader(cells, problems);
                    if (problems.Count > 0)
                    {
                        break;
                    }
                    continue;
                }

                string Cell(string column) => cells.TryGetValue(columnOf[column], out var value) ? Text(value) : "";
                var row = new SheetRow(line, Cell("姓名"), Cell("单位"), Cell("职务"), Cell("领导干部"), Cell("领导班子"));
                if (row is { Name: "", Unit: "", Post: "", Leader: "", Team: "" })
                {
                    continue;
                }
                if (rows.Count == MaxRows)
                {
                    problems.Add(new RowProblem(0, $"一次最多导入 {MaxRows} 人，请分成几个文件导入。"));
                    break;
                }
                rows.Add(row);
            }
            if (columnOf is null)
            {
                problems.Add(new RowProblem(0, "文件是空的：第 1 行应为表头（姓名、单位、职务、领导干部、领导班子）。"));
            }
            else if (rows.Count == 0 && problems.Count == 0)
            {
                problems.Add(new RowProblem(0, "文件中没有人员：表头下面一行也没有填写。"));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever MiniExcel makes of a damaged or foreign file, for the user it is one thing.
            throw new DomainException(ErrorKind.Invalid, "import-not-xlsx", "无法读取该文件：请上传用模板填写的 Excel 文件（.xlsx）。",
                new Dictionary<string, string[]> { ["file"] = ["无法读取该文件：请上传用模板填写的 Excel 文件（.xlsx）。"] });
        }
        return new Sheet(rows, problems);
    }

    /// <summary>Maps each required column name to its column letter; "领导干部（是/否）" counts as 领导干部.</summary>
    private static Dictionary<string, string> ReadHeader(IDictionary<string, object?> cells, List<RowProblem> problems)
    {
        var columnOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (letter, value) in cells)
        {
            var title = Text(value);
            var cut = title.IndexOfAny(['（', '(']);
            title = (cut >= 0 ? title[..cut] : title).Trim();
            if (Columns.Contains(title) && !columnOf.TryAdd(title, letter))
            {
                problems.Add(new RowProblem(1, $"表头“{title}”出现了两次。"));
            }
        }
        foreach (var missing in Columns.Where(c => !columnOf.ContainsKey(c)))
        {
            problems.Add(new RowProblem(1, $"缺少“{missing}”列：第 1 行应为表头 {string.Join("、", Columns)}。"));
        }
        return columnOf;
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s.Trim(),
        double d => d.ToString("0.##########", CultureInfo.InvariantCulture),
        bool b => b ? "是" : "否",
        DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() ?? "",
    };

    /// <summary>
    /// Checks every row against the units and the people already there; pure, so the same answer
    /// comes before the upload is confirmed and inside the import's transaction.
    /// </summary>
    public static Checked Validate(IReadOnlyList<SheetRow> rows, IReadOnlyCollection<(Guid Id, string Name)> units, IReadOnlySet<(Guid UnitId, string Name)> existing)
    {
        var unitsByName = units.GroupBy(u => u.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(u => u.Id).ToList(), StringComparer.Ordinal);
        var people = new List<NewPerson>();
        var problems = new List<RowProblem>();
        var firstLineOf = new Dictionary<(string Unit, string Name), int>();
        foreach (var row in rows)
        {
            var before = problems.Count;
            void Problem(string text) => problems.Add(new RowProblem(row.Line, text));

            if (row.Name.Length == 0)
            {
                Problem("姓名为空。");
            }
            else if (row.Name == ExampleName)
            {
                Problem("这是模板中的示例行，请删除后再导入。");
            }
            else if (row.Name.Length > 50)
            {
                Problem("姓名不能超过 50 个字。");
            }

            Guid? unitId = null;
            if (row.Unit.Length == 0)
            {
                Problem("单位为空。");
            }
            else if (!unitsByName.TryGetValue(row.Unit, out var ids))
            {
                Problem($"单位“{row.Unit}”不存在（须与单位人员页上的单位名称完全一致）。");
            }
            else if (ids.Count > 1)
            {
                Problem($"单位名称“{row.Unit}”对应多个单位，无法确定是哪一个。");
            }
            else
            {
                unitId = ids[0];
            }

            if (row.Post.Length == 0)
            {
                Problem("职务为空。");
            }
            else if (row.Post.Length > 100)
            {
                Problem("职务不能超过 100 个字。");
            }

            var leader = Flag(row.Leader, "领导干部", Problem);
            var team = Flag(row.Team, "领导班子", Problem);

            if (row.Name.Length > 0 && row.Unit.Length > 0)
            {
                if (firstLineOf.TryGetValue((row.Unit, row.Name), out var first))
                {
                    Problem($"与第 {first} 行重复（同一单位的同名人员）。");
                }
                else
                {
                    firstLineOf[(row.Unit, row.Name)] = row.Line;
                }
                if (unitId is { } id && existing.Contains((id, row.Name)))
                {
                    Problem($"单位“{row.Unit}”已有人员“{row.Name}”，不能重复导入。");
                }
            }

            if (problems.Count == before)
            {
                people.Add(new NewPerson(row.Line, row.Name, unitId!.Value, row.Unit, row.Post, leader, team));
            }
        }
        return new Checked(people, problems);
    }

    /// <summary>是 or 否; an empty cell means 否.</summary>
    private static bool Flag(string text, string column, Action<string> problem)
    {
        switch (text)
        {
            case "是":
                return true;
            case "否" or "":
                return false;
            default:
                problem($"“{column}”应填“是”或“否”，不能是“{text}”。");
                return false;
        }
    }

    /// <summary>Imports all rows in one command, or none.</summary>
    /// <exception cref="ImportRefusedException">Some row is wrong; nothing was written.</exception>
    public static Task<int> HandleAsync(IReadOnlyList<SheetRow> rows, string fileName, Actor actor, CommandRunner runner, CancellationToken ct)
    {
        AdminAccess.RequireSystemAdmin(actor);
        return runner.RunAsync(actor, async ctx =>
        {
            var units = (await ctx.Db.Units.AsNoTracking().Select(u => new { u.Id, u.Name }).ToListAsync(ct)).Select(u => (u.Id, u.Name)).ToList();
            var existing = (await ctx.Db.Persons.AsNoTracking().Select(p => new { p.UnitId, p.Name }).ToListAsync(ct)).Select(p => (p.UnitId, p.Name)).ToHashSet();
            var check = Validate(rows, units, existing);
            if (check.Problems.Count > 0)
            {
                throw new ImportRefusedException(check.Problems);
            }
            foreach (var p in check.People)
            {
                var person = new Person { Id = Guid.NewGuid(), Name = p.Name, UnitId = p.UnitId, Post = p.Post, IsLeader = p.IsLeader, InLeadershipTeam = p.InLeadershipTeam };
                ctx.Db.Persons.Add(person);
                // The same entry as adding one person on the page, so a person's history reads the same either way.
                ctx.Audit("CreatePerson", nameof(Person), person.Id.ToString(), null, Role.SystemAdmin.Chinese(), new { person.Name, unit = p.UnitName, person.Post, import = fileName, line = p.Line });
            }
            ctx.Audit("ImportPersons", nameof(Person), fileName, null, Role.SystemAdmin.Chinese(), new { file = fileName, count = check.People.Count });
            return check.People.Count;
        }, ct);
    }

    /// <summary>The template: the header row and one example row, and a sheet of instructions listing the units.</summary>
    public static byte[] Template(string? exampleUnit, IReadOnlyList<string> unitNames)
    {
        var example = new Dictionary<string, object?>
        {
            ["姓名"] = ExampleName,
            ["单位"] = exampleUnit ?? unitNames.FirstOrDefault() ?? "城东分局",
            ["职务"] = "执法人员",
            ["领导干部"] = "否",
            ["领导班子"] = "否",
        };
        var notes = new List<Dictionary<string, object?>>
        {
            Note("姓名", "必填，不超过 50 个字。"),
            Note("单位", "必填，须与系统中的单位名称完全一致（见下方单位列表）。"),
            Note("职务", "必填，不超过 100 个字。"),
            Note("领导干部", "填“是”或“否”，空白视为“否”。"),
            Note("领导班子", "填“是”或“否”，空白视为“否”。"),
            Note("示例行", $"“人员”表第 2 行（姓名为“{ExampleName}”）是示例，导入前请删除。"),
            Note("导入规则", "先检查全部行：任何一行有误都不导入，并按行号列出问题；全部无误时一次导入。同一单位已有同名人员的行不能导入。"),
        };
        notes.AddRange(unitNames.Select(u => Note("可用单位", u)));
        var sheets = new Dictionary<string, object>
        {
            ["人员"] = new List<Dictionary<string, object?>> { example },
            ["说明"] = notes,
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();

        static Dictionary<string, object?> Note(string item, string text) => new() { ["项目"] = item, ["说明"] = text };
    }
}

/// <summary>An import refused because of its rows; <see cref="Problems"/> says which and why.</summary>
public sealed class ImportRefusedException(IReadOnlyList<PeopleImport.RowProblem> problems)
    : DomainException(
        ErrorKind.Invalid,
        "import-refused",
        $"导入文件有 {problems.Count} 处问题，未导入任何人员。请改正后重新上传。",
        problems.GroupBy(p => p.Line).ToDictionary(g => $"rows[{g.Key}]", g => g.Select(p => p.Problem).ToArray()))
{
    public IReadOnlyList<PeopleImport.RowProblem> Problems { get; } = problems;
}
