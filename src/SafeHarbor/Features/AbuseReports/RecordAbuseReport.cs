using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.AbuseReports;

/// <summary>Records a report of abuse of the exemption (Art. 10) against a person, a case, or both.</summary>
public static class RecordAbuseReport
{
    public sealed record RecordRequest(Guid? PersonId, Guid? CaseId, AbuseKind Kind, string? Description, DateOnly? ReceivedOn);

    public static Task<AbuseReportView> HandleAsync(RecordRequest r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            if (!AbuseReportAccess.MayView(actor))
            {
                throw AbuseReportAccess.NotAllowed();
            }
            var v = new Validation()
                .Require(r.PersonId is not null || r.CaseId is not null, "personId", "请指明被举报的人员或案件。")
                .Require(Enum.IsDefined(r.Kind), "kind", "举报类型不正确。")
                .RequireText(r.Description, "description", "举报内容", 3000)
                .Require(r.ReceivedOn is null || r.ReceivedOn <= ctx.Today, "receivedOn", "收到日期不能晚于今天。");
            if (r.PersonId is { } pid)
            {
                v.Require(await ctx.Db.Persons.AnyAsync(p => p.Id == pid, ct), "personId", "被举报人员不存在。");
            }
            if (r.CaseId is { } cid)
            {
                v.Require(await ctx.Db.Cases.AnyAsync(c => c.Id == cid, ct), "caseId", "案件不存在。");
            }
            v.ThrowIfInvalid();
            var report = new AbuseReport
            {
                Id = Guid.NewGuid(),
                PersonId = r.PersonId,
                CaseId = r.CaseId,
                Kind = r.Kind,
                Description = r.Description!.Trim(),
                ReceivedOn = r.ReceivedOn ?? ctx.Today,
                RecordedBy = actor.UserId,
            };
            ctx.Db.Add(report);
            ctx.Audit("RecordAbuseReport", nameof(AbuseReport), report.Id.ToString(), r.CaseId, AbuseReportAccess.ActingAs(actor),
                new { kind = r.Kind.Chinese(), r.PersonId, report.Description });
            return (await AbuseReportView.ManyAsync(ctx.Db, [report], ct))[0];
        }, ct);
}
