using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Applications;

/// <summary>An application made after a provisional deadline: 局机关纪委 accepts or refuses it, with a reason.</summary>
public static class DecideLateApplication
{
    /// <param name="Accept">true: 受理; false: 不予受理.</param>
    public sealed record LateApplicationDecision(bool Accept, string? Reason);

    public static Task<CaseSnapshot> HandleAsync(Guid caseId, int? expectedVersion, LateApplicationDecision request, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.OnCaseAsync(actor, caseId, expectedVersion, request.Accept ? CaseAction.AcceptApplication : CaseAction.RefuseApplication, (ctx, c, policy) =>
        {
            c.DecideLateApplication(request.Accept, request.Reason, actor, policy, ctx.Now);
            return Task.CompletedTask;
        }, ct);
}
