using SafeHarbor.Cases;
using SafeHarbor.Features.Eligibility;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Verification;

/// <summary>The written report and its recommendation; a verified exclusion (Art. 4, Art. 10) rules out recommending exemption.</summary>
public static class SubmitReport
{
    public sealed record ReportInput(string? Text, Outcome Recommendation);

    public static Task<CaseSnapshot> HandleAsync(Guid caseId, int? version, ReportInput request, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.OnCaseAsync(actor, caseId, version, CaseAction.SubmitReport, async (ctx, c, policy) =>
        {
            var verified = await CaseAdvice.ForAsync(ctx.Db, c, policy, AdviceStage.Verified, ct);
            c.SubmitReport(request.Text, request.Recommendation, verified, actor, policy, ctx.Now);
        }, ct);
}
