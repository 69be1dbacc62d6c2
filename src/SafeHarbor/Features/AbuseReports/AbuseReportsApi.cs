using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Security;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.AbuseReports;

/// <summary>Art. 10: reports recorded against persons and cases; a substantiated one excludes exemption.</summary>
public static class AbuseReportsApi
{
    public sealed record RecordRequest(Guid? PersonId, Guid? CaseId, AbuseKind Kind, string? Description, DateOnly? ReceivedOn);

    public sealed record ConcludeRequest(bool Substantiated, string? Conclusion);

    public sealed record AbuseReportView(
        Guid Id, Guid? PersonId, string? PersonName, Guid? CaseId, string? CaseNumber, AbuseKind Kind, string KindName,
        string Description, DateOnly ReceivedOn, AbuseReportStatus Status, string StatusName, string? Conclusion, DateOnly? ConcludedOn);

    public static IEndpointRouteBuilder MapAbuseReports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/abuse-reports").WithTags("滥用举报（第十条）")
            .RequireRoles(Role.Investigator, Role.GuidanceGroup);
        group.MapGet("/", List).WithSummary("举报列表");
        group.MapPost("/", async (RecordRequest r, CurrentActor current, CommandRunner runner, CancellationToken ct) =>
            Results.Ok(await RecordAsync(r, await current.GetAsync(ct), runner, ct))).WithSummary("登记举报");
        group.MapPost("/{id:guid}/conclusion", async (Guid id, ConcludeRequest r, CurrentActor current, CommandRunner runner, CancellationToken ct) =>
            Results.Ok(await ConcludeAsync(id, r, await current.GetAsync(ct), runner, ct))).WithSummary("登记核查结论（查实 / 查否）");
        return app;
    }

    private static async Task<IReadOnlyList<AbuseReportView>> List(SafeHarborDb db, CancellationToken ct)
    {
        var reports = await db.Set<AbuseReport>().AsNoTracking().OrderByDescending(r => r.ReceivedOn).ToListAsync(ct);
        return await ViewsAsync(db, reports, ct);
    }

    public static Task<AbuseReportView> RecordAsync(RecordRequest r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
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
                Status = AbuseReportStatus.Open,
            };
            ctx.Db.Add(report);
            ctx.Audit("RecordAbuseReport", nameof(AbuseReport), report.Id.ToString(), r.CaseId, ActingAs(actor),
                new { kind = r.Kind.Chinese(), r.PersonId, report.Description });
            return (await ViewsAsync(ctx.Db, [report], ct))[0];
        }, ct);

    public static Task<AbuseReportView> ConcludeAsync(Guid id, ConcludeRequest r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            if (!actor.Has(Role.Investigator))
            {
                throw DomainException.Forbidden("not-your-duty", "举报核查结论由局机关纪委登记。");
            }
            new Validation().RequireText(r.Conclusion, "conclusion", "核查结论", 3000).ThrowIfInvalid();
            var report = await ctx.Db.Set<AbuseReport>().SingleOrDefaultAsync(x => x.Id == id, ct)
                ?? throw DomainException.NotFound("report-not-found", "找不到该举报。");
            if (report.Status != AbuseReportStatus.Open)
            {
                throw DomainException.Conflict("report-concluded", $"该举报已于 {report.ConcludedOn:yyyy-MM-dd} 作出结论（{report.Status.Chinese()}）。");
            }
            report.Status = r.Substantiated ? AbuseReportStatus.Substantiated : AbuseReportStatus.Unsubstantiated;
            report.Conclusion = r.Conclusion!.Trim();
            report.ConcludedOn = ctx.Today;
            report.ConcludedBy = actor.UserId;
            ctx.Audit("ConcludeAbuseReport", nameof(AbuseReport), report.Id.ToString(), report.CaseId, ActingAs(actor),
                new { status = report.Status.Chinese(), report.Conclusion });
            return (await ViewsAsync(ctx.Db, [report], ct))[0];
        }, ct);

    private static string ActingAs(Actor actor) =>
        actor.Has(Role.Investigator) ? Role.Investigator.Chinese() : Role.GuidanceGroup.Chinese();

    private static async Task<IReadOnlyList<AbuseReportView>> ViewsAsync(SafeHarborDb db, IReadOnlyList<AbuseReport> reports, CancellationToken ct)
    {
        var personIds = reports.Where(r => r.PersonId is not null).Select(r => r.PersonId!.Value).Distinct().ToList();
        var caseIds = reports.Where(r => r.CaseId is not null).Select(r => r.CaseId!.Value).Distinct().ToList();
        var persons = await db.Persons.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Number, ct);
        return reports.Select(r => new AbuseReportView(
            r.Id, r.PersonId, r.PersonId is { } p ? persons.GetValueOrDefault(p) : null,
            r.CaseId, r.CaseId is { } c ? cases.GetValueOrDefault(c) : null,
            r.Kind, r.Kind.Chinese(), r.Description, r.ReceivedOn, r.Status, r.Status.Chinese(), r.Conclusion, r.ConcludedOn)).ToList();
    }
}
