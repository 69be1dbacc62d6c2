using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Web;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Prevention;

/// <summary>警示提醒: the list with each unit's acknowledgement, and the form to issue one (optionally for a risk point).</summary>
public sealed class WarningListModel(PageServices services) : PageModel
{
    public sealed class WarningInput
    {
        public string? Title { get; set; }
        public string? Text { get; set; }
        public List<Guid> UnitIds { get; set; } = [];
        public Guid? RiskPointId { get; set; }
    }

    /// <summary>Prefill from a risk point of the register.</summary>
    [BindProperty(SupportsGet = true)] public Guid? RiskPointId { get; set; }

    [BindProperty] public WarningInput Input { get; set; } = new();

    public IReadOnlyList<Features.Prevention.Warnings.View> List { get; private set; } = [];
    public IReadOnlyList<RiskPoints.View> RiskPointList { get; private set; } = [];
    public IReadOnlyList<Unit> Units { get; private set; } = [];
    public bool CanIssue { get; private set; }
    public bool SeesAll { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = services.Actor;
        if (!PreventionAccess.SeesAllWarnings(actor) && !actor.IsLeader)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        await LoadAsync(ct);
        if (CanIssue && RiskPointId is { } id && RiskPointList.FirstOrDefault(r => r.Id == id) is { } rp)
        {
            Input = new WarningInput
            {
                Title = $"关于{rp.Title}的警示提醒",
                // Not the risk point's description: it may name matters of other units, which the recipients do not read.
                Text = $"经局党组研究分析，{rp.BusinessField}领域{(rp.ErrorKind is { } kind ? $"“{kind}”类" : "")}问题在{string.Join("、", rp.Units.Select(u => u.Name))}多次出现，" +
                    $"已列为易错风险点“{rp.Title}”。请各单位负责人组织对照检查本单位同类问题，举一反三，落实以下防范措施，防止类似错误和问题重复发生：\n{rp.Measures}",
                UnitIds = rp.Units.Select(u => u.Id).ToList(),
                RiskPointId = rp.Id,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var actor = services.Actor;
        try
        {
            var view = await IssueWarning.HandleAsync(
                new IssueWarning.Request(Input.Title, Input.Text, Input.UnitIds, Input.RiskPointId), actor, services.Runner, ct);
            TempData["Notice"] = $"已向{string.Join("、", view.Recipients.Select(r => r.UnitName))}下发警示提醒，待各单位负责人签收。";
            return Redirect($"/Prevention/Warnings/{view.Id}");
        }
        catch (DomainException e) when (e.Kind is ErrorKind.Invalid or ErrorKind.Conflict)
        {
            ModelState.AddDomainErrors(e);
            await LoadAsync(ct);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var actor = services.Actor;
        SeesAll = PreventionAccess.SeesAllWarnings(actor);
        CanIssue = PreventionAccess.MayRecord(actor, services.Policies.InForceOrLatest(ChinaClock.Today(services.Time)));
        List = await ListWarnings.HandleAsync(actor, services.Db, ct);
        if (CanIssue)
        {
            RiskPointList = await ListRiskPoints.HandleAsync(actor, services.Db, ct);
            Units = await services.Db.Units.AsNoTracking().OrderBy(u => u.SortOrder).ThenBy(u => u.Name).ToListAsync(ct);
        }
    }
}
