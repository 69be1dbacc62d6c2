using SafeHarbor.Calendar;

namespace SafeHarbor.PolicyRules;

/// <summary>How a deadline looks from today.</summary>
/// <param name="ProvisionalReason">Set when the deadline itself is 暂定 (counted through a year without a holiday notice).</param>
public sealed record DeadlineStatus(DateOnly Deadline, int WorkingDaysLeft, bool IsOverdue, string Description, string? ProvisionalReason = null)
{
    public bool Provisional => ProvisionalReason is not null;

    /// <summary>What is left, without the date (for a page that shows the date beside it).</summary>
    public string Remaining => IsOverdue ? "已逾期" : WorkingDaysLeft == 0 ? "今日截止" : $"剩余 {WorkingDaysLeft} 个工作日";
}

[Article("5(1)")]
public static class Deadlines
{
    /// <summary>The last day to apply (Art. 5(1)): the window counted from the anchor, the start day not counted unless the policy says so.</summary>
    public static ComputedDate ApplicationDeadline(ApplicationWindowRule window, DateOnly anchor, WorkingDayCalendar calendar)
    {
        var countFrom = window.StartDayCounted ? anchor.AddDays(-1) : anchor;
        return window.Unit == WindowUnit.WorkingDays
            ? calendar.AddWorkingDays(countFrom, window.Length)
            : new ComputedDate(countFrom.AddDays(window.Length));
    }

    /// <summary>How a deadline looks from today: working days left after today, or overdue; a provisional deadline says so.</summary>
    public static DeadlineStatus Status(ComputedDate deadline, DateOnly today, WorkingDayCalendar calendar)
    {
        var date = deadline.Date;
        var mark = deadline.Provisional ? "，暂定" : "";
        if (today > date)
        {
            return new DeadlineStatus(date, 0, true, $"已逾期（期限截至 {date:yyyy-MM-dd}{mark}）", deadline.ProvisionalReason);
        }
        var left = calendar.WorkingDaysBetween(today, date);
        var text = today == date ? $"今日截止{(deadline.Provisional ? "（暂定）" : "")}" : $"剩余 {left} 个工作日（截至 {date:yyyy-MM-dd}{mark}）";
        return new DeadlineStatus(date, left, false, text, deadline.ProvisionalReason);
    }

    /// <summary><see cref="Status"/>, or null when the count reaches a year the calendar cannot answer at all.</summary>
    public static DeadlineStatus? TryStatus(ComputedDate deadline, DateOnly today, WorkingDayCalendar calendar)
    {
        try
        {
            return Status(deadline, today, calendar);
        }
        catch (CalendarNotPublishedException)
        {
            return null;
        }
    }
}
