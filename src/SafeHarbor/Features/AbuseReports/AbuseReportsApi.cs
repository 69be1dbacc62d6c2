using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Organisation;
using SafeHarbor.Reminders;

namespace SafeHarbor.Features.AbuseReports;

/// <summary>Art. 10: reports recorded against persons and cases; a substantiated one excludes exemption.</summary>
[Article("10")]
public static class AbuseReportsApi
{
    public sealed record RecordRequest(Guid? PersonId, Guid? CaseId, AbuseKind Kind, string? Description, DateOnly? ReceivedOn);

    public sealed record ConcludeRequest(bool Substantiated, string? Conclusion);

    public sealed record AbuseReportView(
        Guid Id, Guid? PersonId, string? PersonName, Guid? CaseId, string? CaseNumber, AbuseKind Kind, string KindName,
        string Description, DateOnly ReceivedOn, AbuseReportStatus Status, string StatusName, string? Conclusion, DateOnly? ConcludedOn);

    public static IServiceCollection AddAbuseReports(this IServiceCollection services) =>
        services.AddScoped<IInboxContributor, AbuseReportTodos>();

    public static IEndpointRouteBuilder MapAbuseReports(this IEndpointRouteBuilder app)
    {
        // Roles are checked on the actor loaded from the database (a role taken away counts at once), with a Chinese refusal.
        var group = app.MapGroup("/api/abuse-reports").WithTags("滥用举报（第十条）").RequireAuthorization()
            .AddEndpointFilter(async (context, next) =>
                MayView(context.HttpContext.RequestServices.GetRequiredService<Actor>())
                    ? await next(context)
                    : throw NotAllowed());
        group.MapGet("/", (AbuseReportStatus? status, Guid? personId, Guid? caseId, SafeHarborDb db, CancellationToken ct) =>
                ListAsync(db, new ListFilter(status, personId, caseId), ct))
            .WithSummary("举报列表")
            .WithDescription("status：Open（核查中）、Substantiated（查实）、Unsubstantiated（查否）；personId、caseId 按被举报人员或案件筛选。");
        group.MapGet("/{id:guid}", (Guid id, SafeHarborDb db, CancellationToken ct) => GetAsync(db, id, ct)).WithSummary("举报详情");
        group.MapPost("/", async (RecordRequest r, Actor actor, CommandRunner runner, CancellationToken ct) =>
            Results.Ok(await RecordAsync(r, actor, runner, ct))).WithSummary("登记举报（局机关纪委、驻局纪检监察组）");
        group.MapPost("/{id:guid}/conclusion", async (Guid id, ConcludeRequest r, Actor actor, CommandRunner runner, CancellationToken ct) =>
            Results.Ok(await ConcludeAsync(id, r, actor, runner, ct))).WithSummary("登记核查结论（查实 / 查否，局机关纪委）");
        return app;
    }

    public sealed record ListFilter(AbuseReportStatus? Status = null, Guid? PersonId = null, Guid? CaseId = null);

    /// <summary>局机关纪委 investigates the reports; 驻局纪检监察组 supervises and may record them too.</summary>
    public static bool MayView(Actor actor) => actor.Has(Role.Investigator) || actor.Has(Role.GuidanceGroup);

    public static bool MayConclude(Actor actor) => actor.Has(Role.Investigator);

    public static DomainException NotAllowed() =>
        DomainException.Forbidden("not-your-duty", "滥用柔性执法的举报由局机关纪委核查，驻局纪检监察组监督，其他人员不能查看或登记。");

    public static async Task<IReadOnlyList<AbuseReportView>> ListAsync(SafeHarborDb db, ListFilter filter, CancellationToken ct)
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
        return await ViewsAsync(db, reports, ct);
    }

    public static async Task<AbuseReportView> GetAsync(SafeHarborDb db, Guid id, CancellationToken ct)
    {
        var report = await db.Set<AbuseReport>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct)
            ?? throw DomainException.NotFound("report-not-found", "找不到该举报。");
        return (await ViewsAsync(db, [report], ct))[0];
    }

    public static Task<AbuseReportView> RecordAsync(RecordRequest r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            if (!MayView(actor))
            {
                throw NotAllowed();
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
            ctx.Audit("RecordAbuseReport", nameof(AbuseReport), report.Id.ToString(), r.CaseId, ActingAs(actor),
                new { kind = r.Kind.Chinese(), r.PersonId, report.Description });
            return (await ViewsAsync(ctx.Db, [report], ct))[0];
        }, ct);

    public static Task<AbuseReportView> ConcludeAsync(Guid id, ConcludeRequest r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            if (!MayConclude(actor))
            {
                throw DomainException.Forbidden("not-your-duty", "举报核查结论由局机关纪委登记。");
            }
            new Validation().RequireText(r.Conclusion, "conclusion", "核查结论", 3000).ThrowIfInvalid();
            var report = await ctx.Db.Set<AbuseReport>().SingleOrDefaultAsync(x => x.Id == id, ct)
                ?? throw DomainException.NotFound("report-not-found", "找不到该举报。");
            report.Conclude(r.Substantiated, r.Conclusion!.Trim(), actor.UserId, ctx.Today);
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
