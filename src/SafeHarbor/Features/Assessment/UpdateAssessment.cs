using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Assessment;

/// <summary>Changes an assessment's scores and comment (If-Match: its version); the grade no longer stands until grades are finalised again.</summary>
public static class UpdateAssessment
{
    public sealed record Request(IReadOnlyList<CreateAssessment.ScoreInput>? Scores, string? Comment);

    public static Task<Guid> HandleAsync(Guid id, int? expectedVersion, Request r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            var (a, period, scheme, person) = await Assessments.LoadAsync(ctx, id, expectedVersion, ct);
            Assessments.ValidateScores(scheme, r.Scores, r.Comment).ThrowIfInvalid();
            var before = new { scores = Assessments.Scores(a, scheme), a.Total, a.Comment };
            Assessments.SetScores(a, r.Scores!);
            a.Comment = Assessments.Clean(r.Comment);
            Assessments.Recompute(a);
            Assessments.RequireNonNegative(a);
            Assessments.Changed(a);
            ctx.Audit("ScorePersonAssessment", nameof(PersonAssessment), $"{period.Name} {person}", null, AssessmentAccess.ActingAs,
                new { before, after = new { scores = Assessments.Scores(a, scheme), a.Total, a.Comment } });
            return a.Id;
        }, ct);
}
