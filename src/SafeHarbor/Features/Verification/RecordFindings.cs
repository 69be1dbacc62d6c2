using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Verification;

/// <summary>Several findings at once: each checked, none recorded if one is wrong; an item with neither verdict nor note stays unverified.</summary>
public static class RecordFindings
{
    public sealed record FindingsRequest(IReadOnlyList<FindingEntry>? Findings);

    public static Task<CaseSnapshot> HandleAsync(Guid caseId, int? version, FindingsRequest request, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.OnCaseAsync(actor, caseId, version, CaseAction.RecordFinding, (ctx, c, policy) =>
        {
            c.RecordFindings(request.Findings ?? [], actor, policy, ctx.Now);
            return Task.CompletedTask;
        }, ct);
}
