using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Incentives;

/// <summary>A person's care and incentive records, for their profile.</summary>
public static class GetPersonIncentives
{
    /// <summary>
    /// A person's talks, commendations and support measures, for their profile page. Refused (403) unless the
    /// actor may read the person's records; the person themself sees their talks as date and talker only.
    /// </summary>
    public static async Task<IncentiveQueries.PersonIncentives> HandleAsync(SafeHarborDb db, Guid personId, Actor actor, CancellationToken ct = default)
    {
        var person = await (from p in db.Persons.AsNoTracking()
                            join u in db.Units.AsNoTracking() on p.UnitId equals u.Id
                            where p.Id == personId
                            select new { p.Id, p.Name, p.UnitId, UnitName = u.Name }).SingleOrDefaultAsync(ct)
            ?? throw DomainException.NotFound("person-not-found", "找不到该人员。");
        if (!IncentiveAccess.MayReadPerson(actor, person.Id, person.UnitId))
        {
            throw DomainException.Forbidden("not-allowed", "您无权查看该人员的关爱激励记录。");
        }
        var filter = new IncentiveQueries.Filter(PersonId: personId);
        return new IncentiveQueries.PersonIncentives(
            person.Id, person.Name, person.UnitId, person.UnitName,
            await ListHeartTalks.HandleAsync(db, actor, filter, ct),
            await ListCommendations.HandleAsync(db, actor, filter, ct),
            await ListSupportMeasures.HandleAsync(db, actor, filter, ct));
    }
}
