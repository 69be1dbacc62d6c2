using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Incentives;

/// <summary>Corrects a support measure (人事科), with the same rules as recording it (<see cref="RecordSupportMeasure"/>).</summary>
public static class CorrectSupportMeasure
{
    public static Task<IncentiveQueries.SupportMeasureView> HandleAsync(Guid id, int? expectedVersion, RecordSupportMeasure.Request r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            RecordSupportMeasure.RequireDuty(actor);
            var measure = await IncentiveRules.LoadOpenAsync<SupportMeasure>(ctx, id, expectedVersion, SupportMeasure.Noun, ct);
            var kind = await RecordSupportMeasure.ValidateAsync(ctx, r, ct);
            var before = (await IncentiveQueries.SupportMeasureViewsAsync(ctx.Db, [measure], ct))[0];
            measure.Kind = kind;
            measure.PersonId = r.PersonId;
            measure.UnitId = r.UnitId;
            measure.Description = r.Description!.Trim();
            measure.ProvidedOn = r.ProvidedOn!.Value;
            var view = (await IncentiveQueries.SupportMeasureViewsAsync(ctx.Db, [measure], ct))[0];
            var changes = new IncentiveRules.Changes()
                .Add("类别", before.Kind, view.Kind)
                .Add("对象", before.RecipientName, view.RecipientName)
                .Add("措施内容", before.Description, view.Description)
                .Add("落实日期", before.ProvidedOn, view.ProvidedOn);
            if (!changes.Any)
            {
                return before;
            }
            measure.Version++;
            ctx.Audit("CorrectSupportMeasure", nameof(SupportMeasure), measure.Id.ToString(), null, IncentiveAccess.ActingAs(actor),
                new { measure.Kind, recipient = view.RecipientName, changes = changes.Items });
            return view with { Version = measure.Version };
        }, ct);
}
