using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Feedback;

/// <summary>The written result of the determination, with an explanation for the applicant.</summary>
public static class IssueFeedback
{
    public sealed record IssueRequest(string? ResultText, string? Explanation);

    public static Task<CaseSnapshot> HandleAsync(Guid caseId, int? version, IssueRequest r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.OnCaseAsync(actor, caseId, version, CaseAction.IssueFeedback, (ctx, c, policy) =>
        {
            new Validation()
                .RequireText(r.ResultText, "resultText", "认定结果", 5000)
                .RequireText(r.Explanation, "explanation", "答复解释", 5000)
                .ThrowIfInvalid();
            c.IssueFeedback(actor, policy, ctx.Now, new Dictionary<string, object?> { ["resultText"] = r.ResultText!.Trim(), ["issuedOn"] = ctx.Today });
            ctx.Db.Add(new FeedbackNotice
            {
                CaseId = c.Id, ResultText = r.ResultText.Trim(), Explanation = r.Explanation!.Trim(), IssuedOn = ctx.Today, IssuedBy = actor.UserId,
            });
            return Task.CompletedTask;
        }, ct);
}
