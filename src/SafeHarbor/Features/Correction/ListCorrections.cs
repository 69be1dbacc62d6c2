using Microsoft.EntityFrameworkCore;
using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Correction;

/// <summary>Every exempted or mitigated case the actor may see, with how far its correction has come.</summary>
public static class ListCorrections
{
    public static async Task<IReadOnlyList<CorrectionQueries.ListItem>> HandleAsync(Actor actor, SafeHarborDb db, PolicyCatalog policies, DateOnly today, CancellationToken ct)
    {
        CaseAccess.RefuseAdministrators(actor);
        var cases = await db.Cases.AsNoTracking().Where(CaseAccess.VisibleTo(actor))
            .Where(CorrectionRules.CallsForCorrection)
            .ToListAsync(ct);
        var progress = await CorrectionQueries.ProgressAsync(db, cases.Select(c => c.Id).ToList(), ct);
        return cases
            .OrderByDescending(c => c.Decision!.DecidedOn).ThenByDescending(c => c.Number, StringComparer.Ordinal)
            .Select(c =>
            {
                var p = progress[c.Id];
                return new CorrectionQueries.ListItem(
                    c.Id, c.Number, c.Title, string.Join("、", c.Subjects.Select(s => s.Name)),
                    c.Decision!.Outcome, policies.Get(c.PolicyId).OutcomeName(c.Decision.Outcome), c.Decision.DecidedOn, c.Status, c.Status.Chinese(),
                    p.Talks, p.Letters, p.Analysed,
                    p.Plan?.Status, p.Plan?.Status.Chinese() ?? "未制定",
                    p.Plan?.Measures.Count ?? 0, p.MeasuresDone, p.Overdue(today),
                    p.Stage, p.Stage.Chinese());
            })
            .ToList();
    }
}
