using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Features.Eligibility;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Web;

namespace SafeHarbor.Features.Applications;

/// <summary>Art. 5(1): the application, and its withdrawal before determination.</summary>
[Article("5(1)")]
public static class ApplicationsApi
{
    public sealed record SubmitRequest(
        SubjectKind ApplicantKind,
        Guid? ApplicantUnitId,
        string? Facts,
        string? EffectAndLosses,
        string? RecoveryMeasures,
        IReadOnlyList<ClaimInput>? Claims);

    public sealed record WithdrawRequest(string? Reason);

    /// <param name="Accept">true: 受理; false: 不予受理.</param>
    public sealed record LateApplicationDecision(bool Accept, string? Reason);

    public static IEndpointRouteBuilder MapApplications(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases/{caseId:guid}").WithTags("申请").RequireAuthorization();
        group.MapPost("/application", async (Guid caseId, SubmitRequest request, HttpContext http, Actor actor, CommandRunner runner, CancellationToken ct) =>
                HttpVersioning.WithVersion(await SubmitAsync(caseId, HttpVersioning.ExpectedVersion(http.Request), request, actor, runner, ct), http))
            .WithSummary("提出容错免责书面申请（逾期的自动不予受理并记录理由；期限为暂定时逾期申请待定，不自动不予受理）");
        group.MapPost("/application/timeliness", async (Guid caseId, LateApplicationDecision request, HttpContext http, Actor actor, CommandRunner runner, CancellationToken ct) =>
                HttpVersioning.WithVersion(await DecideLateAsync(caseId, HttpVersioning.ExpectedVersion(http.Request), request, actor, runner, ct), http))
            .WithSummary("期限暂定时的逾期申请：局机关纪委说明理由决定受理或不予受理（不必等待节假日安排发布）");
        group.MapPost("/withdrawal", async (Guid caseId, WithdrawRequest request, HttpContext http, Actor actor, CommandRunner runner, CancellationToken ct) =>
                HttpVersioning.WithVersion(await WithdrawAsync(caseId, HttpVersioning.ExpectedVersion(http.Request), request, actor, runner, ct), http))
            .WithSummary("认定前撤回申请");
        return app;
    }

    public static Task<CaseSnapshot> SubmitAsync(Guid caseId, int? expectedVersion, SubmitRequest request, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.OnCaseAsync(actor, caseId, expectedVersion, CaseAction.Apply, async (ctx, c, policy) =>
        {
            var unitNames = await ctx.Db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
            var repeats = (await CaseAdvice.FindRepeatsAsync(ctx.Db, c, policy, ct)).Where(r => r.IsRepeat).ToList();
            var repeatOf = repeats.Count == 0
                ? null
                : string.Join("；", repeats.Select(r => $"与案件 {r.CaseNumber}“{r.Title}”属同一工作、同一问题（{r.Explanation}）"));
            c.Apply(new ApplicationInput(request.ApplicantKind, request.ApplicantUnitId, request.Facts, request.EffectAndLosses,
                request.RecoveryMeasures, request.Claims), actor, policy, ctx.Now, ctx.Today, unitNames, repeatOf);
        }, ct);

    public static Task<CaseSnapshot> DecideLateAsync(Guid caseId, int? expectedVersion, LateApplicationDecision request, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.OnCaseAsync(actor, caseId, expectedVersion, request.Accept ? CaseAction.AcceptApplication : CaseAction.RefuseApplication, (ctx, c, policy) =>
        {
            c.DecideLateApplication(request.Accept, request.Reason, actor, policy, ctx.Now);
            return Task.CompletedTask;
        }, ct);

    public static Task<CaseSnapshot> WithdrawAsync(Guid caseId, int? expectedVersion, WithdrawRequest request, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.OnCaseAsync(actor, caseId, expectedVersion, CaseAction.Withdraw, (ctx, c, policy) =>
        {
            c.Withdraw(request.Reason, actor, policy, ctx.Now);
            return Task.CompletedTask;
        }, ct);
}
