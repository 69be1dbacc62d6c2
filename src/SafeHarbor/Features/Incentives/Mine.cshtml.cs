using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Incentives;

/// <summary>
/// 我的关爱激励: what anyone reads of their own — their commendations and support measures, those of
/// their unit as a whole, and the talks held with them (date and talker; the record's contents stay with
/// the organisation). An account that is no person (the administrators) is refused.
/// </summary>
public sealed class MineModel(Actor actor, SafeHarborDb db) : PageModel
{
    public IncentiveQueries.MyIncentives Mine { get; private set; } = null!;
    public bool Workspace { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (actor.PersonId is null)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        Mine = await GetMyIncentives.HandleAsync(db, actor, ct);
        Workspace = IncentiveAccess.MayUseWorkspace(actor);
        return Page();
    }
}
