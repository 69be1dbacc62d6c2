using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Verification;

/// <summary>Verifies again, with a reason: the report is withdrawn (kept in the audit) and the findings may be corrected.</summary>
public static class ReopenVerification
{
    public sealed record ReopenInput(string? Reason);

    public static Task<CaseSnapshot> HandleAsync(Guid caseId, int? version, ReopenInput request, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.OnCaseAsync(actor, caseId, version, CaseAction.ReopenVerification, (ctx, c, policy) =>
        {
            c.ReopenVerification(request.Reason, actor, policy, ctx.Now);
            return Task.CompletedTask;
        }, ct);
}
