using SafeHarbor.Calendar;

namespace SafeHarbor.PolicyRules;

public sealed record DeadlineStatus(DateOnly Deadline, int WorkingDaysLeft, bool IsOverdue, string Description);

public static class Deadlines
{
    /// <summary>The last day to apply (Art. 5(1)): the window counted from the anchor, the start day not counted unless the policy says so.</summary>
    public static DateOnly ApplicationDeadline(ApplicationWindowRule window, DateOnly anchor, WorkingDayCalendar calendar)
    {
        var countFrom = window.StartDayCounted ? anchor.AddDays(-1) : anchor;
        return window.Unit == WindowUnit.WorkingDays
            ? calendar.AddWorkingDays(countFrom, window.Length)
            : countFrom.AddDays(window.Length);
    }

    /// <summary>How a deadline looks from today: working days left after today, or overdue.</summary>
    public static DeadlineStatus Status(DateOnly deadline, DateOnly today, WorkingDayCalendar calendar)
    {
        if (today > deadline)
        {
            return new DeadlineStatus(deadline, 0, true, $"已逾期（期限截至 {deadline:yyyy-MM-dd}）");
        }
        var left = calendar.WorkingDaysBetween(today, deadline);
        var text = today == deadline ? "今日截止" : $"剩余 {left} 个工作日（截至 {deadline:yyyy-MM-dd}）";
        return new DeadlineStatus(deadline, left, false, text);
    }
}
