using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Publication;

/// <summary>Makes an exemption known within a scope, at a meeting or by a written circular, on a day between the decision and today.</summary>
public static class PublishResult
{
    public sealed record PublishRequest(PublicationMethod Method, string? Scope, DateOnly? PublishedOn, string? Reference);

    public static Task<CaseSnapshot> HandleAsync(Guid caseId, int? version, PublishRequest r, Actor actor, CommandRunner runner, CancellationToken ct) =>
        runner.OnCaseAsync(actor, caseId, version, CaseAction.Publish, (ctx, c, policy) =>
        {
            new Validation()
                .Require(Enum.IsDefined(r.Method), "method", "公开方式应为召开会议或书面通报。")
                .RequireText(r.Scope, "scope", "公开范围", 200)
                .Require(r.PublishedOn is not null, "publishedOn", "请填写公开日期。")
                .RequireDateBetween(r.PublishedOn, c.Decision!.DecidedOn, "认定日期", ctx.Today, "publishedOn", "公开日期")
                .Require(r.Reference is null || r.Reference.Length <= 200, "reference", "会议或通报名称不能超过 200 字。")
                .ThrowIfInvalid();
            c.Publish(actor, policy, ctx.Now, new Dictionary<string, object?>
            {
                ["method"] = r.Method.Chinese(), ["scope"] = r.Scope!.Trim(), ["publishedOn"] = r.PublishedOn, ["reference"] = r.Reference?.Trim(),
            });
            ctx.Db.Add(new PublicationRecord
            {
                CaseId = c.Id, Method = r.Method, Scope = r.Scope.Trim(), PublishedOn = r.PublishedOn!.Value, Reference = r.Reference?.Trim(), RecordedBy = actor.UserId,
            });
            return Task.CompletedTask;
        }, ct);
}
