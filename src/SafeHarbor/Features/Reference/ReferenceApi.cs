using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Features.Admin;
using SafeHarbor.Features.ProvisionalDeadlines;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Reference;

/// <summary>Reference data: business fields, the policy versions (Art. 14–15) and the working-day calendar.</summary>
[Article("14", "15")]
public static class ReferenceApi
{
    public sealed record PolicySummary(string Id, string DocumentNumber, string Title, string Issuer, DateOnly EffectiveFrom, DateOnly? EffectiveTo, bool InForceToday);

    /// <param name="ProvisionalReason">Set when the count went through a year without a holiday notice (暂定).</param>
    public sealed record DeadlineAnswer(DateOnly From, int WorkingDays, DateOnly Deadline, bool Provisional, string? ProvisionalReason);

    public static IEndpointRouteBuilder MapReference(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").RequireAuthorization();
        group.MapGet("/reference/business-fields", () => BusinessFields.All).WithTags("基础数据").WithSummary("业务领域");
        group.MapGet("/policies", (PolicyCatalog policies, TimeProvider time) =>
            policies.All.Select(p => new PolicySummary(p.Id, p.DocumentNumber, p.Title, p.Issuer, p.EffectiveFrom, p.EffectiveTo, p.IsInForceOn(ChinaClock.Today(time)))))
            .WithTags("容错免责办法").WithSummary("已载入的办法版本");
        group.MapGet("/policies/{id}", (string id, PolicyCatalog policies) => policies.Get(id))
            .WithTags("容错免责办法").WithSummary("办法版本全文数据（条件、排除情形、期限、决定规则、职责）");
        group.MapGet("/calendar/days/{date}", (DateOnly date, WorkingDayCalendar calendar) => calendar.Describe(date))
            .WithTags("工作日历").WithSummary("某日是否工作日（法定节假日、调休；未发布安排的年度按法定节假日推算，provisional 为 true）");
        group.MapGet("/calendar/deadline", (DateOnly from, int workingDays, WorkingDayCalendar calendar) =>
            {
                if (workingDays is < 1 or > 366)
                {
                    throw DomainException.Invalid("working-days-invalid", "工作日数应为 1 至 366。");
                }
                var due = calendar.AddWorkingDays(from, workingDays);
                return new DeadlineAnswer(from, workingDays, due.Date, due.Provisional, due.ProvisionalReason);
            })
            .WithTags("工作日历").WithSummary("自某日起（不含当日）第 N 个工作日（经过未发布安排的年度时为暂定，provisional 为 true 并说明原因）");
        group.MapPost("/calendar/notices", async (AddCalendarYear.Request request, Actor actor, CommandRunner runner, CalendarSource calendars,
                IEnumerable<IDeadlineOwner> owners, IServiceScopeFactory scopes, CancellationToken ct) =>
                Results.Created($"/api/calendar/days/{request.Year}-01-01", await AddCalendarYear.HandleAsync(request, actor, runner, calendars, owners, scopes, ct)))
            .WithTags("工作日历").WithSummary("系统管理员录入下一年度国务院节假日安排：即时生效，并重算全部暂定期限（期限有调整的，通知相关人员）");
        return app;
    }
}
