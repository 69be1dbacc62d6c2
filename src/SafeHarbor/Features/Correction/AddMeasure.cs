using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Correction;

/// <summary>A further measure added to an open plan (a follow-up check may find more to do).</summary>
public static class AddMeasure
{
    /// <summary>Answers the plan's new version.</summary>
    public static Task<int> HandleAsync(Guid caseId, int? expectedVersion, CreatePlan.MeasureInput r, Actor actor, CommandRunner runner, WorkingDayCalendar calendar, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            var c = await CorrectionAccess.LoadCaseAsync(ctx.Db, actor, caseId, ct);
            var policy = ctx.PolicyOf(c);
            var actingAs = CorrectionAccess.Require(c, actor, policy, CorrectionAccess.Recorders, "增加整改措施");
            var plan = await CorrectionAccess.LoadOpenPlanAsync(ctx.Db, c.Id, expectedVersion, ct);
            var v = new Validation();
            var measures = await CreatePlan.MeasuresAsync(ctx, [r], "", calendar, v, ct);
            v.ThrowIfInvalid();

            var measure = measures[0];
            // Left without an id: the key is generated when the new row is tracked, so EF inserts it rather than updating.
            plan.Measures.Add(measure);
            plan.Version++;
            ctx.Audit("AddRectificationMeasure", nameof(RectificationPlan), plan.Id.ToString(), c.Id, actingAs, new
            {
                step = "增加整改措施（第八条）", measure.Text, owner = measure.OwnerName, measure.WorkingDays, dueOn = measure.Due.ToString(),
            });
            return plan.Version;
        }, ct);
}
