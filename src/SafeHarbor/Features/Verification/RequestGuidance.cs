using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Verification;

/// <summary>Asks 驻局纪检监察组 for guidance on a question of the verification.</summary>
public static class RequestGuidance
{
    public sealed record GuidanceRequestInput(string? Question);

    public static Task<CaseSnapshot> HandleAsync(Guid caseId, int? version, GuidanceRequestInput request, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.OnCaseAsync(actor, caseId, version, CaseAction.RequestGuidance, (ctx, c, policy) =>
        {
            new Validation().RequireText(request.Question, "question", "请求指导的问题", 3000).ThrowIfInvalid();
            var guidance = new GuidanceRequest
            {
                Id = Guid.NewGuid(), CaseId = c.Id, Question = request.Question!.Trim(), RequestedOn = ctx.Today, RequestedBy = actor.UserId,
            };
            c.Record(CaseAction.RequestGuidance, actor, policy, ctx.Now, new Dictionary<string, object?>
            {
                ["requestId"] = guidance.Id, ["question"] = guidance.Question, ["requestedOn"] = ctx.Today, ["to"] = policy.BodyFor(Duty.Guide),
            });
            ctx.Db.Add(guidance);
            return Task.CompletedTask;
        }, ct);
}
