using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Incentives;

/// <summary>Corrects a commendation or special award (人事科), with the same rules as recording it (<see cref="RecordCommendation"/>).</summary>
public static class CorrectCommendation
{
    public static Task<IncentiveQueries.CommendationView> HandleAsync(Guid id, int? expectedVersion, RecordCommendation.Request r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            RecordCommendation.RequireDuty(actor);
            var commendation = await IncentiveRules.LoadOpenAsync<Commendation>(ctx, id, expectedVersion, Commendation.Noun, ct);
            await RecordCommendation.ValidateAsync(ctx, r, ct);
            var before = (await IncentiveQueries.CommendationViewsAsync(ctx.Db, [commendation], ct))[0];
            commendation.Kind = r.Kind!.Value;
            commendation.PersonId = r.PersonId;
            commendation.UnitId = r.UnitId;
            commendation.Title = r.Title!.Trim();
            commendation.Basis = r.Basis!.Trim();
            commendation.AwardedBy = r.AwardedBy!.Trim();
            commendation.AwardedOn = r.AwardedOn!.Value;
            var view = (await IncentiveQueries.CommendationViewsAsync(ctx.Db, [commendation], ct))[0];
            var changes = new IncentiveRules.Changes()
                .Add("类别", before.KindName, view.KindName)
                .Add("表彰对象", before.RecipientName, view.RecipientName)
                .Add("表彰奖励名称", before.Title, view.Title)
                .Add("表彰依据", before.Basis, view.Basis)
                .Add("授予机关", before.AwardedBy, view.AwardedBy)
                .Add("授予日期", before.AwardedOn, view.AwardedOn);
            if (!changes.Any)
            {
                return before;
            }
            commendation.Version++;
            ctx.Audit("CorrectCommendation", nameof(Commendation), commendation.Id.ToString(), null, IncentiveAccess.ActingAs(actor),
                new { kind = view.KindName, recipient = view.RecipientName, commendation.Title, changes = changes.Items });
            return view with { Version = commendation.Version };
        }, ct);
}
