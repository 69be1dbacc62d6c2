using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Incentives;

/// <summary>What a person reads of their own care and incentive records (我的关爱激励).</summary>
public static class GetMyIncentives
{
    /// <summary>The signed-in person's own records and their unit's collective ones; 403 for an account that is no person.</summary>
    public static async Task<IncentiveQueries.MyIncentives> HandleAsync(SafeHarborDb db, Actor actor, CancellationToken ct = default)
    {
        if (actor.PersonId is not { } me || actor.UnitId is not { } myUnit)
        {
            throw DomainException.Forbidden("not-a-person", "您的账号未关联人员，没有个人的关爱激励记录。");
        }
        var personal = await GetPersonIncentives.HandleAsync(db, me, actor, ct);
        var unitCommendations = await db.Set<Commendation>().AsNoTracking().Where(c => c.UnitId == myUnit && c.WithdrawnOn == null).ToListAsync(ct);
        var unitSupport = await db.Set<SupportMeasure>().AsNoTracking().Where(s => s.UnitId == myUnit && s.WithdrawnOn == null).ToListAsync(ct);
        return new IncentiveQueries.MyIncentives(
            personal,
            (await IncentiveQueries.CommendationViewsAsync(db, unitCommendations, ct)).OrderByDescending(c => c.AwardedOn).ToList(),
            (await IncentiveQueries.SupportMeasureViewsAsync(db, unitSupport, ct)).OrderByDescending(s => s.ProvidedOn).ToList());
    }
}
