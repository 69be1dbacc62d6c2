using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Web;

namespace SafeHarbor.Features.Assessment;

/// <summary>考核 (Art. 12): the periods and the schemes the personnel section keeps; a new period.</summary>
public sealed class IndexModel(PageServices services) : PageModel
{
    public sealed class PeriodInput
    {
        public PeriodKind Kind { get; set; } = PeriodKind.Quarterly;
        public int? Year { get; set; }
        public int? Quarter { get; set; }
        public string? Name { get; set; }
    }

    [BindProperty] public PeriodInput Input { get; set; } = new();

    public IReadOnlyList<AssessmentQueries.PeriodSummary> Periods { get; private set; } = [];
    public IReadOnlyList<Schemes.SchemeView> Schemes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        var today = ChinaClock.Today(services.Time);
        Input.Year = today.Year;
        Input.Quarter = (today.Month - 1) / 3 + 1;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        try
        {
            var id = await CreatePeriod.HandleAsync(
                new CreatePeriod.Request(Input.Kind, Input.Year, Input.Kind == PeriodKind.Quarterly ? Input.Quarter : null, Input.Name),
                services.Actor, services.Runner, ct);
            TempData["Notice"] = "考核期已建立，请添加考核人员并评分。";
            return Redirect($"/Assessment/Periods/{id}");
        }
        catch (DomainException e) when (e.Kind is ErrorKind.Invalid or ErrorKind.Conflict)
        {
            ModelState.AddDomainErrors(e);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!AssessmentAccess.IsPersonnel(services.Actor))
        {
            return false;
        }
        Periods = await ListPeriods.HandleAsync(services.Actor, services.Db, ct);
        Schemes = await ListSchemes.HandleAsync(services.Actor, services.Db, services.Policies, ct);
        return true;
    }
}
