using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Assessment;

/// <summary>A person's accountability matters and what protects each from deductions under the uses of the scheme that assesses them (the deduction form's choices).</summary>
public static class ListMatters
{
    public static async Task<IReadOnlyList<AssessmentQueries.MatterOption>> HandleAsync(Guid personId, Actor actor, SafeHarborDb db, CancellationToken ct)
    {
        AssessmentAccess.RequirePersonnel(actor);
        var person = await db.Persons.FindAsync([personId], ct) ?? throw DomainException.NotFound("person-not-found", "人员不存在。");
        return await AssessmentQueries.MattersAsync(db, personId, await Schemes.ProtectingUsesAsync(db, person, ct), ct);
    }
}
