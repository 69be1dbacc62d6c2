using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Verification;

/// <summary>局机关纪委 starts verifying an accepted application.</summary>
public static class StartVerification
{
    public static Task<CaseSnapshot> HandleAsync(Guid caseId, int? version, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.OnCaseAsync(actor, caseId, version, CaseAction.StartVerification, (ctx, c, policy) =>
        {
            c.StartVerification(actor, policy, ctx.Now);
            return Task.CompletedTask;
        }, ct);
}
