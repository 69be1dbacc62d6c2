using Microsoft.EntityFrameworkCore;
using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Features.ProvisionalDeadlines;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Verification;

/// <summary>
/// Due dates of requests for supplementary material that are 暂定: recomputed from the request date when the
/// year's notice arrives. An awaited supplement gets the new date and the applicant is told; for one already
/// answered (or a case closed meanwhile) only the mark goes. Archived cases keep their record as filed.
/// </summary>
public sealed class SupplementDeadlines : IDeadlineOwner
{
    public async Task<IReadOnlyList<RecomputedDeadline>> RecomputeAsync(CommandContext ctx, WorkingDayCalendar calendar, CancellationToken ct)
    {
        var requests = await ctx.Db.Set<SupplementRequest>().Where(s => s.DueProvisionalReason != null).OrderBy(s => s.RequestedOn).ToListAsync(ct);
        var caseIds = requests.Select(s => s.CaseId).Distinct().ToList();
        var cases = await ctx.Db.Cases.Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var changes = new List<RecomputedDeadline>();
        foreach (var request in requests)
        {
            var c = cases[request.CaseId];
            var before = new ComputedDate(request.DueOn, request.DueProvisionalReason);
            var recomputed = calendar.AddWorkingDays(request.RequestedOn, request.WorkingDays);
            var awaited = request.Answer is null && c.Status == CaseStatus.AwaitingSupplement;
            if (c.Status == CaseStatus.Archived || recomputed == before || (!awaited && recomputed.Provisional))
            {
                continue;
            }
            request.DueProvisionalReason = recomputed.ProvisionalReason;
            if (awaited)
            {
                request.DueOn = recomputed.Date;
                c.MoveSupplementDue(recomputed, ctx.Now);
            }
            IReadOnlyList<Guid> notify = awaited && request.DueOn != before.Date ? await PeopleToTell.ApplicantAsync(ctx.Db, c, ct) : [];
            changes.Add(new RecomputedDeadline("补充材料期限", c.Id, "SupplementRequest", request.Id.ToString(), $"{c.Number}“{c.Title}”",
                before, new ComputedDate(request.DueOn, request.DueProvisionalReason), recomputed, null, $"/Cases/{c.Id}/Supplement", notify));
        }
        return changes;
    }
}
