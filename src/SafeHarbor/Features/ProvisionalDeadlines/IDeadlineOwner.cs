using SafeHarbor.Calendar;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.ProvisionalDeadlines;

/// <summary>
/// A feature that stores deadlines counted on the working-day calendar (the application window, a supplement's
/// due date, a rectification measure's due date). When a year's holiday notice arrives, it recomputes those of
/// its deadlines that are 暂定 (<see cref="RecomputeDeadlines"/>).
/// </summary>
public interface IDeadlineOwner
{
    /// <summary>
    /// Recomputes this feature's provisional deadlines on <paramref name="calendar"/>, changing the tracked rows
    /// in <paramref name="context"/>. A deadline still running moves to the recomputed date; for a step already
    /// taken the date it was judged by stays and only the mark goes. Deadlines whose recomputed date and mark are
    /// unchanged are left alone and not returned.
    /// </summary>
    Task<IReadOnlyList<RecomputedDeadline>> RecomputeAsync(CommandContext context, WorkingDayCalendar calendar, CancellationToken ct);
}

/// <summary>One stored deadline that the recomputation changed.</summary>
/// <param name="Kind">What the deadline is for, as users call it (申请期限, 补充材料期限, 整改期限).</param>
/// <param name="Owner">Who must meet it (a case number and title, a measure's owner and text).</param>
/// <param name="Before">The deadline as stored before, with its mark.</param>
/// <param name="After">The deadline as it stands now: moved, or the same date without (or with another) mark.</param>
/// <param name="Recomputed">What the calendar in force gives; differs from <paramref name="After"/> when the step was already taken by the old date.</param>
/// <param name="Settled">What the final deadline decided for a step that was waiting on it (a late application), if anything.</param>
/// <param name="Notify">The persons to tell in their 待办: those who must meet a moved deadline, or whose waiting step was settled.</param>
public sealed record RecomputedDeadline(
    string Kind,
    Guid? CaseId,
    string EntityType,
    string EntityId,
    string Owner,
    ComputedDate Before,
    ComputedDate After,
    ComputedDate Recomputed,
    string? Settled,
    string Link,
    IReadOnlyList<Guid> Notify)
{
    public bool Moved => Before.Date != After.Date;
}
