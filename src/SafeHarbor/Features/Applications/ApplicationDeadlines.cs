using Microsoft.EntityFrameworkCore;
using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Features.ProvisionalDeadlines;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Applications;

/// <summary>
/// The application window (Art. 5(1)) of every case whose deadline is 暂定: recomputed from the date the
/// accountability procedure started when the year's notice arrives. A case still waiting for an application
/// gets the new deadline and its subjects are told; an application that waited on the provisional deadline is
/// accepted or refused by the final one and the applicant is told; for an application already decided only
/// the mark goes. Archived cases keep their record as filed.
/// </summary>
public sealed class ApplicationDeadlines : IDeadlineOwner
{
    public async Task<IReadOnlyList<RecomputedDeadline>> RecomputeAsync(CommandContext ctx, WorkingDayCalendar calendar, CancellationToken ct)
    {
        var cases = await ctx.Db.Cases
            .Where(c => c.ApplicationDeadlineProvisionalReason != null && c.Status != CaseStatus.Archived)
            .OrderBy(c => c.Number)
            .ToListAsync(ct);
        var changes = new List<RecomputedDeadline>();
        foreach (var c in cases)
        {
            var policy = ctx.PolicyOf(c);
            var before = c.ApplicationDue;
            var recomputed = Deadlines.ApplicationDeadline(policy.ApplicationWindow, c.AccountabilityStartedOn, calendar);
            var statusBefore = c.Status;
            if (!c.RecomputeApplicationDeadline(recomputed, policy, RecomputeDeadlines.ActingAs, ctx.Now))
            {
                continue;
            }
            string? settled = statusBefore == CaseStatus.TimelinessPending && c.Status != statusBefore
                ? $"{c.Number}“{c.Title}”：{(c.Status == CaseStatus.Submitted ? "申请在正式期限内，已受理" : "申请超过正式期限，不予受理")}（申请期限截至 {c.ApplicationDue}，申请日期 {c.Application!.SubmittedOn:yyyy-MM-dd}）。"
                : null;
            var notify = statusBefore switch
            {
                CaseStatus.Registered => await PeopleToTell.SubjectsAsync(ctx.Db, c, ct),
                CaseStatus.TimelinessPending when settled is not null => await PeopleToTell.ApplicantAsync(ctx.Db, c, ct),
                _ => [],
            };
            changes.Add(new RecomputedDeadline("申请期限", c.Id, "Case", c.Number, $"{c.Number}“{c.Title}”", before, c.ApplicationDue, recomputed, settled,
                $"/Cases/{c.Id}", notify));
        }
        return changes;
    }
}
