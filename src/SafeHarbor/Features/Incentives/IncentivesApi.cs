using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Web;

namespace SafeHarbor.Features.Incentives;

/// <summary>
/// Art. 13 (关心关爱与激励): heart-to-heart talks, commendations and special awards, support measures for
/// front-line staff, and the yearly report per unit. Who records and who reads: <see cref="IncentiveAccess"/>.
/// Whoever may record a record corrects it (PUT, If-Match: its version) and withdraws it when entered in error
/// (POST …/withdrawal, with a reason); a withdrawn record stays on record and counts nowhere.
/// </summary>
[Article("13")]
public static class IncentivesApi
{
    public static IServiceCollection AddIncentives(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapIncentives(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/incentives").WithTags("关心关爱与激励（第十三条）").RequireAuthorization();

        group.MapGet("/talks", async ([AsParameters] ListQuery q, Actor actor, SafeHarborDb db, CancellationToken ct) =>
                Results.Ok(await ListHeartTalks.HandleAsync(db, actor, q.Filter, ct)))
            .WithSummary("谈心谈话记录（按本人可查看的范围；人事科可加 includeWithdrawn=true 查看已撤销的记录）")
            .WithDescription("人事科、局党组成员、局办公室看全部；单位负责人看所分管单位人员的；本人只看到与自己谈话的日期和谈话人（contentWithheld 为 true，不含谈话内容）。");
        group.MapPost("/talks", async (RecordHeartTalk.Request r, Actor actor, CommandRunner runner, HttpContext http, CancellationToken ct) =>
                Saved(http, await RecordHeartTalk.HandleAsync(r, actor, runner, ct), v => v.Version))
            .WithSummary("登记谈心谈话")
            .WithDescription("局党组成员、局办公室、人事科可登记任何人员；单位负责人可登记与所分管单位人员的谈话。talkerPersonId 不填时为登记人本人。");
        group.MapPut("/talks/{id:guid}", async (Guid id, RecordHeartTalk.Request r, Actor actor, CommandRunner runner, HttpContext http, CancellationToken ct) =>
                Saved(http, await CorrectHeartTalk.HandleAsync(id, HttpVersioning.ExpectedVersion(http.Request), r, actor, runner, ct), v => v.Version))
            .WithSummary("修改谈心谈话记录（If-Match 为记录的版本号）")
            .WithDescription("请求内容与登记时相同，校验规则相同；可登记与该人员谈话的人可以修改（单位负责人不能修改与本人的谈话记录）。talkerPersonId 不填时保持原谈话人。已撤销的记录不能修改（409）。");
        group.MapPost("/talks/{id:guid}/withdrawal", async (Guid id, WithdrawHeartTalk.Request r, Actor actor, CommandRunner runner, HttpContext http, CancellationToken ct) =>
                Saved(http, await WithdrawHeartTalk.HandleAsync(id, HttpVersioning.ExpectedVersion(http.Request), r, actor, runner, ct), v => v.Version))
            .WithSummary("撤销误登记的谈心谈话记录（须写明原因）")
            .WithDescription("撤销后记录仍保留（含撤销日期、撤销人和原因），不再计入列表、年度统计、个人记录和首页统计；不能再修改或再次撤销（409）。");

        group.MapGet("/commendations", async ([AsParameters] ListQuery q, Actor actor, SafeHarborDb db, CancellationToken ct) =>
                Results.Ok(await ListCommendations.HandleAsync(db, actor, q.Filter, ct)))
            .WithSummary("平时激励和专项表彰奖励记录（按本人可查看的范围）");
        group.MapPost("/commendations", async (RecordCommendation.Request r, Actor actor, CommandRunner runner, HttpContext http, CancellationToken ct) =>
                Saved(http, await RecordCommendation.HandleAsync(r, actor, runner, ct), v => v.Version))
            .WithSummary("登记平时激励或专项表彰奖励（人事科）")
            .WithDescription("kind 为 Regular（平时激励）或 Special（专项表彰奖励）；personId 与 unitId 二选一。");
        group.MapPut("/commendations/{id:guid}", async (Guid id, RecordCommendation.Request r, Actor actor, CommandRunner runner, HttpContext http, CancellationToken ct) =>
                Saved(http, await CorrectCommendation.HandleAsync(id, HttpVersioning.ExpectedVersion(http.Request), r, actor, runner, ct), v => v.Version))
            .WithSummary("修改平时激励或专项表彰奖励记录（人事科；If-Match 为记录的版本号）")
            .WithDescription("请求内容与登记时相同，校验规则相同。已撤销的记录不能修改（409）。");
        group.MapPost("/commendations/{id:guid}/withdrawal", async (Guid id, WithdrawCommendation.Request r, Actor actor, CommandRunner runner, HttpContext http, CancellationToken ct) =>
                Saved(http, await WithdrawCommendation.HandleAsync(id, HttpVersioning.ExpectedVersion(http.Request), r, actor, runner, ct), v => v.Version))
            .WithSummary("撤销误登记的表彰奖励记录（人事科；须写明原因）")
            .WithDescription("撤销后记录仍保留（含撤销日期、撤销人和原因），不再计入列表、年度统计、个人记录和首页统计；不能再修改或再次撤销（409）。");

        group.MapGet("/support-measures", async ([AsParameters] ListQuery q, Actor actor, SafeHarborDb db, CancellationToken ct) =>
                Results.Ok(await ListSupportMeasures.HandleAsync(db, actor, q.Filter, ct)))
            .WithSummary("一线执法人员支持保障措施记录（按本人可查看的范围）");
        group.MapPost("/support-measures", async (RecordSupportMeasure.Request r, Actor actor, CommandRunner runner, HttpContext http, CancellationToken ct) =>
                Saved(http, await RecordSupportMeasure.HandleAsync(r, actor, runner, ct), v => v.Version))
            .WithSummary("登记一线执法人员支持保障措施（人事科）")
            .WithDescription("kind 为 政策倾斜、待遇保障、心理关怀、排忧解难、其他 之一；personId（一线执法人员）与 unitId（分局、综合支队、县区局）二选一。");
        group.MapPut("/support-measures/{id:guid}", async (Guid id, RecordSupportMeasure.Request r, Actor actor, CommandRunner runner, HttpContext http, CancellationToken ct) =>
                Saved(http, await CorrectSupportMeasure.HandleAsync(id, HttpVersioning.ExpectedVersion(http.Request), r, actor, runner, ct), v => v.Version))
            .WithSummary("修改一线执法人员支持保障措施记录（人事科；If-Match 为记录的版本号）")
            .WithDescription("请求内容与登记时相同，校验规则相同。已撤销的记录不能修改（409）。");
        group.MapPost("/support-measures/{id:guid}/withdrawal", async (Guid id, WithdrawSupportMeasure.Request r, Actor actor, CommandRunner runner, HttpContext http, CancellationToken ct) =>
                Saved(http, await WithdrawSupportMeasure.HandleAsync(id, HttpVersioning.ExpectedVersion(http.Request), r, actor, runner, ct), v => v.Version))
            .WithSummary("撤销误登记的支持保障措施记录（人事科；须写明原因）")
            .WithDescription("撤销后记录仍保留（含撤销日期、撤销人和原因），不再计入列表、年度统计、个人记录和首页统计；不能再修改或再次撤销（409）。");

        group.MapGet("/persons/{personId:guid}", async (Guid personId, Actor actor, SafeHarborDb db, CancellationToken ct) =>
                Results.Ok(await GetPersonIncentives.HandleAsync(db, personId, actor, ct)))
            .WithSummary("某人的谈心谈话、表彰奖励和支持保障措施（个人档案用）");
        group.MapGet("/mine", async (Actor actor, SafeHarborDb db, CancellationToken ct) =>
                Results.Ok(await GetMyIncentives.HandleAsync(db, actor, ct)))
            .WithSummary("我的关爱激励记录（本人及所在单位）");

        group.MapGet("/report", async (int? year, Actor actor, SafeHarborDb db, TimeProvider time, CancellationToken ct) =>
            {
                var today = ChinaClock.Today(time);
                var result = await IncentiveReport.RunAsync(db, actor, year ?? today.Year, today, ct);
                return Results.Ok(result.Report);
            })
            .WithSummary("年度关爱激励情况（各单位谈心谈话、表彰奖励、支持保障措施和覆盖人数）")
            .WithDescription("year 不填为今年。人事科、局党组成员、局办公室看全局各单位；单位负责人看所分管的单位。");
        return app;
    }

    /// <param name="UnitId">Records of the unit's people and of the unit itself.</param>
    /// <param name="Year">Calendar year of the talk, award or measure.</param>
    /// <param name="IncludeWithdrawn">Withdrawn records too (人事科 only; 403 for anyone else).</param>
    public sealed record ListQuery(Guid? UnitId, int? Year, Guid? PersonId, bool? IncludeWithdrawn)
    {
        public IncentiveQueries.Filter Filter => new(UnitId, Year, PersonId, IncludeWithdrawn ?? false);
    }

    /// <summary>The record as saved, its version as ETag for the next If-Match.</summary>
    private static IResult Saved<T>(HttpContext http, T view, Func<T, int> version)
    {
        http.Response.Headers.ETag = $"\"{version(view)}\"";
        return Results.Ok(view);
    }
}
