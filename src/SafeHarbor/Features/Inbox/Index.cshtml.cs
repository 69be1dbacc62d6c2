using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Features.ProvisionalDeadlines;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;
using SafeHarbor.Reminders;

namespace SafeHarbor.Features.Inbox;

public sealed class IndexModel(
    Actor actor, SafeHarborDb db, CommandRunner runner, PolicyCatalog policies, WorkingDayCalendar calendar, TimeProvider time, IEnumerable<IInboxContributor> contributors) : PageModel
{
    public InboxQuery.View Inbox { get; private set; } = new([], [], []);
    public IReadOnlyList<OtherTodo> Other { get; private set; } = [];
    public bool IsAdministrator { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        IsAdministrator = Infrastructure.Web.WebUi.IsAdministrator(actor);
        var today = ChinaClock.Today(time);
        Inbox = await InboxQuery.ForAsync(actor, db, policies, calendar, today, ct);
        var other = new List<OtherTodo>();
        foreach (var contributor in contributors)
        {
            other.AddRange(await contributor.ForAsync(actor, today, ct));
        }
        Other = other.OrderBy(o => o.Deadline?.IsOverdue == true ? 0 : 1).ThenBy(o => o.Deadline?.Deadline ?? DateOnly.MaxValue).ToList();
    }

    /// <summary>A notice that only needed reading (a deadline that moved) leaves 待办.</summary>
    public async Task<IActionResult> OnPostDismissNoticeAsync(Guid noticeId, CancellationToken ct)
    {
        await DismissDeadlineNotice.HandleAsync(noticeId, actor, runner, ct);
        return Redirect("/");
    }
}
