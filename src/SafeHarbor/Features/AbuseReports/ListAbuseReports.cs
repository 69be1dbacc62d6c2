using Microsoft.EntityFrameworkCore;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.AbuseReports;

/// <summary>The reports, open ones first, then newest received; filtered by status, person or case.</summary>
public static class ListAbuseReports
{
    public sealed record ListFilter(AbuseReportStatus? Status = null, Guid? PersonId = null, Guid? CaseId = null);

    public static async Task<IReadOnlyList<AbuseReportView>> HandleAsync(SafeHarborDb db, ListFilter filter, CancellationToken ct)
    {
        var query = db.Set<AbuseReport>().AsNoTracking();
        if (filter.Status is { } status)
        {
            query = query.Where(r => r.Status == status);
        }
        if (filter.PersonId is { } person)
        {
            query = query.Where(r => r.PersonId == person);
        }
        if (filter.CaseId is { } c)
        {
            query = query.Where(r => r.CaseId == c);
        }
        var reports = (await query.ToListAsync(ct))
            .OrderBy(r => r.Status == AbuseReportStatus.Open ? 0 : 1).ThenByDescending(r => r.ReceivedOn).ThenByDescending(r => r.ConcludedOn).ToList();
        return await AbuseReportView.ManyAsync(db, reports, ct);
    }
}
