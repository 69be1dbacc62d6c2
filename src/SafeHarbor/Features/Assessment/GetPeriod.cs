using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Assessment;

/// <summary>One period: who is assessed, scores, deductions, grades and each unit's excellent places (personnel section only).</summary>
public static class GetPeriod
{
    public static async Task<AssessmentQueries.PeriodView> HandleAsync(Guid id, Actor actor, SafeHarborDb db, CancellationToken ct)
    {
        AssessmentAccess.RequirePersonnel(actor);
        return await AssessmentQueries.PeriodAsync(db, id, ct);
    }
}
