using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Correction;

/// <summary>The owner of a measure reports it done, with the evidence of what was done.</summary>
public static class CompleteMeasure
{
    public sealed record Request(string? Evidence);

    /// <summary>
    /// Only the owner reports their own measure. The owner need not otherwise see the case (a colleague
    /// given a measure): the measure is theirs. Anyone else who cannot see the case gets 404.
    /// </summary>
    public static Task<int> HandleAsync(Guid caseId, Guid measureId, int? expectedVersion, Request r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            var plan = await ctx.Db.Set<RectificationPlan>().SingleOrDefaultAsync(p => p.CaseId == caseId, ct);
            var measure = plan?.Measures.FirstOrDefault(m => m.Id == measureId);
            var owns = measure is not null && actor.PersonId is { } me && measure.OwnerPersonId == me;
            if (!owns)
            {
                var visible = await ctx.Db.Cases.AsNoTracking().Where(CaseAccess.VisibleTo(actor)).AnyAsync(x => x.Id == caseId, ct);
                if (!visible)
                {
                    throw DomainException.NotFound("case-not-found", "找不到该案件，或您无权查看。");
                }
                if (measure is null)
                {
                    throw DomainException.NotFound("measure-not-found", "找不到该整改措施。");
                }
                throw DomainException.Forbidden("not-measure-owner", $"该项整改措施的责任人是{measure.OwnerName}，只有责任人本人可以登记完成情况。");
            }
            CorrectionRules.EnsureOpen(plan!);
            CorrectionRules.EnsureVersion(plan!, expectedVersion);
            measure!.Complete(r.Evidence, ctx.Today);
            plan!.Version++;
            ctx.Audit("CompleteRectificationMeasure", nameof(RectificationPlan), plan.Id.ToString(), caseId, "整改措施责任人", new
            {
                step = "整改措施完成（第八条）", measure = measure.Text, owner = measure.OwnerName, measure.DueOn, measure.DoneOn, measure.Evidence,
                late = measure.DoneOn > measure.DueOn,
            });
            return plan.Version;
        }, ct);
}
