using Microsoft.AspNetCore.Mvc.RazorPages;
using SafeHarbor.Calendar;
using SafeHarbor.Features.Inbox;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Security;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Pages;

public sealed class IndexModel(CurrentActor current, SafeHarborDb db, PolicyCatalog policies, WorkingDayCalendar calendar, TimeProvider time) : PageModel
{
    public InboxQuery.View Inbox { get; private set; } = new([], [], []);
    public bool IsAdministrator { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        IsAdministrator = Infrastructure.Web.WebUi.IsAdministrator(actor);
        Inbox = await InboxQuery.ForAsync(actor, db, policies, calendar, ChinaClock.Today(time), ct);
    }
}
