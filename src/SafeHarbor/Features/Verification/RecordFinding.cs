using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Verification;

/// <summary>The verifier's finding on one condition or exclusion: met, not met, or for the party group to weigh.</summary>
public static class RecordFinding
{
    public sealed record FindingRequest(Verdict Verdict, string? Note);

    public static Task<CaseSnapshot> HandleAsync(Guid caseId, int? version, string itemCode, FindingRequest request, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.OnCaseAsync(actor, caseId, version, CaseAction.RecordFinding, (ctx, c, policy) =>
        {
            c.RecordFinding(itemCode, request.Verdict, request.Note, actor, policy, ctx.Now);
            return Task.CompletedTask;
        }, ct);
}
