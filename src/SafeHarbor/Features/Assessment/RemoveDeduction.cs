using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Assessment;

/// <summary>Withdraws a deduction (If-Match: the assessment's version).</summary>
public static class RemoveDeduction
{
    public static Task<Guid> HandleAsync(Guid id, Guid deductionId, int? expectedVersion, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            var (a, period, _, person) = await Assessments.LoadAsync(ctx, id, expectedVersion, ct);
            var deduction = a.Deductions.SingleOrDefault(d => d.Id == deductionId)
                ?? throw DomainException.NotFound("deduction-not-found", "该扣分记录不存在。");
            a.Deductions.Remove(deduction);
            Assessments.Recompute(a);
            Assessments.Changed(a);
            ctx.Audit("RemoveAssessmentDeduction", nameof(PersonAssessment), $"{period.Name} {person}", null, AssessmentAccess.ActingAs,
                new { points = deduction.Points, deduction.Reason, matter = deduction.CaseId, a.Total });
            return a.Id;
        }, ct);
}
