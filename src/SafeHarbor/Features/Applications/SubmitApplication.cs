using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Features.Eligibility;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Applications;

/// <summary>The written application for exemption; one made too late is refused with its reason, or left pending when the deadline is provisional.</summary>
public static class SubmitApplication
{
    public sealed record SubmitRequest(
        SubjectKind ApplicantKind,
        Guid? ApplicantUnitId,
        string? Facts,
        string? EffectAndLosses,
        string? RecoveryMeasures,
        IReadOnlyList<ClaimInput>? Claims);

    public static Task<CaseSnapshot> HandleAsync(Guid caseId, int? expectedVersion, SubmitRequest request, Actor actor, CommandRunner runner, CancellationToken ct) =>
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
}
