using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Web;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Prevention;

/// <summary>风险点台账: the register, and the form 局党组成员 and 局办公室 record with (from a flag, prefilled, or directly).</summary>
public sealed class RiskPointsModel(PageServices services) : PageModel
{
    public sealed class RiskPointInput
    {
        public string? Title { get; set; }
        public string? Description { get; set; }
        public string? BusinessField { get; set; }
        public string? ErrorKind { get; set; }
        public List<Guid> UnitIds { get; set; } = [];
        public string? Measures { get; set; }
        public DateOnly? IdentifiedOn { get; set; }

        public RecordRiskPoint.Request ToRequest() =>
            new(Title, Description, BusinessField, string.IsNullOrWhiteSpace(ErrorKind) ? null : ErrorKind, UnitIds, Measures, IdentifiedOn);
    }

    /// <summary>Prefill from a flag of the analysis.</summary>
    [BindProperty(SupportsGet = true)] public Guid? ThresholdId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Value { get; set; }

    /// <summary>The risk point being edited.</summary>
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }

    [BindProperty] public RiskPointInput Input { get; set; } = new();

    public IReadOnlyList<RiskPoints.View> Register { get; private set; } = [];
    public IReadOnlyList<Unit> Units { get; private set; } = [];
    public bool CanRecord { get; private set; }

    /// <summary>Where the form's content came from, in words.</summary>
    public string? PrefilledFrom { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = services.Actor;
        if (!PreventionAccess.MayViewAnalysis(actor))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        await LoadAsync(ct);
        var today = ChinaClock.Today(services.Time);
        Input.IdentifiedOn = today;
        if (!CanRecord)
        {
            return Page();
        }
        if (Id is { } id)
        {
            var r = await GetRiskPoint.HandleAsync(id, actor, services.Db, ct);
            Input = new RiskPointInput
            {
                Title = r.Title, Description = r.Description, BusinessField = r.BusinessField, ErrorKind = r.ErrorKind,
                UnitIds = r.Units.Select(u => u.Id).ToList(), Measures = r.Measures, IdentifiedOn = r.IdentifiedOn,
            };
        }
        else if (ThresholdId is { } thresholdId && !string.IsNullOrEmpty(Value))
        {
            try
            {
                var draft = await DraftRiskPoint.HandleAsync(thresholdId, Value, actor, services.Db, services.Policies, today, ct);
                Input = new RiskPointInput
                {
                    Title = draft.Title, Description = draft.Description, BusinessField = draft.BusinessField, ErrorKind = draft.ErrorKind,
                    UnitIds = draft.Units.Select(u => u.Id).ToList(), Measures = draft.Measures, IdentifiedOn = today,
                };
                PrefilledFrom = $"已按预警情形“{PreventionAnalysis.Label(await DimensionAsync(thresholdId, ct), Value)}”预填，请研究分析后补充问题症结和防范措施。";
            }
            catch (DomainException e) when (e.Kind == ErrorKind.NotFound)
            {
                ModelState.AddModelError(string.Empty, e.Message);
            }
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var actor = services.Actor;
        if (!PreventionAccess.MayViewAnalysis(actor))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        try
        {
            if (Id is { } id)
            {
                await UpdateRiskPoint.HandleAsync(id, Input.ToRequest(), actor, services.Runner, ct);
                TempData["Notice"] = "已修改风险点。";
            }
            else
            {
                var view = await RecordRiskPoint.HandleAsync(Input.ToRequest(), actor, services.Runner, ct);
                TempData["Notice"] = $"已登记风险点“{view.Title}”。可据此向有关单位下发警示提醒。";
            }
            return Redirect("/Prevention/RiskPoints");
        }
        catch (DomainException e) when (e.Kind is ErrorKind.Invalid or ErrorKind.Conflict)
        {
            ModelState.AddDomainErrors(e);
            await LoadAsync(ct);
            return Page();
        }
    }

    private async Task<PreventionDimension> DimensionAsync(Guid thresholdId, CancellationToken ct) =>
        await services.Db.Set<PreventionThreshold>().Where(t => t.Id == thresholdId).Select(t => t.Dimension).SingleAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        var actor = services.Actor;
        CanRecord = PreventionAccess.MayRecord(actor, services.Policies.InForceOrLatest(ChinaClock.Today(services.Time)));
        Register = await ListRiskPoints.HandleAsync(actor, services.Db, ct);
        Units = await services.Db.Units.AsNoTracking().OrderBy(u => u.SortOrder).ThenBy(u => u.Name).ToListAsync(ct);
    }
}
