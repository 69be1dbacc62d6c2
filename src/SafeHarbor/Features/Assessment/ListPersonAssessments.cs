using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Assessment;

/// <summary>A person's assessments: the personnel section sees every period, the person themselves the closed ones only.</summary>
public static class ListPersonAssessments
{
    public static async Task<IReadOnlyList<AssessmentQueries.AssessmentView>> HandleAsync(Guid personId, Actor actor, SafeHarborDb db, CancellationToken ct)
    {
        AssessmentAccess.RequireMayRead(actor, personId);
        if (!await db.Persons.AnyAsync(p => p.Id == personId, ct))
        {
            throw DomainException.NotFound("person-not-found", "找不到该人员。");
        }
        return await AssessmentQueries.ForPersonAsync(db, personId, includeOpen: AssessmentAccess.IsPersonnel(actor), ct);
    }
}
