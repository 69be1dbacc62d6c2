using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Applications;

/// <summary>The applicant withdraws the application before the determination.</summary>
public static class WithdrawApplication
{
    public sealed record WithdrawRequest(string? Reason);

    public static Task<CaseSnapshot> HandleAsync(Guid caseId, int? expectedVersion, WithdrawRequest request, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.OnCaseAsync(actor, caseId, expectedVersion, CaseAction.Withdraw, (ctx, c, policy) =>
        {
            c.Withdraw(request.Reason, actor, policy, ctx.Now);
            return Task.CompletedTask;
        }, ct);
}
