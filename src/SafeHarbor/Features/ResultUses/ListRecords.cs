using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Organisation;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.ResultUses;

/// <summary>The result records of a person or a unit (or all), newest determination first.</summary>
public static class ListRecords
{
    public static async Task<IReadOnlyList<ResultUseQueries.RecordView>> HandleAsync(Guid? personId, Guid? unitId, SafeHarborDb db, PolicyCatalog policies, CancellationToken ct)
    {
        var query = db.Set<ResultRecord>().AsNoTracking();
        if (personId is not null)
        {
            query = query.Where(r => r.PersonId == personId);
        }
        if (unitId is not null)
        {
            query = query.Where(r => r.UnitId == unitId);
        }
        var records = await query.ToListAsync(ct);
        return records.InArticleOrder(policies).OrderByDescending(r => r.DecidedOn).ThenBy(r => r.CaseNumber, StringComparer.Ordinal)
            .Select(r => ResultUseQueries.View(r, policies)).ToList();
    }
}
