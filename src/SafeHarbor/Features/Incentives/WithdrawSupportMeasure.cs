using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Incentives;

/// <summary>Withdraws (撤销) a support measure recorded in error (人事科): it stays on record with the reason and counts nowhere.</summary>
public static class WithdrawSupportMeasure
{
    /// <summary>Why the measure is withdrawn: required, it stays with the record.</summary>
    public sealed record Request(string? Reason);

    public static Task<IncentiveQueries.SupportMeasureView> HandleAsync(Guid id, int? expectedVersion, Request r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            RecordSupportMeasure.RequireDuty(actor);
            var measure = await IncentiveRules.LoadOpenAsync<SupportMeasure>(ctx, id, expectedVersion, SupportMeasure.Noun, ct);
            var reason = IncentiveRules.RequireReason(r.Reason);
            measure.Withdraw(ctx.Today, ctx.Actor.UserId, reason);
            var view = (await IncentiveQueries.SupportMeasureViewsAsync(ctx.Db, [measure], ct))[0];
            ctx.Audit("WithdrawSupportMeasure", nameof(SupportMeasure), measure.Id.ToString(), null, IncentiveAccess.ActingAs(actor),
                new { measure.Kind, recipient = view.RecipientName, providedOn = measure.ProvidedOn, reason });
            return view;
        }, ct);
}
