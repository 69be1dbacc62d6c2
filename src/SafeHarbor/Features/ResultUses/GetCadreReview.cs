using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Organisation;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.ResultUses;

/// <summary>The cadre review (干部廉政审查): every accountability matter of a person and whether an exemption spares it the one-vote veto (Art. 11(3)).</summary>
public static class GetCadreReview
{
    public static async Task<ResultUseQueries.CadreReview> HandleAsync(Guid personId, SafeHarborDb db, PolicyCatalog policies, CancellationToken ct)
    {
        var person = await db.Persons.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId, ct)
            ?? throw DomainException.NotFound("person-not-found", "人员不存在。");
        var unitName = await db.Units.Where(u => u.Id == person.UnitId).Select(u => u.Name).SingleOrDefaultAsync(ct) ?? "";
        var cases = await db.Cases.AsNoTracking()
            .Where(c => c.Subjects.Any(s => s.PersonId == personId))
            .OrderBy(c => c.AccountabilityStartedOn).ThenBy(c => c.Number).ToListAsync(ct);
        var records = await db.Set<ResultRecord>().AsNoTracking().Where(r => r.PersonId == personId).ToListAsync(ct);
        var matters = cases.Select(c =>
        {
            var uses = records.Where(r => r.CaseId == c.Id).InArticleOrder(policies).Select(r => $"{r.UseArticle} {r.UseText}").ToList();
            var exemption = ResultUseQueries.ExemptionStatus(c);
            return new ResultUseQueries.MatterStatus(c.Id, c.Number, c.Title, c.AccountabilityStartedOn, c.Status, c.Status.Chinese(),
                c.Decision?.Outcome, exemption, c.Decision?.Mitigation, uses);
        }).ToList();
        // Art. 11(3): an exempted matter carries no one-vote veto in cadre review; others must be weighed by the reviewers.
        var unprotected = matters.Where(m => !records.Any(r => r.CaseId == m.CaseId && r.UseCode == "cadre-review")).ToList();
        var summary = matters.Count == 0
            ? $"{person.Name}没有问责事项记录。"
            : unprotected.Count == 0
                ? $"{person.Name}共有 {matters.Count} 个问责事项，均已予容错免责，在干部调整、提拔任用、职称评定等党风廉政审查中免于一票否决。"
                : $"{person.Name}共有 {matters.Count} 个问责事项，其中 {unprotected.Count} 个未获容错免责保护，请审查组结合具体情况把握：{string.Join("、", unprotected.Select(m => m.CaseNumber))}。";
        return new ResultUseQueries.CadreReview(person.Id, person.Name, unitName, unprotected.Count > 0, summary, matters);
    }
}
