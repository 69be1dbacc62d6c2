using Microsoft.EntityFrameworkCore;
using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Features.Eligibility;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Web;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Verification;

/// <summary>Art. 5(2): verification by 局机关纪委, guidance from 驻局纪检监察组, supplementary material, the written report.</summary>
[Article("5(2)")]
public static class VerificationApi
{
    public sealed record FindingRequest(Verdict Verdict, string? Note);

    public sealed record FindingsRequest(IReadOnlyList<FindingEntry>? Findings);

    /// <param name="Verdict">Met: not a repeat; NotMet: a repeat of <paramref name="EarlierCase"/>; NeedsJudgement: for the party group to weigh.</param>
    /// <param name="EarlierCase">The earlier exempted case's number (e.g. 2025-0003); required for NotMet.</param>
    public sealed record RepeatFindingRequest(Verdict Verdict, string? Note, string? EarlierCase);

    public sealed record GuidanceRequestInput(string? Question);

    public sealed record ErrorKindInput(string? ErrorKind, string? WorkItem = null);

    public sealed record GuidanceReplyInput(string? Reply);

    public sealed record SupplementRequestInput(string? Items, int? WorkingDays);

    public sealed record SupplementInput(string? Text);

    public sealed record ReportInput(string? Text, Outcome Recommendation);

    public sealed record ReopenInput(string? Reason);

    public static IEndpointRouteBuilder MapVerification(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases/{caseId:guid}").WithTags("调查核实").RequireAuthorization();
        group.MapPost("/verification/start", (Guid caseId, HttpContext http, Actor actor, CommandRunner runner, CancellationToken ct) =>
            Run(http, StartAsync(caseId, HttpVersioning.ExpectedVersion(http.Request), actor, runner, ct)))
            .WithSummary("开始调查核实");
        group.MapPut("/error-kind", (Guid caseId, ErrorKindInput request, HttpContext http, Actor actor, CommandRunner runner, CancellationToken ct) =>
            Run(http, ClassifyErrorAsync(caseId, HttpVersioning.ExpectedVersion(http.Request), request.ErrorKind, request.WorkItem, actor, runner, ct)))
            .WithSummary("确定失误类型和工作事项（第七条比对“同一工作、同一问题”，第九条防错分析）");
        group.MapPut("/findings/repeat", (Guid caseId, RepeatFindingRequest request, HttpContext http, Actor actor, CommandRunner runner, CancellationToken ct) =>
            Run(http, RecordRepeatFindingAsync(caseId, HttpVersioning.ExpectedVersion(http.Request), request, actor, runner, ct)))
            .WithSummary("记录第七条重复失误的核实意见（不符合即属重复失误，须写明前案编号；前案须为同一问责对象已予容错免责的案件）");
        group.MapPut("/findings/{itemCode}", (Guid caseId, string itemCode, FindingRequest request, HttpContext http, Actor actor, CommandRunner runner, CancellationToken ct) =>
            Run(http, RecordFindingAsync(caseId, HttpVersioning.ExpectedVersion(http.Request), itemCode, request, actor, runner, ct)))
            .WithSummary("记录对某项条件或排除情形的核实意见（符合 / 不符合 / 需研判）");
        group.MapPut("/findings", (Guid caseId, FindingsRequest request, HttpContext http, Actor actor, CommandRunner runner, CancellationToken ct) =>
            Run(http, RecordFindingsAsync(caseId, HttpVersioning.ExpectedVersion(http.Request), request.Findings ?? [], actor, runner, ct)))
            .WithSummary("一次记录多项核实意见（逐项校验，有误则一项也不记录；未选结论且未填说明的项保持未核实）");
        group.MapPost("/guidance-requests", (Guid caseId, GuidanceRequestInput request, HttpContext http, Actor actor, CommandRunner runner, CancellationToken ct) =>
            Run(http, RequestGuidanceAsync(caseId, HttpVersioning.ExpectedVersion(http.Request), request, actor, runner, ct)))
            .WithSummary("申请驻局纪检监察组指导");
        group.MapPost("/guidance-requests/{requestId:guid}/reply", (Guid caseId, Guid requestId, GuidanceReplyInput request, HttpContext http, Actor actor, CommandRunner runner, CancellationToken ct) =>
            Run(http, ReplyGuidanceAsync(caseId, HttpVersioning.ExpectedVersion(http.Request), requestId, request, actor, runner, ct)))
            .WithSummary("驻局纪检监察组反馈指导意见");
        group.MapPost("/supplement-requests", (Guid caseId, SupplementRequestInput request, HttpContext http, Actor actor, CommandRunner runner, WorkingDayCalendar calendar, CancellationToken ct) =>
            Run(http, RequestSupplementAsync(caseId, HttpVersioning.ExpectedVersion(http.Request), request, actor, runner, calendar, ct)))
            .WithSummary("通知申请方补充材料（期限按工作日计）");
        group.MapPost("/supplements", (Guid caseId, SupplementInput request, HttpContext http, Actor actor, CommandRunner runner, CancellationToken ct) =>
            Run(http, SubmitSupplementAsync(caseId, HttpVersioning.ExpectedVersion(http.Request), request, actor, runner, ct)))
            .WithSummary("申请方提交补充材料");
        group.MapPost("/verification/report", (Guid caseId, ReportInput request, HttpContext http, Actor actor, CommandRunner runner, CancellationToken ct) =>
            Run(http, SubmitReportAsync(caseId, HttpVersioning.ExpectedVersion(http.Request), request, actor, runner, ct)))
            .WithSummary("提交书面调查报告和建议")
            .WithDescription("经核实存在排除情形（第四条、第十条）时，不能建议予以容错免责（409 exclusion-binds）。");
        group.MapPost("/verification/reopen", (Guid caseId, ReopenInput request, HttpContext http, Actor actor, CommandRunner runner, CancellationToken ct) =>
            Run(http, ReopenAsync(caseId, HttpVersioning.ExpectedVersion(http.Request), request, actor, runner, ct)))
            .WithSummary("重新核实：说明理由，原报告作废（记入审计），可更正核实意见");
        return app;
    }

    private static async Task<IResult> Run(HttpContext http, Task<CaseSnapshot> command) =>
        HttpVersioning.WithVersion(await command, http);

    public static Task<CaseSnapshot> StartAsync(Guid caseId, int? version, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.OnCaseAsync(actor, caseId, version, CaseAction.StartVerification, (ctx, c, policy) =>
        {
            c.StartVerification(actor, policy, ctx.Now);
            return Task.CompletedTask;
        }, ct);

    public static Task<CaseSnapshot> RecordFindingAsync(Guid caseId, int? version, string itemCode, FindingRequest request, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.OnCaseAsync(actor, caseId, version, CaseAction.RecordFinding, (ctx, c, policy) =>
        {
            c.RecordFinding(itemCode, request.Verdict, request.Note, actor, policy, ctx.Now);
            return Task.CompletedTask;
        }, ct);

    public static Task<CaseSnapshot> RecordRepeatFindingAsync(Guid caseId, int? version, RepeatFindingRequest request, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.OnCaseAsync(actor, caseId, version, CaseAction.RecordFinding, async (ctx, c, policy) =>
        {
            var note = request.Note?.Trim();
            var number = request.EarlierCase?.Trim();
            if (!string.IsNullOrEmpty(number))
            {
                var persons = c.SubjectPersonIds.ToList();
                var units = c.SubjectUnitIds.ToList();
                var earlier = await ctx.Db.Cases.AsNoTracking().SingleOrDefaultAsync(e => e.Number == number && e.Id != c.Id, ct);
                var exemptedOfSameSubject = earlier is { Decision.Outcome: Outcome.Exempted }
                    && earlier.Subjects.Any(s => (s.PersonId is { } p && persons.Contains(p)) || (s.Kind == SubjectKind.Unit && s.UnitId is { } u && units.Contains(u)));
                new Validation()
                    .Require(earlier is not null, "earlierCase", $"找不到案件 {number}。")
                    .Require(earlier is null || exemptedOfSameSubject, "earlierCase", $"案件 {number} 不是本案问责对象已予容错免责的案件，不能作为重复失误的前案。")
                    .ThrowIfInvalid();
                var named = $"与案件 {earlier!.Number}“{earlier.Title}”";
                note = request.Verdict switch
                {
                    Verdict.Met => $"{named}不属同一工作、同一问题。{note}",
                    Verdict.NotMet => $"{named}属同一工作、同一问题上重复出现失误。{note}",
                    _ => $"{named}是否属同一工作、同一问题，需集体研判。{note}",
                };
            }
            else
            {
                new Validation().Require(request.Verdict != Verdict.NotMet, "earlierCase", "认定属重复失误的，请写明前案的案件编号。").ThrowIfInvalid();
            }
            c.RecordFinding(PolicyVersion.RepeatCode, request.Verdict, note, actor, policy, ctx.Now);
        }, ct);

    public static Task<CaseSnapshot> RecordFindingsAsync(Guid caseId, int? version, IReadOnlyList<FindingEntry> findings, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.OnCaseAsync(actor, caseId, version, CaseAction.RecordFinding, (ctx, c, policy) =>
        {
            c.RecordFindings(findings, actor, policy, ctx.Now);
            return Task.CompletedTask;
        }, ct);

    public static Task<CaseSnapshot> ClassifyErrorAsync(Guid caseId, int? version, string? errorKind, string? workItem, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.OnCaseAsync(actor, caseId, version, CaseAction.ClassifyError, (ctx, c, policy) =>
        {
            c.ClassifyError(errorKind, workItem, actor, policy, ctx.Now);
            return Task.CompletedTask;
        }, ct);

    public static Task<CaseSnapshot> RequestGuidanceAsync(Guid caseId, int? version, GuidanceRequestInput request, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.OnCaseAsync(actor, caseId, version, CaseAction.RequestGuidance, (ctx, c, policy) =>
        {
            new Validation().RequireText(request.Question, "question", "请求指导的问题", 3000).ThrowIfInvalid();
            var guidance = new GuidanceRequest
            {
                Id = Guid.NewGuid(), CaseId = c.Id, Question = request.Question!.Trim(), RequestedOn = ctx.Today, RequestedBy = actor.UserId,
            };
            c.Record(CaseAction.RequestGuidance, actor, policy, ctx.Now, new Dictionary<string, object?>
            {
                ["requestId"] = guidance.Id, ["question"] = guidance.Question, ["requestedOn"] = ctx.Today, ["to"] = policy.BodyFor(Duty.Guide),
            });
            ctx.Db.Add(guidance);
            return Task.CompletedTask;
        }, ct);

    public static Task<CaseSnapshot> ReplyGuidanceAsync(Guid caseId, int? version, Guid requestId, GuidanceReplyInput request, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.OnCaseAsync(actor, caseId, version, CaseAction.ReplyGuidance, async (ctx, c, policy) =>
        {
            new Validation().RequireText(request.Reply, "reply", "指导意见", 5000).ThrowIfInvalid();
            var guidance = await ctx.Db.Set<GuidanceRequest>().SingleOrDefaultAsync(g => g.Id == requestId && g.CaseId == c.Id, ct)
                ?? throw DomainException.NotFound("guidance-request-not-found", "找不到该指导请求。");
            if (guidance.Reply is not null)
            {
                throw DomainException.Conflict("guidance-replied", $"该指导请求已于 {guidance.RepliedOn:yyyy-MM-dd} 反馈意见。");
            }
            c.Record(CaseAction.ReplyGuidance, actor, policy, ctx.Now, new Dictionary<string, object?>
            {
                ["requestId"] = guidance.Id, ["reply"] = request.Reply!.Trim(), ["repliedOn"] = ctx.Today,
            });
            guidance.Reply = request.Reply.Trim();
            guidance.RepliedOn = ctx.Today;
            guidance.RepliedBy = actor.UserId;
        }, ct);

    public static Task<CaseSnapshot> RequestSupplementAsync(Guid caseId, int? version, SupplementRequestInput request, Actor actor, CommandRunner runner, WorkingDayCalendar calendar, CancellationToken ct) =>
        runner.OnCaseAsync(actor, caseId, version, CaseAction.RequestSupplement, (ctx, c, policy) =>
        {
            var days = request.WorkingDays ?? 5;
            new Validation().Require(days is >= 1 and <= 30, "workingDays", "补充材料期限应为 1 至 30 个工作日。").ThrowIfInvalid();
            var due = calendar.AddWorkingDays(ctx.Today, days);
            c.RequestSupplement(due, request.Items ?? "", actor, policy, ctx.Now, ctx.Today);
            ctx.Db.Add(new SupplementRequest
            {
                Id = Guid.NewGuid(), CaseId = c.Id, Items = request.Items!.Trim(), RequestedOn = ctx.Today, WorkingDays = days,
                DueOn = due.Date, DueProvisionalReason = due.ProvisionalReason, RequestedBy = actor.UserId,
            });
            return Task.CompletedTask;
        }, ct);

    public static Task<CaseSnapshot> SubmitSupplementAsync(Guid caseId, int? version, SupplementInput request, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.OnCaseAsync(actor, caseId, version, CaseAction.SubmitSupplement, async (ctx, c, policy) =>
        {
            c.SubmitSupplement(request.Text, actor, policy, ctx.Now);
            var open = await ctx.Db.Set<SupplementRequest>().Where(s => s.CaseId == c.Id && s.Answer == null).ToListAsync(ct);
            foreach (var s in open)
            {
                s.Answer = request.Text!.Trim();
                s.AnsweredOn = ctx.Today;
            }
        }, ct);

    public static Task<CaseSnapshot> SubmitReportAsync(Guid caseId, int? version, ReportInput request, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.OnCaseAsync(actor, caseId, version, CaseAction.SubmitReport, async (ctx, c, policy) =>
        {
            var verified = await CaseAdvice.ForAsync(ctx.Db, c, policy, AdviceStage.Verified, ct);
            c.SubmitReport(request.Text, request.Recommendation, verified, actor, policy, ctx.Now);
        }, ct);

    public static Task<CaseSnapshot> ReopenAsync(Guid caseId, int? version, ReopenInput request, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.OnCaseAsync(actor, caseId, version, CaseAction.ReopenVerification, (ctx, c, policy) =>
        {
            c.ReopenVerification(request.Reason, actor, policy, ctx.Now);
            return Task.CompletedTask;
        }, ct);
}
