using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Web;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Determination;

/// <summary>Party-group meetings: the list, a new meeting, and the cases waiting to be put on an agenda.</summary>
public sealed class IndexModel(PageServices services) : PageModel
{
    public sealed class NewMeetingInput
    {
        public string? Title { get; set; }
        public DateOnly? HeldOn { get; set; }
        public string? Place { get; set; } = "局机关会议室";
    }

    [BindProperty] public NewMeetingInput Input { get; set; } = new();

    public IReadOnlyList<ListMeetings.MeetingSummary> Meetings { get; private set; } = [];
    public IReadOnlyList<Case> Waiting { get; private set; } = [];
    public bool IsSecretariat { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        Input.HeldOn = ChinaClock.Today(services.Time);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var actor = services.Actor;
        try
        {
            var id = await OpenMeeting.HandleAsync(new OpenMeeting.OpenRequest(Input.Title, Input.HeldOn, Input.Place, null), actor, services.Runner, ct);
            TempData["Notice"] = "会议已召开，请登记出席情况。";
            return Redirect($"/Meetings/{id}");
        }
        catch (DomainException e) when (e.Kind is ErrorKind.Invalid or ErrorKind.Conflict or ErrorKind.Forbidden)
        {
            ModelState.AddDomainErrors(e);
            await LoadAsync(ct);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var actor = services.Actor;
        if (!actor.SeesAllCases)
        {
            return false;
        }
        var policy = services.Policies.InForceOn(ChinaClock.Today(services.Time));
        IsSecretariat = policy.RolesFor(Duty.Secretariat).Any(actor.Has);
        Meetings = (await services.Db.Set<Meeting>().AsNoTracking().ToListAsync(ct))
            .OrderByDescending(m => m.HeldOn).ThenByDescending(m => m.Title)
            .Select(m => new ListMeetings.MeetingSummary(m.Id, m.Title, m.HeldOn, m.Status, m.Agenda.Count)).ToList();
        Waiting = await services.Db.Cases.AsNoTracking().Where(c => c.Status == CaseStatus.Reported).OrderBy(c => c.Number).ToListAsync(ct);
        return true;
    }
}
