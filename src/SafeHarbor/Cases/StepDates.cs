namespace SafeHarbor.Cases;

/// <summary>
/// The date rules of the procedure (Art. 5–6). A dated step is checked against the step it follows, and no
/// step is dated after today: a meeting may be scheduled ahead, but nothing is decided before its date
/// arrives, and the determination carries the meeting's date. Each refusal names the date it conflicts with.
/// </summary>
[Article("6")]
public static class StepDates
{
    private static readonly Dictionary<CaseAction, string> Rules = new()
    {
        [CaseAction.Register] = "启动问责程序日期不晚于今天",
        [CaseAction.Schedule] = "会议日期不早于书面调查报告日期（可提前安排）",
        [CaseAction.Vote] = "会议日期已到（今天不早于会议日期）",
        [CaseAction.RecordShowOfHands] = "会议日期已到（今天不早于会议日期）",
        [CaseAction.Decide] = "会议日期已到；认定日期 = 会议日期",
        [CaseAction.IssueFeedback] = "反馈日期 = 今天，不早于认定日期",
        [CaseAction.RecordDelivery] = "送达日期不早于反馈日期、不晚于今天",
        [CaseAction.Publish] = "公开日期不早于认定日期、不晚于今天",
    };

    public static string? Describe(CaseAction action) => Rules.GetValueOrDefault(action);

    /// <summary>A meeting's agenda takes only cases whose report is dated on or before the meeting.</summary>
    public static void EnsureScheduleDate(DateOnly meetingOn, DateOnly reportOn) =>
        Refuse(meetingOn < reportOn, ErrorKind.Conflict, "meeting-before-report", "heldOn",
            $"会议日期（{meetingOn:yyyy-MM-dd}）早于书面调查报告日期（{reportOn:yyyy-MM-dd}），该案件不能列入此次会议议题。");

    /// <summary>Attendance, votes and the determination are recorded on or after the meeting's date, never ahead of it.</summary>
    public static void EnsureMeetingHeld(DateOnly meetingOn, DateOnly today, string what) =>
        Refuse(today < meetingOn, ErrorKind.Conflict, "meeting-not-held", "heldOn",
            $"会议日期为 {meetingOn:yyyy-MM-dd}，今天（{today:yyyy-MM-dd}）会议尚未召开，不能{what}。");

    /// <summary>A date entered for a step, when given: not before the step it follows, not after today.</summary>
    public static Validation RequireDateBetween(this Validation v, DateOnly? date, DateOnly earliest, string earliestName, DateOnly today, string field, string label) =>
        date is not { } d
            ? v
            : v.Require(d >= earliest, field, $"{label}（{d:yyyy-MM-dd}）不能早于{earliestName}（{earliest:yyyy-MM-dd}）。")
                .Require(d <= today, field, $"{label}（{d:yyyy-MM-dd}）不能晚于今天（{today:yyyy-MM-dd}）。");

    private static void Refuse(bool wrong, ErrorKind kind, string code, string field, string message)
    {
        if (wrong)
        {
            throw new DomainException(kind, code, message, new Dictionary<string, string[]> { [field] = [message] });
        }
    }
}
