using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Organisation;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.ResultUses;

/// <summary>Whether a person (or unit) is covered for a matter (or any) and a use, with the records and the answer in words.</summary>
public static class GetCoverage
{
    public static async Task<ResultUseQueries.Coverage> HandleAsync(Guid? personId, Guid? unitId, Guid? caseId, string? use, SafeHarborDb db, PolicyCatalog policies, CancellationToken ct)
    {
        if ((personId is null) == (unitId is null))
        {
            throw DomainException.Invalid("subject-required", "请指定 personId（人员）或 unitId（单位）之一。");
        }
        var uses = policies.All.SelectMany(p => p.ResultUses).Select(u => u.Code).ToHashSet();
        if (string.IsNullOrWhiteSpace(use) || !uses.Contains(use))
        {
            throw DomainException.Invalid("use-unknown", $"请指定用途 use，可用：{string.Join("、", uses)}。");
        }
        var subjectName = personId is { } p
            ? await db.Persons.Where(x => x.Id == p).Select(x => x.Name).SingleOrDefaultAsync(ct)
            : await db.Units.Where(x => x.Id == unitId).Select(x => x.Name).SingleOrDefaultAsync(ct);
        if (subjectName is null)
        {
            throw DomainException.NotFound("subject-not-found", personId is not null ? "人员不存在。" : "单位不存在。");
        }
        var records = (await ListRecords.HandleAsync(personId, unitId, db, policies, ct))
            .Where(r => r.UseCode == use && (caseId is null || r.CaseId == caseId)).ToList();
        var useText = policies.All.SelectMany(x => x.ResultUses).First(u => u.Code == use);
        string answer;
        if (records.Count > 0)
        {
            answer = $"{subjectName}就{string.Join("、", records.Select(r => $"事项 {r.CaseNumber}“{r.MatterTitle}”（{r.OutcomeName}，{r.DecidedOn:yyyy-MM-dd}）"))}受{useText.Article}保护：{useText.Text}。";
        }
        else if (caseId is { } matter)
        {
            var c = await db.Cases.AsNoTracking().SingleOrDefaultAsync(x => x.Id == matter, ct)
                ?? throw DomainException.NotFound("case-not-found", "事项不存在。");
            var involved = c.Subjects.Any(s => personId is not null
                ? s.PersonId == personId
                : s.Kind == SubjectKind.Unit && s.UnitId == unitId);
            answer = !involved
                ? $"{subjectName}不是事项 {c.Number} 的问责对象，该事项与其无关。"
                : c.Decision is { } d
                    ? $"事项 {c.Number} 的认定结果为“{policies.Get(c.PolicyId).OutcomeName(d.Outcome)}”，{subjectName}在“{useText.Title}”方面不受容错免责保护。"
                    : $"事项 {c.Number} 尚未认定（{c.Status.Chinese()}），{subjectName}暂不受容错免责保护。";
        }
        else
        {
            answer = $"{subjectName}没有在“{useText.Title}”方面受容错免责保护的事项。";
        }
        return new ResultUseQueries.Coverage(records.Count > 0, answer, records);
    }
}
