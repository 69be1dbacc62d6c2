using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Verification;

/// <summary>Asks the applicant for more material within a number of working days (5 unless given).</summary>
public static class RequestSupplement
{
    public sealed record SupplementRequestInput(string? Items, int? WorkingDays);

    public static Task<CaseSnapshot> HandleAsync(Guid caseId, int? version, SupplementRequestInput request, Actor actor, CommandRunner runner, WorkingDayCalendar calendar, CancellationToken ct) =>
        runner.OnCaseAsync(actor, caseId, version, CaseAction.RequestSupplement, (ctx, c, policy) =>
        {
            var days = request.WorkingDays ?? 5;
            new Validation().Require(days is >= 1 and <= 30, "workingDays", "补充材料期限应为 1 至 30 个工作日。").ThrowIfInvalid();
            var due = calendar.AddWorkingDays(ctx.Today, days);
            c.RequestSupplement(due, request.Items ?? "", actor, policy, ctx.Now, ctx.Today);
            ctx.Db.Add(new SupplementRequest
            {
                Id = Guid.NewGuid(), CaseId = c.Id, Items = request.Items!.Trim(), RequestedOn = ctx.Today, WorkingDays = days,
                DueOn = due.Date, DueProvisionalReason = due.ProvisionalReason, RequestedBy = actor.UserId,
            });
            return Task.CompletedTask;
        }, ct);
}
