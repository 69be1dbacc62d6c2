using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Profiles;

/// <summary>个人档案 over HTTP: the same profile as the page /People/{personId}, under the same rule (<see cref="ProfileAccess"/>).</summary>
[Article("11", "12", "13")]
public static class ProfilesApi
{
    public static IEndpointRouteBuilder MapProfiles(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/people").WithTags("个人档案（第十一条至第十三条）").RequireAuthorization();
        group.MapGet("/{personId:guid}/profile", async (Guid personId, Actor actor, SafeHarborDb db, PolicyCatalog policies, WorkingDayCalendar calendar, TimeProvider time, CancellationToken ct) =>
                await GetProfile.HandleAsync(db, policies, calendar, personId, actor, ChinaClock.Today(time), ct))
            .Produces<GetProfile.PersonProfile>()
            .WithSummary("个人档案：问责事项及认定结果、结果运用、纠错整改、考核结果、关爱激励")
            .WithDescription("本人、人事科、容错免责程序中承担职责的机构和本人所在单位（含上级单位）的领导可以查看，其他人 403。"
                + "考核结果只向人事科和本人（已关闭的考核期）提供；关爱激励记录按关爱激励的查看规则提供；不能查看的部分 shown 为 false 并说明原因。");
        return app;
    }
}
