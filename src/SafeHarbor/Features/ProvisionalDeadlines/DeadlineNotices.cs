using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Organisation;
using SafeHarbor.Reminders;

namespace SafeHarbor.Features.ProvisionalDeadlines;

/// <summary>
/// Deadlines in 待办 that are about the calendar itself: a person's notice that a deadline moved when a holiday
/// notice arrived (until dismissed), and the system administrator's reminder while next year's notice is missing.
/// </summary>
public sealed class DeadlineNotices(SafeHarborDb db, WorkingDayCalendar calendar) : IInboxContributor
{
    public const string Category = "期限调整";
    public const string CalendarCategory = "节假日安排";

    public sealed record NoticeView(Guid Id, Guid? CaseId, string Text, string Link, DateTimeOffset CreatedAt);

    public async Task<IReadOnlyList<OtherTodo>> ForAsync(Actor actor, DateOnly today, CancellationToken ct)
    {
        var todos = (await ListMyDeadlineNotices.HandleAsync(actor, db, ct))
            .Select(n => new OtherTodo(Category, n.Text, n.Link, "查看", null, null, DismissNoticeId: n.Id))
            .ToList();
        if (actor.Has(Role.SystemAdmin))
        {
            todos.AddRange(calendar.YearsAwaitingNotice(today).Select(year => new OtherTodo(
                CalendarCategory,
                string.Create(CultureInfo.InvariantCulture,
                    $"尚未录入 {year} 年节假日安排。国务院办公厅通知发布后请及时录入；录入前，涉及 {year} 年的期限按法定节假日和周末推算并标注“暂定”，录入后自动重算。"),
                "/Admin/Calendar",
                "录入节假日安排",
                null,
                null)));
        }
        return todos;
    }
}
