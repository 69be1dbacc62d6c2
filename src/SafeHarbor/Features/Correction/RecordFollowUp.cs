using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Correction;

/// <summary>Art. 8 跟踪监督落实: a follow-up check of the plan by 局机关纪委 or the office.</summary>
public static class RecordFollowUp
{
    public sealed record Request(DateOnly? CheckedOn, string? Finding, bool? Satisfactory);

    /// <summary>Answers the plan's new version.</summary>
    public static Task<int> HandleAsync(Guid caseId, int? expectedVersion, Request r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            var c = await CorrectionAccess.LoadCaseAsync(ctx.Db, actor, caseId, ct);
            var policy = ctx.PolicyOf(c);
            var actingAs = CorrectionAccess.Require(c, actor, policy, CorrectionAccess.FollowUps, "跟踪检查整改落实情况");
            var plan = await CorrectionAccess.LoadOpenPlanAsync(ctx.Db, c.Id, expectedVersion, ct);
            new Validation()
                .Require(r.CheckedOn is not null, "checkedOn", "请填写检查日期。")
                .RequireDateBetween(r.CheckedOn, plan.CreatedOn, "整改方案制定日期", ctx.Today, "checkedOn", "检查日期")
                .RequireText(r.Finding, "finding", "检查发现", 3000)
                .Require(r.Satisfactory is not null, "satisfactory", "请选择检查结论（整改到位 / 尚未到位）。")
                .ThrowIfInvalid();

            var check = new FollowUpCheck
            {
                CheckedOn = r.CheckedOn!.Value,
                CheckedBy = actor.UserId,
                CheckerName = actor.DisplayName,
                Finding = r.Finding!.Trim(),
                Satisfactory = r.Satisfactory!.Value,
            };
            plan.Checks.Add(check);
            plan.Version++;
            ctx.Audit("RecordFollowUpCheck", nameof(RectificationPlan), plan.Id.ToString(), c.Id, actingAs, new
            {
                step = "跟踪检查（第八条）", check.CheckedOn, check.Finding, conclusion = check.Satisfactory ? "整改到位" : "尚未到位",
            });
            return plan.Version;
        }, ct);
}
