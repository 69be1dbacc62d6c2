using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Assessment;

/// <summary>Records a deduction with its reason and, optionally, the accountability matter; refused for a matter an exemption protects (Art. 11).</summary>
public static class AddDeduction
{
    public sealed record Request(decimal? Points, string? Reason, Guid? CaseId);

    public static Task<Guid> HandleAsync(Guid id, int? expectedVersion, Request r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            var (a, period, scheme, person) = await Assessments.LoadAsync(ctx, id, expectedVersion, ct);
            new Validation()
                .Require(r.Points is > 0 and <= 100 && decimal.Round(r.Points.Value, 2) == r.Points, "points", "扣分须大于 0、不超过 100，最多两位小数。")
                .RequireText(r.Reason, "reason", "扣分事由", 1000)
                .ThrowIfInvalid();
            Case? matter = null;
            if (r.CaseId is { } caseId)
            {
                matter = await ctx.Db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, ct);
                new Validation()
                    .Require(matter is not null, "caseId", "所选问责事项不存在。")
                    .Require(matter is null || matter.SubjectPersonIds.Contains(a.PersonId), "caseId", $"{person}不是事项 {matter?.Number} 的问责对象，不能以该事项扣分。")
                    .ThrowIfInvalid();
                await Assessments.RefuseIfProtectedAsync(ctx.Db, ctx.Policies, a.PersonId, person, matter!, scheme, ct);
            }
            // No Id here: EF generates the key of an owned row it has not seen; a key set by hand would be taken for an existing row.
            var deduction = new Deduction
            {
                Points = r.Points!.Value,
                Reason = r.Reason!.Trim(),
                CaseId = matter?.Id,
                RecordedBy = actor.UserId,
                RecordedOn = ctx.Today,
            };
            a.Deductions.Add(deduction);
            Assessments.Recompute(a);
            Assessments.RequireNonNegative(a);
            Assessments.Changed(a);
            // Not tied to the case: personnel records stay out of the case timeline and its archive.
            ctx.Audit("AddAssessmentDeduction", nameof(PersonAssessment), $"{period.Name} {person}", null, AssessmentAccess.ActingAs,
                new { points = deduction.Points, deduction.Reason, matter = matter?.Number, a.Total });
            return a.Id;
        }, ct);
}
