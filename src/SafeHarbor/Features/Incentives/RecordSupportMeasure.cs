using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Incentives;

/// <summary>Art. 13: records a support measure for front-line staff (政策、待遇倾斜，心理关怀，排忧解难; 人事科).</summary>
public static class RecordSupportMeasure
{
    /// <summary>To a front-line person or an enforcement unit, one of the two; <see cref="Kind"/> one of <see cref="IncentiveAccess.SupportKinds"/>.</summary>
    public sealed record Request(string? Kind, Guid? PersonId, Guid? UnitId, string? Description, DateOnly? ProvidedOn);

    public static Task<IncentiveQueries.SupportMeasureView> HandleAsync(Request r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.RunAsync(actor, async ctx =>
        {
            RequireDuty(actor);
            var kind = await ValidateAsync(ctx, r, ct);
            var measure = new SupportMeasure
            {
                Id = Guid.NewGuid(),
                PersonId = r.PersonId,
                UnitId = r.UnitId,
                Kind = kind,
                Description = r.Description!.Trim(),
                ProvidedOn = r.ProvidedOn!.Value,
                RecordedBy = actor.UserId,
                Version = 1,
            };
            ctx.Db.Add(measure);
            var view = (await IncentiveQueries.SupportMeasureViewsAsync(ctx.Db, [measure], ct))[0];
            ctx.Audit("RecordSupportMeasure", nameof(SupportMeasure), measure.Id.ToString(), null, IncentiveAccess.ActingAs(actor),
                new { measure.Kind, recipient = view.RecipientName, measure.PersonId, measure.UnitId, measure.Description, providedOn = measure.ProvidedOn });
            return view;
        }, ct);

    /// <summary>Support measures are recorded, corrected and withdrawn by 人事科.</summary>
    internal static void RequireDuty(Actor actor)
    {
        if (!IncentiveAccess.MayRecordAwards(actor))
        {
            throw DomainException.Forbidden("not-your-duty", "一线执法人员支持保障措施由人事科登记。");
        }
    }

    /// <returns>The kind, trimmed.</returns>
    internal static async Task<string> ValidateAsync(CommandContext ctx, Request r, CancellationToken ct)
    {
        var kind = r.Kind?.Trim();
        var v = new Validation()
            .Require(kind is not null && IncentiveAccess.SupportKinds.Contains(kind), "kind", $"请选择措施类别：{string.Join("、", IncentiveAccess.SupportKinds)}。");
        await IncentiveRules.RequireRecipientAsync(v, ctx.Db, r.PersonId, r.UnitId, frontLineOnly: true, "支持保障", ct);
        v.RequireText(r.Description, "description", "措施内容", 2000);
        IncentiveRules.RequireDate(v, r.ProvidedOn, ctx.Today, "providedOn", "落实日期");
        v.ThrowIfInvalid();
        return kind!;
    }
}
