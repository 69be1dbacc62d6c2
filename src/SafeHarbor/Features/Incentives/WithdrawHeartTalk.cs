using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Incentives;

/// <summary>Withdraws (撤销) a talk recorded in error: it stays on record with the reason and counts nowhere.</summary>
public static class WithdrawHeartTalk
{
    /// <summary>Why the talk is withdrawn: required, it stays with the record.</summary>
    public sealed record Request(string? Reason);

    public static Task<IncentiveQueries.TalkView> HandleAsync(Guid id, int? expectedVersion, Request r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            RecordHeartTalk.RequireDuty(actor);
            var (talk, person) = await IncentiveRules.LoadTalkAsync(ctx, id, expectedVersion, ct);
            var reason = IncentiveRules.RequireReason(r.Reason);
            talk.Withdraw(ctx.Today, ctx.Actor.UserId, reason);
            ctx.Audit("WithdrawHeartTalk", nameof(HeartTalk), talk.Id.ToString(), null, IncentiveAccess.ActingAs(actor),
                new { person = person.Name, talk.PersonId, heldOn = talk.HeldOn, talker = talk.TalkerName, reason });
            return (await IncentiveQueries.TalkViewsAsync(ctx.Db, actor, [talk], ct))[0];
        }, ct);
}
