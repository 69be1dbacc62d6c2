using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Profiles;

/// <summary>
/// 个人档案 (Art. 11–13): one person's matters and their outcome and uses, the correction, assessments and care
/// and incentive records. 403 unless <see cref="ProfileAccess.MayView"/> (the page filter answers the refusal).
/// </summary>
public sealed class ProfileModel(Actor actor, SafeHarborDb db, PolicyCatalog policies, WorkingDayCalendar calendar, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid PersonId { get; set; }

    public GetProfile.PersonProfile Profile { get; private set; } = null!;

    /// <summary>The reader may open /ResultUses (and the cadre review).</summary>
    public bool MayQueryResultUses { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Profile = await GetProfile.HandleAsync(db, policies, calendar, PersonId, actor, ChinaClock.Today(time), ct);
        MayQueryResultUses = Features.ResultUses.ResultUseAccess.MayQuery(actor);
        return Page();
    }
}
