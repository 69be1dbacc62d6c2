using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Features.AbuseReports;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Eligibility;

/// <summary>Gathers what the pure rules need from the database and asks them for advice on a case.</summary>
[Article("4", "7", "10")]
public static class CaseAdvice
{
    public static async Task<EligibilityAdvice> ForAsync(SafeHarborDb db, Case c, PolicyVersion policy, AdviceStage stage, CancellationToken ct)
    {
        var statements = stage == AdviceStage.Claimed
            ? c.Claims.ToDictionary(x => x.ItemCode, x => new Statement(Verdict.Met, x.Explanation))
            : c.Findings.ToDictionary(x => x.ItemCode, x => new Statement(x.Verdict, x.Note));
        var narrative = string.Join("\n", c.Description, c.Application?.Facts, c.Application?.EffectAndLosses);
        var input = new EligibilityInput(
            stage,
            statements,
            narrative,
            await SubstantiatedAbuseAsync(db, c, ct),
            await FindRepeatsAsync(db, c, policy, ct),
            c.Application?.SubmittedOn,
            c.ApplicationDeadline,
            c.Claims.Select(x => x.ItemCode).ToHashSet());
        return EligibilityAdvisor.Advise(policy, input);
    }

    /// <summary>Art. 10: substantiated reports against this case or any person held accountable in it.</summary>
    public static async Task<IReadOnlyList<AbuseFinding>> SubstantiatedAbuseAsync(SafeHarborDb db, Case c, CancellationToken ct)
    {
        var persons = c.SubjectPersonIds.ToList();
        if (c.Application?.ApplicantPersonId is { } applicant)
        {
            persons.Add(applicant);
        }
        var reports = await db.Set<AbuseReport>().AsNoTracking()
            .Where(r => r.Status == AbuseReportStatus.Substantiated)
            .Where(r => r.CaseId == c.Id || (r.PersonId != null && persons.Contains(r.PersonId.Value)))
            .ToListAsync(ct);
        return reports.Select(r => new AbuseFinding(r.Kind.Chinese(), r.Conclusion ?? r.Description, r.ConcludedOn ?? r.ReceivedOn)).ToList();
    }

    /// <summary>Art. 7: earlier exempted cases of the same units or persons on the same work or problem.</summary>
    public static async Task<IReadOnlyList<RepeatMatch>> FindRepeatsAsync(SafeHarborDb db, Case c, PolicyVersion policy, CancellationToken ct)
    {
        var persons = c.SubjectPersonIds.ToList();
        var units = c.SubjectUnitIds.ToList();
        var earlier = await db.Cases.AsNoTracking()
            .Where(e => e.Id != c.Id && e.RegisteredAt < c.RegisteredAt)
            .Where(e => e.Decision != null && e.Decision.Outcome == Outcome.Exempted)
            .Where(e => e.Subjects.Any(s => (s.Kind == SubjectKind.Person && s.PersonId != null && persons.Contains(s.PersonId.Value))
                || (s.Kind == SubjectKind.Unit && s.UnitId != null && units.Contains(s.UnitId.Value))))
            .ToListAsync(ct);
        return RepeatDetector.FindRepeats(ToRepeatCase(c), earlier.Select(ToRepeatCase), policy.Repeat);
    }

    private static RepeatCase ToRepeatCase(Case c) => new(
        c.Id, c.Number, c.Title, c.Description, c.BusinessField, c.WorkItem, c.ErrorKind,
        c.Subjects.Select(s => new RepeatSubject(s.Kind == SubjectKind.Person ? s.PersonId!.Value : s.UnitId!.Value, s.Name)).ToList(),
        c.Decision?.DecidedOn);
}
