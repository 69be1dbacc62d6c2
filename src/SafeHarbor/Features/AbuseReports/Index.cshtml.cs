using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Web;
using SafeHarbor.Organisation;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.AbuseReports;

/// <summary>
/// 举报核查 (Art. 10): reports that flexible enforcement was used as cover, recorded against a person and/or a
/// case by 局机关纪委 or 驻局纪检监察组, concluded by 局机关纪委; a substantiated one excludes exemption.
/// </summary>
public sealed class IndexModel(PageServices services) : PageModel
{
    public sealed class ReportInput
    {
        public Guid? PersonId { get; set; }
        public Guid? CaseId { get; set; }
        public AbuseKind Kind { get; set; } = AbuseKind.Extortion;
        public string? Description { get; set; }
        public DateOnly? ReceivedOn { get; set; }
    }

    public sealed class ConclusionInput
    {
        public bool? Substantiated { get; set; }
        public string? Conclusion { get; set; }
    }

    public sealed record CaseOption(Guid Id, string Number, string Title);

    public sealed record PersonOption(Guid Id, string Name, string Post, string UnitName);

    [BindProperty(SupportsGet = true)] public AbuseReportStatus? Status { get; set; }

    /// <summary>Prefill of the form, e.g. from a case page.</summary>
    [BindProperty(SupportsGet = true)] public Guid? CaseId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? PersonId { get; set; }

    [BindProperty] public ReportInput Input { get; set; } = new();
    [BindProperty] public ConclusionInput Conclude { get; set; } = new();

    /// <summary>The report whose conclusion form answered with a refusal (opened again).</summary>
    public Guid? ConcludingId { get; private set; }

    public IReadOnlyList<AbuseReportView> Reports { get; private set; } = [];
    public IReadOnlyList<CaseOption> Cases { get; private set; } = [];
    public IReadOnlyList<PersonOption> Persons { get; private set; } = [];
    public bool CanConclude { get; private set; }
    /// <summary>The exclusion of the policy in force that abuse reports serve (131号: 第十条), quoted on the page; null when it has none.</summary>
    public PolicyItem? Article { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = services.Actor;
        if (!AbuseReportAccess.MayView(actor))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        Input.ReceivedOn = ChinaClock.Today(services.Time);
        Input.CaseId = CaseId;
        Input.PersonId = PersonId;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var actor = services.Actor;
        try
        {
            await RecordAbuseReport.HandleAsync(new RecordAbuseReport.RecordRequest(Input.PersonId, Input.CaseId, Input.Kind, Input.Description, Input.ReceivedOn),
                actor, services.Runner, ct);
            TempData["Notice"] = "已登记举报，待局机关纪委核查。";
            return Redirect("/AbuseReports");
        }
        catch (DomainException e) when (e.Kind is ErrorKind.Invalid or ErrorKind.Conflict)
        {
            ModelState.AddDomainErrors(e);
            await LoadAsync(ct);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostConcludeAsync(Guid id, CancellationToken ct)
    {
        var actor = services.Actor;
        try
        {
            if (Conclude.Substantiated is null)
            {
                throw new DomainException(ErrorKind.Invalid, "validation-failed", "提交的内容有误：请选择核查结论（查实或查否）。",
                    new Dictionary<string, string[]> { ["substantiated"] = ["请选择核查结论（查实或查否）。"] });
            }
            var view = await ConcludeAbuseReport.HandleAsync(id, new ConcludeAbuseReport.ConcludeRequest(Conclude.Substantiated.Value, Conclude.Conclusion), actor, services.Runner, ct);
            TempData["Notice"] = view.Status == AbuseReportStatus.Substantiated
                ? $"已登记核查结论：查实。{(view.CaseNumber is { } n ? $"案件 {n} 的容错免责建议将列明该情形（第十条）。" : "该人员的容错免责建议将列明该情形（第十条）。")}"
                : "已登记核查结论：查否。";
            return Redirect("/AbuseReports");
        }
        catch (DomainException e) when (e.Kind is ErrorKind.Invalid or ErrorKind.Conflict)
        {
            ModelState.AddDomainErrors(e, prefix: "Conclude");
            ConcludingId = id;
            await LoadAsync(ct);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var actor = services.Actor;
        CanConclude = AbuseReportAccess.MayConclude(actor);
        Reports = await ListAbuseReports.HandleAsync(services.Db, new ListAbuseReports.ListFilter(Status), ct);
        Cases = await services.Db.Cases.AsNoTracking().Where(CaseAccess.VisibleTo(actor)).OrderByDescending(c => c.Number)
            .Select(c => new CaseOption(c.Id, c.Number, c.Title)).ToListAsync(ct);
        var units = await services.Db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => (u.Name, u.SortOrder), ct);
        Persons = (await services.Db.Persons.AsNoTracking().ToListAsync(ct))
            .OrderBy(p => units.GetValueOrDefault(p.UnitId).SortOrder).ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new PersonOption(p.Id, p.Name, p.Post, units.GetValueOrDefault(p.UnitId).Name ?? "")).ToList();
        Article = services.Policies.InForceOrLatest(ChinaClock.Today(services.Time)).Exclusions.FirstOrDefault(x => x.Rule == "Art10NoAbuseAsCover");
    }

    public static string StatusClass(AbuseReportStatus status) => status switch
    {
        AbuseReportStatus.Substantiated => "text-bg-danger",
        AbuseReportStatus.Unsubstantiated => "text-bg-secondary",
        _ => "text-bg-warning",
    };
}
