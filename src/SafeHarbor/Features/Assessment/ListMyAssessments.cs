using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Assessment;

/// <summary>The signed-in person's own results, in closed periods only.</summary>
public static class ListMyAssessments
{
    public static async Task<IReadOnlyList<AssessmentQueries.AssessmentView>> HandleAsync(Actor actor, SafeHarborDb db, CancellationToken ct) =>
        actor.PersonId is { } me ? await AssessmentQueries.ForPersonAsync(db, me, includeOpen: false, ct) : [];
}
