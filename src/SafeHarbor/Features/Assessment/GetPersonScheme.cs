using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Assessment;

/// <summary>The scheme that assesses a person now (refused when none or several apply equally); personnel section only.</summary>
public static class GetPersonScheme
{
    public static async Task<Schemes.SchemeView> HandleAsync(Guid personId, Actor actor, SafeHarborDb db, PolicyCatalog policies, CancellationToken ct)
    {
        AssessmentAccess.RequirePersonnel(actor);
        var person = await db.Persons.FindAsync([personId], ct) ?? throw DomainException.NotFound("person-not-found", "人员不存在。");
        var scheme = await Schemes.ForPersonAsync(db, person, ct);
        return await GetScheme.HandleAsync(scheme.Id, actor, db, policies, ct);
    }
}
