using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Verification;

/// <summary>The applicant hands in the material asked for; it answers every open supplement request.</summary>
public static class SubmitSupplement
{
    public sealed record SupplementInput(string? Text);

    public static Task<CaseSnapshot> HandleAsync(Guid caseId, int? version, SupplementInput request, Actor actor, CommandRunner runner, CancellationToken ct) =>
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
}
