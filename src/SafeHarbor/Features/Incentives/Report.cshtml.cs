using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiniExcelLibs;
using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Security;

namespace SafeHarbor.Features.Incentives;

/// <summary>
/// 年度关爱激励情况: per unit, for one year, talks, commendations by kind, support measures and people
/// reached; a chart drawn from the table, and the same figures (with the lists behind them) as Excel.
/// </summary>
public sealed class ReportModel(Actor actor, SafeHarborDb db, TimeProvider time, SecurityEventLog events) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public IncentiveReport.Report Report { get; private set; } = null!;
    public IReadOnlyList<int> Years { get; private set; } = [];
    public bool BureauWide { get; private set; }
    public bool IsPerson { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!IncentiveAccess.MayUseWorkspace(actor))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        await LoadAsync(actor, ct);
        return Page();
    }

    /// <summary>The year's report as a workbook: the table per unit, then the talks (without their contents), commendations and support measures behind it.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (!IncentiveAccess.MayUseWorkspace(actor))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        await LoadAsync(actor, ct);
        var units = Report.Rows.Select(r => r.UnitId).ToHashSet();
        var filter = new IncentiveQueries.Filter(Year: Report.Year);
        var talks = (await ListHeartTalks.HandleAsync(db, actor, filter, ct)).Where(t => units.Contains(t.UnitId)).OrderBy(t => t.HeldOn)
            .Select(t => new Dictionary<string, object?>
            {
                ["日期"] = t.HeldOn.ToString("yyyy-MM-dd"),
                ["谈话对象"] = t.PersonName,
                ["单位"] = t.UnitName,
                ["谈话人"] = t.TalkerName,
            }).ToList();
        var commendations = (await ListCommendations.HandleAsync(db, actor, filter, ct)).Where(c => units.Contains(c.UnitId)).OrderBy(c => c.AwardedOn)
            .Select(c => new Dictionary<string, object?>
            {
                ["日期"] = c.AwardedOn.ToString("yyyy-MM-dd"),
                ["类别"] = c.KindName,
                ["对象"] = c.ToUnit ? c.UnitName : c.PersonName,
                ["单位"] = c.UnitName,
                ["名称"] = c.Title,
                ["依据"] = c.Basis,
                ["授予机关"] = c.AwardedBy,
            }).ToList();
        var support = (await ListSupportMeasures.HandleAsync(db, actor, filter, ct)).Where(s => units.Contains(s.UnitId)).OrderBy(s => s.ProvidedOn)
            .Select(s => new Dictionary<string, object?>
            {
                ["日期"] = s.ProvidedOn.ToString("yyyy-MM-dd"),
                ["类别"] = s.Kind,
                ["对象"] = s.ToUnit ? s.UnitName : s.PersonName,
                ["单位"] = s.UnitName,
                ["措施内容"] = s.Description,
            }).ToList();
        var sheets = new Dictionary<string, object>
        {
            ["年度关爱激励情况"] = IncentiveReport.ExcelRows(Report),
            ["谈心谈话"] = OrNone(talks, "日期", "谈话对象", "单位", "谈话人"),
            ["表彰奖励"] = OrNone(commendations, "日期", "类别", "对象", "单位", "名称", "依据", "授予机关"),
            ["支持保障措施"] = OrNone(support, "日期", "类别", "对象", "单位", "措施内容"),
        };
        var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, cancellationToken: ct);
        stream.Position = 0;
        var fileName = $"年度关爱激励情况_{Report.Year}.xlsx";
        await events.RecordTakenAsync(actor, SecurityEventKinds.Export, "关爱激励年度情况", null, fileName, ct);
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName);
    }

    /// <summary>An empty list keeps its headings, with one line saying there is nothing.</summary>
    private static List<Dictionary<string, object?>> OrNone(List<Dictionary<string, object?>> rows, params string[] headings) =>
        rows.Count > 0 ? rows : [headings.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i == 0 ? (object?)"本年度无记录" : null)];

    private async Task LoadAsync(Actor actor, CancellationToken ct)
    {
        Today = ChinaClock.Today(time);
        var year = Year is >= 2000 and <= 9999 ? Year.Value : Today.Year;
        Year = year;
        var result = await IncentiveReport.RunAsync(db, actor, year, Today, ct);
        Report = result.Report;
        Years = result.Years.Append(year).Distinct().OrderByDescending(y => y).ToList();
        BureauWide = result.BureauWide;
        IsPerson = actor.PersonId is not null;
    }
}
