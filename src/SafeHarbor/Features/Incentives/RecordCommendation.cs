using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Incentives;

/// <summary>Art. 13: records a commendation (平时激励) or special award (专项表彰奖励) with its basis (人事科).</summary>
public static class RecordCommendation
{
    /// <summary>To a person or to a unit, one of the two.</summary>
    public sealed record Request(
        CommendationKind? Kind, Guid? PersonId, Guid? UnitId, string? Title, string? Basis, string? AwardedBy, DateOnly? AwardedOn);

    public static Task<IncentiveQueries.CommendationView> HandleAsync(Request r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            RequireDuty(actor);
            await ValidateAsync(ctx, r, ct);
            var commendation = new Commendation
            {
                Id = Guid.NewGuid(),
                Kind = r.Kind!.Value,
                PersonId = r.PersonId,
                UnitId = r.UnitId,
                Title = r.Title!.Trim(),
                Basis = r.Basis!.Trim(),
                AwardedBy = r.AwardedBy!.Trim(),
                AwardedOn = r.AwardedOn!.Value,
                RecordedBy = actor.UserId,
                Version = 1,
            };
            ctx.Db.Add(commendation);
            var view = (await IncentiveQueries.CommendationViewsAsync(ctx.Db, [commendation], ct))[0];
            ctx.Audit("RecordCommendation", nameof(Commendation), commendation.Id.ToString(), null, IncentiveAccess.ActingAs(actor),
                new { kind = commendation.Kind.Chinese(), recipient = view.RecipientName, commendation.PersonId, commendation.UnitId, commendation.Title, commendation.Basis, commendation.AwardedBy, awardedOn = commendation.AwardedOn });
            return view;
        }, ct);

    /// <summary>Commendations are recorded, corrected and withdrawn by 人事科.</summary>
    internal static void RequireDuty(Actor actor)
    {
        if (!IncentiveAccess.MayRecordAwards(actor))
        {
            throw DomainException.Forbidden("not-your-duty", "平时激励和专项表彰奖励由人事科登记。");
        }
    }

    internal static async Task ValidateAsync(CommandContext ctx, Request r, CancellationToken ct)
    {
        var v = new Validation()
            .Require(r.Kind is { } k && Enum.IsDefined(k), "kind", "请选择激励类别（平时激励或专项表彰奖励）。");
        await IncentiveRules.RequireRecipientAsync(v, ctx.Db, r.PersonId, r.UnitId, frontLineOnly: false, "受表彰", ct);
        v.Name(r.Title, "title", "表彰奖励名称", 200)
            .RequireText(r.Basis, "basis", "表彰依据", 2000)
            .RequireText(r.AwardedBy, "awardedBy", "授予机关", 100);
        IncentiveRules.RequireDate(v, r.AwardedOn, ctx.Today, "awardedOn", "授予日期");
        v.ThrowIfInvalid();
    }
}
