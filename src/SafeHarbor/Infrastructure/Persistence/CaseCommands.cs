using SafeHarbor.Cases;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Infrastructure.Persistence;

public static class CaseCommands
{
    /// <summary>
    /// Runs a command on one case the actor may see. Refusals come in the order a user understands:
    /// a stale version, then a step the procedure does not allow now (409) or a duty the user does not
    /// hold (403), and only then the request's own content (400). Answers the case's new state.
    /// </summary>
    public static Task<CaseSnapshot> OnCaseAsync(
        this CommandRunner runner,
        Actor actor,
        Guid caseId,
        int? expectedVersion,
        CaseAction action,
        Func<CommandContext, Case, PolicyVersion, Task> change,
        CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            var c = await ctx.LoadCaseAsync(caseId, expectedVersion, ct);
            var policy = ctx.PolicyOf(c);
            c.EnsureAllowed(action, actor, policy);
            await change(ctx, c, policy);
            return CaseSnapshot.Of(c);
        }, ct);
}
