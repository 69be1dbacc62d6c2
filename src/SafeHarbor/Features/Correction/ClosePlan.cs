using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Correction;

/// <summary>Closes the plan (验收销号) when every measure is done and followed up, with a summary of the evidence.</summary>
public static class ClosePlan
{
    public sealed record Request(string? Summary);

    /// <summary>Answers the plan's new version.</summary>
    public static Task<int> HandleAsync(Guid caseId, int? expectedVersion, Request r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            var c = await CorrectionAccess.LoadCaseAsync(ctx.Db, actor, caseId, ct);
            var policy = ctx.PolicyOf(c);
            var actingAs = CorrectionAccess.Require(c, actor, policy, CorrectionAccess.Recorders, "验收销号整改方案");
            var plan = await CorrectionAccess.LoadOpenPlanAsync(ctx.Db, c.Id, expectedVersion, ct);
            plan.Close(r.Summary, ctx.Today);
            ctx.Audit("CloseRectificationPlan", nameof(RectificationPlan), plan.Id.ToString(), c.Id, actingAs, new
            {
                step = "整改验收销号（第八条）", plan.ClosedOn, plan.ClosureSummary, measures = plan.Measures.Count, checks = plan.Checks.Count,
            });
            return plan.Version;
        }, ct);
}
