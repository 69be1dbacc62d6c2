using SafeHarbor.Cases;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Infrastructure.Persistence;

public static class CaseCommands
{
    /// <summary>Runs a command on one case the actor may see, refusing a stale version, and answers the case's new state.</summary>
    public static Task<CaseSnapshot> OnCaseAsync(
        this CommandRunner runner,
        Actor actor,
        Guid caseId,
        int? expectedVersion,
        Func<CommandContext, Case, PolicyVersion, Task> change,
        CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            var c = await ctx.LoadCaseAsync(caseId, expectedVersion, ct);
            await change(ctx, c, ctx.PolicyOf(c));
            return CaseSnapshot.Of(c);
        }, ct);
}
