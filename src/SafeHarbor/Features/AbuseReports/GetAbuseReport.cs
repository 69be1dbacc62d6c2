using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.AbuseReports;

public static class GetAbuseReport
{
    public static async Task<AbuseReportView> HandleAsync(SafeHarborDb db, Guid id, CancellationToken ct)
    {
        var report = await db.Set<AbuseReport>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct)
            ?? throw DomainException.NotFound("report-not-found", "找不到该举报。");
        return (await AbuseReportView.ManyAsync(db, [report], ct))[0];
    }
}
