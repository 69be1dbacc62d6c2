using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Reference;

/// <summary>Reference data: business fields, the policy versions (Art. 14–15) and the working-day calendar.</summary>
public static class ReferenceApi
{
    public sealed record PolicySummary(string Id, string DocumentNumber, string Title, string Issuer, DateOnly EffectiveFrom, DateOnly? EffectiveTo, bool InForceToday);

    public sealed record DeadlineAnswer(DateOnly From, int WorkingDays, DateOnly Deadline);

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
            .WithTags("工作日历").WithSummary("某日是否工作日（法定节假日、调休）");
        group.MapGet("/calendar/deadline", (DateOnly from, int workingDays, WorkingDayCalendar calendar) =>
            workingDays is < 1 or > 366
                ? throw DomainException.Invalid("working-days-invalid", "工作日数应为 1 至 366。")
                : new DeadlineAnswer(from, workingDays, calendar.AddWorkingDays(from, workingDays)))
            .WithTags("工作日历").WithSummary("自某日起（不含当日）第 N 个工作日");
        return app;
    }
}
