using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.AbuseReports;

/// <summary>局机关纪委 concludes a report: substantiated (it then excludes exemption) or not.</summary>
public static class ConcludeAbuseReport
{
    public sealed record ConcludeRequest(bool Substantiated, string? Conclusion);

    public static Task<AbuseReportView> HandleAsync(Guid id, ConcludeRequest r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            if (!AbuseReportAccess.MayConclude(actor))
            {
                throw DomainException.Forbidden("not-your-duty", "举报核查结论由局机关纪委登记。");
            }
            new Validation().RequireText(r.Conclusion, "conclusion", "核查结论", 3000).ThrowIfInvalid();
            var report = await ctx.Db.Set<AbuseReport>().SingleOrDefaultAsync(x => x.Id == id, ct)
                ?? throw DomainException.NotFound("report-not-found", "找不到该举报。");
            report.Conclude(r.Substantiated, r.Conclusion!.Trim(), actor.UserId, ctx.Today);
            ctx.Audit("ConcludeAbuseReport", nameof(AbuseReport), report.Id.ToString(), report.CaseId, AbuseReportAccess.ActingAs(actor),
                new { status = report.Status.Chinese(), report.Conclusion });
            return (await AbuseReportView.ManyAsync(ctx.Db, [report], ct))[0];
        }, ct);
}
