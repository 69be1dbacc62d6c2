using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Verification;

/// <summary>The kind of error and the work item: what Art. 7 compares (同一工作、同一问题) and Art. 9 analyses.</summary>
public static class ClassifyError
{
    public sealed record ErrorKindInput(string? ErrorKind, string? WorkItem = null);

    public static Task<CaseSnapshot> HandleAsync(Guid caseId, int? version, ErrorKindInput request, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.OnCaseAsync(actor, caseId, version, CaseAction.ClassifyError, (ctx, c, policy) =>
        {
            c.ClassifyError(request.ErrorKind, request.WorkItem, actor, policy, ctx.Now);
            return Task.CompletedTask;
        }, ct);
}
