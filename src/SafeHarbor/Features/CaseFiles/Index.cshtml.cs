using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Security;
using SafeHarbor.Infrastructure.Web;
using SafeHarbor.Organisation;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.CaseFiles;

/// <summary>Cases within the user's scope, filtered, sorted and paged on the server; the filtered list exports to Excel.</summary>
public sealed class IndexModel(PageServices services, SecurityEventLog events) : PageModel
{
    [BindProperty(SupportsGet = true)] public CaseStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? UnitId { get; set; }
    [BindProperty(SupportsGet = true)] public string? BusinessField { get; set; }
    [BindProperty(SupportsGet = true)] public Outcome? Outcome { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Applicant { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    // "page" is a reserved route value in Razor Pages, so the page number travels as "p".
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public ListCases.Page<ListCases.CaseListItem> Result { get; private set; } = new([], 0, 1, 20);
    public IReadOnlyList<Unit> Units { get; private set; } = [];

    public int PageCount => Math.Max(1, (Result.Total + Result.PageSize - 1) / Result.PageSize);

    private ListCases.ListQuery Query(int page, int pageSize) =>
        new(Status, BusinessField, UnitId, Year, Outcome, Applicant, Q, Sort, page, pageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = services.Actor;
        Units = await services.Db.Units.AsNoTracking().OrderBy(u => u.SortOrder).ThenBy(u => u.Name).ToListAsync(ct);
        Result = await ListCases.HandleAsync(Query(PageNumber, 20), actor, services.Db, services.Calendar, ChinaClock.Today(services.Time), ct);
    }

    /// <summary>The filtered list (all pages) as an Excel workbook.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var actor = services.Actor;
        var today = ChinaClock.Today(services.Time);
        var rows = new List<Dictionary<string, object?>>();
        for (var page = 1; ; page++)
        {
            var result = await ListCases.HandleAsync(Query(page, 200), actor, services.Db, services.Calendar, today, ct);
            rows.AddRange(result.Items.Select(i => new Dictionary<string, object?>
            {
                ["案件编号"] = i.Number,
                ["事项名称"] = i.Title,
                ["问责对象"] = i.Subjects,
                ["业务领域"] = i.BusinessField,
                ["启动问责日期"] = i.AccountabilityStartedOn.ToString("yyyy-MM-dd"),
                ["申请期限"] = ComputedDate.Format(i.ApplicationDeadline, i.ApplicationDeadlineProvisional),
                ["申请人"] = i.ApplicantName,
                ["状态"] = i.StatusName,
                ["认定结果"] = i.Outcome?.Chinese(),
                ["重复失误"] = i.IsRepeat ? "是" : "否",
            }));
            if (page * result.PageSize >= result.Total)
            {
                break;
            }
        }
        var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: "案件", cancellationToken: ct);
        stream.Position = 0;
        var fileName = $"容错免责案件_{today:yyyyMMdd}.xlsx";
        await events.RecordTakenAsync(actor, SecurityEventKinds.Export, $"案件列表（{rows.Count} 件）", null, fileName, ct);
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName);
    }

    /// <summary>The current filters with one value changed, for paging and sorting links.</summary>
    public string Link(string? sort = null, int? page = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Status"] = Status?.ToString(), ["UnitId"] = UnitId?.ToString(), ["BusinessField"] = BusinessField, ["Outcome"] = Outcome?.ToString(),
            ["Year"] = Year?.ToString(), ["Applicant"] = Applicant, ["Q"] = Q, ["Sort"] = sort ?? Sort, ["p"] = (page ?? PageNumber).ToString(),
        };
        return "/Cases" + Microsoft.AspNetCore.Http.QueryString.Create(values.Where(v => !string.IsNullOrEmpty(v.Value)));
    }
}
