using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Correction;

/// <summary>Where one measure stands from today.</summary>
public enum MeasureState
{
    Open,
    DueSoon,
    Overdue,
    Done,
    DoneLate,
}

/// <summary>How far the correction of one case has come (Art. 8: point out → analyse → rectify → follow up → close).</summary>
public enum CorrectionStage
{
    AwaitingTalkOrLetter,
    AwaitingAnalysis,
    AwaitingPlan,
    Rectifying,
    Closed,
}

/// <summary>
/// The rules of Art. 8 that need no database: which outcomes call for correction, due dates in working
/// days, the state of a measure, when a plan may be closed and what a closed plan refuses.
/// </summary>
public static class CorrectionRules
{
    /// <summary>Longest time a measure may be given, in working days (about half a year).</summary>
    public const int MaxWorkingDays = 120;

    /// <summary>
    /// Art. 8 speaks of units and persons "确定容错免责的"; a mitigated outcome (从轻或减轻处理, Art. 11(5)) is
    /// a determination under the same measures that still found an error, so it is corrected the same way.
    /// </summary>
    public static bool Applies(Outcome? outcome) => outcome is Outcome.Exempted or Outcome.Mitigated;

    /// <summary><see cref="Applies"/> as a query over cases: decided, and exempted or mitigated.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<Case, bool>> CallsForCorrection =
        c => c.Decision != null && (c.Decision.Outcome == Outcome.Exempted || c.Decision.Outcome == Outcome.Mitigated);

    /// <summary>The due date of a measure given <paramref name="workingDays"/> working days from <paramref name="today"/> (today not counted).</summary>
    public static ComputedDate DueOn(DateOnly today, int workingDays, WorkingDayCalendar calendar) =>
        calendar.AddWorkingDays(today, workingDays);

    /// <summary>The deadline as 待办 shows it; none once the measure is done.</summary>
    public static DeadlineStatus? DeadlineOf(RectificationMeasure m, DateOnly today, WorkingDayCalendar calendar) =>
        m.DoneOn is null ? Deadlines.Status(m.Due, today, calendar) : null;

    public static MeasureState StateOf(RectificationMeasure m, DateOnly today, WorkingDayCalendar calendar)
    {
        if (m.DoneOn is { } done)
        {
            return done > m.DueOn ? MeasureState.DoneLate : MeasureState.Done;
        }
        var deadline = Deadlines.Status(m.Due, today, calendar);
        return deadline.IsOverdue ? MeasureState.Overdue : deadline.WorkingDaysLeft <= 2 ? MeasureState.DueSoon : MeasureState.Open;
    }

    public static bool IsOverdue(RectificationMeasure m, DateOnly today) => m.DoneOn is null && today > m.DueOn;

    public static CorrectionStage StageOf(int talks, int letters, bool hasAnalysis, PlanStatus? plan) => plan switch
    {
        PlanStatus.Closed => CorrectionStage.Closed,
        PlanStatus.Open => CorrectionStage.Rectifying,
        _ when talks + letters == 0 => CorrectionStage.AwaitingTalkOrLetter,
        _ when !hasAnalysis => CorrectionStage.AwaitingAnalysis,
        _ => CorrectionStage.AwaitingPlan,
    };

    /// <summary>A closed plan is the record of a finished correction: nothing of it changes any more.</summary>
    public static void EnsureOpen(RectificationPlan plan)
    {
        if (plan.Status == PlanStatus.Closed)
        {
            throw DomainException.Conflict("plan-closed", $"整改方案已于 {plan.ClosedOn:yyyy-MM-dd} 验收销号，只能查阅，不能再修改。");
        }
    }

    /// <summary>A stale version is refused before anything changes.</summary>
    public static void EnsureVersion(RectificationPlan plan, int? expected)
    {
        if (expected is { } v && v != plan.Version)
        {
            throw DomainException.Conflict(
                "concurrency-conflict",
                $"整改方案已被他人修改（您看到的是第 {v} 版，当前为第 {plan.Version} 版），您的操作未保存。请刷新后重新提交。");
        }
    }

    /// <summary>
    /// Why the plan cannot be closed yet, or null. 督促…并跟踪监督落实: every measure done, and a follow-up
    /// check made on or after the day the last measure was done found it satisfactory, with no later
    /// unsatisfactory check.
    /// </summary>
    public static string? WhyNotClosable(RectificationPlan plan)
    {
        if (plan.Status == PlanStatus.Closed)
        {
            return $"整改方案已于 {plan.ClosedOn:yyyy-MM-dd} 验收销号。";
        }
        var open = plan.Measures.Where(m => m.DoneOn is null).ToList();
        if (open.Count > 0)
        {
            return $"还有 {open.Count} 项整改措施未完成（{string.Join("；", open.Select(m => $"{m.OwnerName}：{Shorten(m.Text)}"))}），全部完成后才能销号。";
        }
        var lastDone = plan.Measures.Max(m => m.DoneOn!.Value);
        var satisfactory = plan.Checks.Where(c => c.Satisfactory).Select(c => c.CheckedOn).DefaultIfEmpty(DateOnly.MinValue).Max();
        if (satisfactory < lastDone)
        {
            return $"最后一项措施于 {lastDone:yyyy-MM-dd} 完成，此后尚无结论为“整改到位”的跟踪检查。请先由局机关纪委或局办公室跟踪检查。";
        }
        if (plan.Checks.FirstOrDefault(c => !c.Satisfactory && c.CheckedOn > satisfactory) is { } later)
        {
            return $"{later.CheckedOn:yyyy-MM-dd} 的跟踪检查认为整改尚未到位，请在复查到位后再销号。";
        }
        return null;
    }

    public static string Chinese(this PlanStatus status) => status switch
    {
        PlanStatus.Open => "整改中",
        PlanStatus.Closed => "已验收销号",
        _ => status.ToString(),
    };

    public static string Chinese(this MeasureState state) => state switch
    {
        MeasureState.Open => "进行中",
        MeasureState.DueSoon => "即将到期",
        MeasureState.Overdue => "已逾期",
        MeasureState.Done => "已完成",
        MeasureState.DoneLate => "逾期完成",
        _ => state.ToString(),
    };

    public static string Chinese(this CorrectionStage stage) => stage switch
    {
        CorrectionStage.AwaitingTalkOrLetter => "待谈话或发函提醒",
        CorrectionStage.AwaitingAnalysis => "待分析原因",
        CorrectionStage.AwaitingPlan => "待制定整改措施",
        CorrectionStage.Rectifying => "整改中",
        CorrectionStage.Closed => "已验收销号",
        _ => stage.ToString(),
    };

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";
}
