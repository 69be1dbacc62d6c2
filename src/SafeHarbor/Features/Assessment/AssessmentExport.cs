using MiniExcelLibs;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Assessment;

/// <summary>A period's results as an Excel workbook with Chinese headers, one row per person, in the order of the period page.</summary>
public static class AssessmentExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public sealed record Workbook(string FileName, byte[] Content);

    public static IReadOnlyList<Dictionary<string, object?>> Rows(AssessmentQueries.PeriodView period) =>
        period.Assessments.Select((a, i) => new Dictionary<string, object?>
        {
            ["序号"] = i + 1,
            ["考核期"] = period.Name,
            ["单位"] = a.UnitName,
            ["姓名"] = a.PersonName,
            ["岗位"] = a.Post,
            ["考核方案"] = a.SchemeName,
            ["指标得分"] = string.Join("；", a.Scores.Select(s => $"{s.Name} {AssessmentNames.Points(s.Score)}/{AssessmentNames.Points(s.MaxScore)}")),
            ["指标得分合计"] = a.ScoreSum,
            ["扣分"] = a.DeductionSum,
            ["扣分事由"] = string.Join("；", a.Deductions.Select(d => $"{d.Reason}（{AssessmentNames.Points(d.Points)} 分{(d.CaseNumber is null ? "" : "，事项 " + d.CaseNumber)}）")),
            ["总分"] = a.Total,
            ["等次"] = a.GradeName ?? "未评定",
            ["评语"] = a.Comment ?? "",
        }).ToList();

    public static readonly string[] Headers = ["序号", "考核期", "单位", "姓名", "岗位", "考核方案", "指标得分", "指标得分合计", "扣分", "扣分事由", "总分", "等次", "评语"];

    public static async Task<Workbook> WriteAsync(SafeHarborDb db, Guid periodId, CancellationToken ct)
    {
        var period = await AssessmentQueries.PeriodAsync(db, periodId, ct);
        var rows = Rows(period);
        using var stream = new MemoryStream();
        if (rows.Count == 0)
        {
            // An empty period still exports its header row.
            using var table = new System.Data.DataTable();
            foreach (var h in Headers)
            {
                table.Columns.Add(h);
            }
            await stream.SaveAsAsync(table, sheetName: SheetName(period.Name), cancellationToken: ct);
        }
        else
        {
            await stream.SaveAsAsync(rows, sheetName: SheetName(period.Name), cancellationToken: ct);
        }
        return new Workbook($"{period.Name}_考核结果.xlsx", stream.ToArray());
    }

    // Excel sheet names: at most 31 characters, none of : \ / ? * [ ].
    private static string SheetName(string name)
    {
        var clean = new string(name.Where(c => !":\\/?*[]".Contains(c)).ToArray());
        return clean.Length > 31 ? clean[..31] : clean.Length == 0 ? "考核结果" : clean;
    }
}
