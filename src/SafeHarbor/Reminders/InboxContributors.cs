using SafeHarbor.Cases;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Reminders;

/// <summary>A to-do that is not a procedure step on a case (an overdue rectification measure, a warning to acknowledge …).</summary>
/// <param name="DismissNoticeId">A notice the person only needs to read (a deadline that moved): 待办 offers to dismiss it.</param>
public sealed record OtherTodo(string Category, string Title, string Link, string ActionName, DeadlineStatus? Deadline, string? DeadlineLabel, Guid? DismissNoticeId = null);

/// <summary>A feature that puts work of its own into users' 待办.</summary>
public interface IInboxContributor
{
    Task<IReadOnlyList<OtherTodo>> ForAsync(Actor actor, DateOnly today, CancellationToken ct);
}
