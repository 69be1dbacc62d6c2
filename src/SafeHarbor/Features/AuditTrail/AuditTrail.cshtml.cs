using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Security;
using SafeHarbor.Infrastructure.Web;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.AuditTrail;

/// <summary>安全审计: the audit administrator searches, filters, pages and exports the bureau's audit chain (no case contents).</summary>
public sealed class AuditTrailModel(Actor actor, SafeHarborDb db, TimeProvider time, SecurityEventLog events) : RolePage(actor, Role.AuditAdmin)
{
    [BindProperty(SupportsGet = true)] public SearchAuditTrail.Kind Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "user")] public string? UserName { get; set; }
    [BindProperty(SupportsGet = true)] public string? Address { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Text { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    /// <summary>Rows per page; the export takes every row the filters find, up to this many.</summary>
    public const int PageSize = 50;
    public const int ExportLimit = 10_000;

    public SearchAuditTrail.Result Result { get; private set; } = null!;

    public int Pages => Math.Max(1, (Result.Total + Result.PageSize - 1) / Result.PageSize);

    public async Task OnGetAsync(CancellationToken ct) =>
        Result = await SearchAuditTrail.HandleAsync(db, Search(PageNumber, PageSize), ct);

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var result = await SearchAuditTrail.HandleAsync(db, Search(1, ExportLimit), ct);
        var bureau = await db.Bureaus.Where(b => b.Id == Actor.BureauId).Select(b => b.Name).SingleAsync(ct);
        var title = $"{bureau}安全审计记录（{Describe()}；导出时间 {SearchAuditTrail.Local(time.GetUtcNow())}；共 {result.Total} 条{(result.Total > result.Items.Count ? $"，导出最近 {result.Items.Count} 条" : "")}）";
        var fileName = $"安全审计_{ChinaClock.Today(time):yyyyMMdd}.xlsx";
        var content = SearchAuditTrail.Workbook(result, title);
        await events.RecordTakenAsync(Actor, SecurityEventKinds.Export, $"安全审计记录（{result.Items.Count} 条）", null, fileName, ct);
        return File(content, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName);
    }

    /// <summary>The filters in words, for the export's title.</summary>
    public string Describe()
    {
        string?[] parts =
        [
            Kind.Chinese(),
            string.IsNullOrWhiteSpace(UserName) ? null : $"用户：{UserName.Trim()}",
            string.IsNullOrWhiteSpace(Address) ? null : $"地址：{Address.Trim()}",
            From is null && To is null ? null : $"日期：{From?.ToString("yyyy-MM-dd") ?? "不限"} 至 {To?.ToString("yyyy-MM-dd") ?? "不限"}",
            string.IsNullOrWhiteSpace(Text) ? null : $"关键词：{Text.Trim()}",
        ];
        return string.Join("，", parts.OfType<string>());
    }

    /// <summary>The current filters on another page (or the export), for links.</summary>
    public string Link(int page, string? handler = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["kind"] = Kind.ToString(),
            ["user"] = UserName,
            ["address"] = Address,
            ["from"] = From?.ToString("yyyy-MM-dd"),
            ["to"] = To?.ToString("yyyy-MM-dd"),
            ["text"] = Text,
            ["page"] = handler is null ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
            ["handler"] = handler,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/Admin/AuditTrail", query.Where(kv => !string.IsNullOrWhiteSpace(kv.Value)));
    }

    private SearchAuditTrail.Query Search(int page, int pageSize) => new(Kind, UserName, Address, From, To, Text, page, pageSize);
}
