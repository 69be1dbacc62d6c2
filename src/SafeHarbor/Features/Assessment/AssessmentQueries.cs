using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Features.ResultUses;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Assessment;

/// <summary>The views the assessment use cases answer with, and the reads the pages, the export and the person's profile share.</summary>
public static class AssessmentQueries
{
    public sealed record ScoreView(string Code, string Name, decimal MaxScore, decimal Score);

    /// <summary><see cref="ProtectedBy"/> is set when the matter has since been exempted for this person: the deduction must go.</summary>
    public sealed record DeductionView(
        Guid Id, decimal Points, string Reason, Guid? CaseId, string? CaseNumber, string? CaseTitle, string RecordedBy, DateOnly RecordedOn, string? ProtectedBy);

    public sealed record AssessmentView(
        Guid Id, Guid PeriodId, string PeriodName, PeriodKind PeriodKind, int Year, int? Quarter, bool PeriodClosed,
        Guid PersonId, string PersonName, string Post, Guid UnitId, string UnitName, Guid SchemeId, string SchemeName,
        IReadOnlyList<ScoreView> Scores, decimal ScoreSum, IReadOnlyList<DeductionView> Deductions, decimal DeductionSum,
        decimal Total, Grade? Grade, string? GradeName, string? Comment, int Version);

    public sealed record PeriodSummary(Guid Id, PeriodKind Kind, string KindName, int Year, int? Quarter, string Name, bool Closed, int Assessed, int Graded);

    public sealed record UnitQuotaView(Guid UnitId, string UnitName, int Assessed, int QuotaPercent, int Places, int AtOrAboveLine, int Excellent, string Explanation);

    public sealed record PeriodView(
        Guid Id, PeriodKind Kind, string KindName, int Year, int? Quarter, string Name, bool Closed,
        int Assessed, int Graded, bool GradesCurrent, string GradeStatus, string QuotaRule,
        IReadOnlyList<UnitQuotaView> Units, IReadOnlyList<AssessmentView> Assessments);

    /// <summary>One accountability matter of a person, as the deduction form offers it.</summary>
    public sealed record MatterOption(Guid CaseId, string Number, string Title, string StatusName, string Exemption, IReadOnlyList<string> ProtectedBy);

    /// <summary>
    /// A person's assessments, newest period first, for the profile page. <paramref name="includeOpen"/>: also periods not yet
    /// closed (scores and grades may still change); the person themselves sees closed periods only.
    /// </summary>
    public static async Task<IReadOnlyList<AssessmentView>> ForPersonAsync(SafeHarborDb db, Guid personId, bool includeOpen = true, CancellationToken ct = default)
    {
        var list = await db.Set<PersonAssessment>().AsNoTracking().Where(a => a.PersonId == personId).ToListAsync(ct);
        var views = await ViewsAsync(db, list, ct);
        return views.Where(v => includeOpen || v.PeriodClosed)
            .OrderByDescending(v => v.Year).ThenBy(v => v.PeriodKind == PeriodKind.Annual ? 0 : 1).ThenByDescending(v => v.Quarter).ToList();
    }

    public static async Task<AssessmentView> GetAsync(SafeHarborDb db, Guid id, CancellationToken ct)
    {
        var a = await db.Set<PersonAssessment>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw DomainException.NotFound("assessment-not-found", "考核记录不存在。");
        return (await ViewsAsync(db, [a], ct))[0];
    }

    public static async Task<AssessmentView?> FindAsync(SafeHarborDb db, Guid periodId, Guid personId, CancellationToken ct)
    {
        var a = await db.Set<PersonAssessment>().AsNoTracking().SingleOrDefaultAsync(x => x.PeriodId == periodId && x.PersonId == personId, ct);
        return a is null ? null : (await ViewsAsync(db, [a], ct))[0];
    }

    public static async Task<PeriodView> PeriodAsync(SafeHarborDb db, Guid periodId, CancellationToken ct)
    {
        var period = await db.Set<AssessmentPeriod>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == periodId, ct)
            ?? throw DomainException.NotFound("period-not-found", "考核期不存在。");
        var list = await db.Set<PersonAssessment>().AsNoTracking().Where(a => a.PeriodId == periodId).ToListAsync(ct);
        var views = await ViewsAsync(db, list, ct);
        var schemes = await db.Set<AssessmentScheme>().AsNoTracking().ToDictionaryAsync(s => s.Id, ct);
        var result = Grading.Compute(list.Select(a => Entry(a, schemes[a.SchemeId])));
        var graded = list.Count(a => a.Grade is not null);
        var current = list.Count > 0 && list.All(a => a.Grade is { } g && result.Grades[a.Id] == g);
        var status = list.Count == 0 ? "尚无考核人员。"
            : current ? (period.Closed ? "等次已评定，考核期已关闭，结果只读。" : "等次已评定，与当前分数一致。")
            : graded == 0 ? "尚未评定等次。"
            : "有人员的分数在上次评定等次后发生变动，或尚未评定等次，请重新评定等次。";
        var names = views.ToDictionary(v => v.Id);
        var units = result.Units
            .Select(u => new UnitQuotaView(u.UnitId, views.First(v => v.UnitId == u.UnitId).UnitName, u.Assessed, u.QuotaPercent, u.Places,
                u.AtOrAboveLine.Count, u.Excellent.Count, Explain(u, views.First(v => v.UnitId == u.UnitId).UnitName, names)))
            .OrderBy(u => views.FindIndex(v => v.UnitId == u.UnitId)).ToList();
        return new PeriodView(period.Id, period.Kind, period.Kind.Chinese(), period.Year, period.Quarter, period.Name, period.Closed,
            list.Count, graded, current, status, Grading.RuleText, units, views);
    }

    private static int FindIndex<T>(this IReadOnlyList<T> list, Func<T, bool> match)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (match(list[i]))
            {
                return i;
            }
        }
        return -1;
    }

    internal static Grading.Entry Entry(PersonAssessment a, AssessmentScheme s) =>
        new(a.Id, a.UnitId, a.Total, s.ExcellentLine, s.CompetentLine, s.BasicLine, s.ExcellentQuotaPercent);

    /// <summary>One unit's quota in words: 城东分局：参加考核 5 人，优秀比例 20%，名额 ⌊5 × 20%⌋ = 1 名；…</summary>
    public static string Explain(Grading.UnitQuota u, string unitName, IReadOnlyDictionary<Guid, AssessmentView> people)
    {
        string Who(IEnumerable<Guid> ids) => string.Join("、", ids.Select(id => $"{people[id].PersonName}（{AssessmentNames.Points(people[id].Total)} 分）"));
        var text = $"{unitName}：参加考核 {u.Assessed} 人，优秀比例 {u.QuotaPercent}%，优秀名额 ⌊{u.Assessed} × {u.QuotaPercent}%⌋ = {u.Places} 名；"
            + $"达到优秀分数线 {u.AtOrAboveLine.Count} 人";
        if (u.AtOrAboveLine.Count == 0)
        {
            return text + "，无人评为优秀。";
        }
        text += u.Excellent.Count > 0 ? $"，按总分排序评为优秀 {u.Excellent.Count} 人：{Who(u.Excellent)}" : "，无人评为优秀";
        if (u.TiedAtCutOff.Count > 0)
        {
            text += $"；{Who(u.TiedAtCutOff)}总分并列（{AssessmentNames.Points(u.TiedTotal!.Value)} 分），名额不足以容纳全部并列人员，均不评为优秀";
        }
        var over = u.AtOrAboveLine.Count - u.Excellent.Count - u.TiedAtCutOff.Count;
        if (over > 0)
        {
            text += $"；超出名额的 {over} 人评为称职";
        }
        else if (u.TiedAtCutOff.Count > 0)
        {
            text += "，评为称职";
        }
        return text + "。";
    }

    /// <summary>The person's accountability matters with what protects them from deductions under the scheme's uses (Art. 11).</summary>
    public static async Task<IReadOnlyList<MatterOption>> MattersAsync(SafeHarborDb db, Guid personId, IReadOnlyCollection<string> protectedByUses, CancellationToken ct)
    {
        var cases = await db.Cases.AsNoTracking().Where(c => c.Subjects.Any(s => s.PersonId == personId)).ToListAsync(ct);
        var records = await db.Set<ResultRecord>().AsNoTracking().Where(r => r.PersonId == personId).ToListAsync(ct);
        return cases.OrderBy(c => c.Number, StringComparer.Ordinal).Select(c =>
        {
            var protecting = records.Where(r => r.CaseId == c.Id && protectedByUses.Contains(r.UseCode)).OrderBy(r => r.UseArticle, StringComparer.Ordinal)
                .Select(r => $"{r.UseArticle} {r.UseText}").ToList();
            var exemption = c.Decision switch
            {
                { Outcome: Outcome.Exempted } d => $"已予容错免责（{d.DecidedOn:yyyy-MM-dd}）",
                { Outcome: Outcome.Mitigated } d => $"从轻或减轻处理（{d.DecidedOn:yyyy-MM-dd}）",
                { Outcome: Outcome.NotExempted } d => $"不予容错免责（{d.DecidedOn:yyyy-MM-dd}）",
                _ => $"未认定（{c.Status.Chinese()}）",
            };
            return new MatterOption(c.Id, c.Number, c.Title, c.Status.Chinese(), exemption, protecting);
        }).ToList();
    }

    internal static async Task<IReadOnlyList<AssessmentView>> ViewsAsync(SafeHarborDb db, IReadOnlyList<PersonAssessment> list, CancellationToken ct)
    {
        if (list.Count == 0)
        {
            return [];
        }
        var periodIds = list.Select(a => a.PeriodId).Distinct().ToList();
        var personIds = list.Select(a => a.PersonId).Distinct().ToList();
        var unitIds = list.Select(a => a.UnitId).Distinct().ToList();
        var caseIds = list.SelectMany(a => a.Deductions).Where(d => d.CaseId is not null).Select(d => d.CaseId!.Value).Distinct().ToList();
        var userIds = list.SelectMany(a => a.Deductions).Select(d => d.RecordedBy).Distinct().ToList();
        var periods = await db.Set<AssessmentPeriod>().AsNoTracking().Where(p => periodIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var persons = await db.Persons.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        var schemes = await db.Set<AssessmentScheme>().AsNoTracking().ToDictionaryAsync(s => s.Id, ct);
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Number, c.Title }).ToDictionaryAsync(c => c.Id, ct);
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var records = await db.Set<ResultRecord>().AsNoTracking()
            .Where(r => r.PersonId != null && personIds.Contains(r.PersonId.Value) && caseIds.Contains(r.CaseId)).ToListAsync(ct);
        return list
            .OrderBy(a => units[a.UnitId].SortOrder).ThenBy(a => units[a.UnitId].Name, StringComparer.Ordinal)
            .ThenByDescending(a => a.Total).ThenBy(a => persons[a.PersonId].Name, StringComparer.Ordinal)
            .Select(a =>
            {
                var scheme = schemes[a.SchemeId];
                var period = periods[a.PeriodId];
                var person = persons[a.PersonId];
                var scores = scheme.Indicators.Select(i => new ScoreView(i.Code, i.Name, i.MaxScore, a.Scores.FirstOrDefault(s => s.Code == i.Code)?.Score ?? 0)).ToList();
                var deductions = a.Deductions.OrderBy(d => d.RecordedOn).ThenBy(d => d.Reason, StringComparer.Ordinal).Select(d =>
                {
                    var matter = d.CaseId is { } cid ? cases.GetValueOrDefault(cid) : null;
                    var protecting = d.CaseId is { } id
                        ? records.Where(r => r.CaseId == id && r.PersonId == a.PersonId && scheme.ProtectedByUses.Contains(r.UseCode)).ToList()
                        : [];
                    return new DeductionView(d.Id, d.Points, d.Reason, d.CaseId, matter?.Number, matter?.Title,
                        users.GetValueOrDefault(d.RecordedBy) ?? "", d.RecordedOn,
                        protecting.Count == 0 ? null : string.Join("；", protecting.Select(r => $"{r.UseArticle} {r.UseText}")));
                }).ToList();
                return new AssessmentView(a.Id, a.PeriodId, period.Name, period.Kind, period.Year, period.Quarter, period.Closed,
                    a.PersonId, person.Name, person.Post, a.UnitId, units[a.UnitId].Name, a.SchemeId, scheme.Name,
                    scores, scores.Sum(s => s.Score), deductions, deductions.Sum(d => d.Points),
                    a.Total, a.Grade, a.Grade?.Chinese(), a.Comment, a.Version);
            }).ToList();
    }
}
