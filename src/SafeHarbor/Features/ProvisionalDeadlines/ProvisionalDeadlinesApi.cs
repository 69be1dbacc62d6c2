using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Reminders;

namespace SafeHarbor.Features.ProvisionalDeadlines;

/// <summary>Deadlines counted on the calendar: recomputed when a year's holiday notice arrives, and the notices that tell people so.</summary>
[Article("5(1)")]
public static class ProvisionalDeadlinesApi
{
    public static IServiceCollection AddProvisionalDeadlines(this IServiceCollection services) =>
        services.AddScoped<IInboxContributor, DeadlineNotices>();

    public static IEndpointRouteBuilder MapProvisionalDeadlines(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/deadline-notices").WithTags("期限调整").RequireAuthorization();
        group.MapGet("/", async (Actor actor, SafeHarborDb db, CancellationToken ct) =>
            {
                CaseAccess.RefuseAdministrators(actor);
                return await ListMyDeadlineNotices.HandleAsync(actor, db, ct);
            })
            .WithSummary("本人未读的期限调整通知（节假日安排发布后重算的期限、按正式期限判定的逾期申请）");
        group.MapPost("/{noticeId:guid}/dismiss", async (Guid noticeId, Actor actor, CommandRunner runner, CancellationToken ct) =>
            {
                await DismissDeadlineNotice.HandleAsync(noticeId, actor, runner, ct);
                return Results.NoContent();
            })
            .WithSummary("标记期限调整通知为已读（从待办中移除）");
        return app;
    }
}
