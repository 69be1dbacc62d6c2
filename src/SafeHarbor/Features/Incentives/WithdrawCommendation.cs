using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Incentives;

/// <summary>Withdraws (撤销) a commendation recorded in error (人事科): it stays on record with the reason and counts nowhere.</summary>
public static class WithdrawCommendation
{
    /// <summary>Why the commendation is withdrawn: required, it stays with the record.</summary>
    public sealed record Request(string? Reason);

    public static Task<IncentiveQueries.CommendationView> HandleAsync(Guid id, int? expectedVersion, Request r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            RecordCommendation.RequireDuty(actor);
            var commendation = await IncentiveRules.LoadOpenAsync<Commendation>(ctx, id, expectedVersion, Commendation.Noun, ct);
            var reason = IncentiveRules.RequireReason(r.Reason);
            commendation.Withdraw(ctx.Today, ctx.Actor.UserId, reason);
            var view = (await IncentiveQueries.CommendationViewsAsync(ctx.Db, [commendation], ct))[0];
            ctx.Audit("WithdrawCommendation", nameof(Commendation), commendation.Id.ToString(), null, IncentiveAccess.ActingAs(actor),
                new { kind = view.KindName, recipient = view.RecipientName, commendation.Title, awardedOn = commendation.AwardedOn, reason });
            return view;
        }, ct);
}
