using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Features.ResultUses;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Assessment;

/// <summary>
/// One person's assessment in a period: a score per indicator of the scheme that applies to them, deductions with
/// reasons, the total (scores − deductions). A deduction for a matter that an exemption covers under one of the
/// scheme's protecting uses is refused (Art. 11(1), (2), (4)). Every change clears the person's grade until the
/// period's grades are finalised again, and is checked against the version the user saw (If-Match). What the assessment
/// use cases share: loading with the version check, scores, totals, the Art. 11 refusal.
/// </summary>
public static class Assessments
{
    /// <summary>
    /// Art. 11: an exempted matter brings no deduction in the 党风廉政建设责任制 and the annual target assessment and no negative
    /// evaluation in the annual appraisal. The scheme names which of these uses protect; the result records say who is covered.
    /// </summary>
    public static async Task RefuseIfProtectedAsync(SafeHarborDb db, PolicyCatalog policies, Guid personId, string personName, Case matter, AssessmentScheme scheme, CancellationToken ct)
    {
        var known = AssessmentAccess.ResultUses(policies).Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        var records = new List<ResultUseQueries.RecordView>();
        foreach (var use in scheme.ProtectedByUses.Where(known.Contains))
        {
            var coverage = await GetCoverage.HandleAsync(personId, null, matter.Id, use, db, policies, ct);
            records.AddRange(coverage.Records);
        }
        if (records.Count == 0)
        {
            return;
        }
        var first = records[0];
        throw DomainException.Conflict("exempted-matter",
            $"不能以事项 {first.CaseNumber}“{first.MatterTitle}”扣分：该事项已于 {first.DecidedOn:yyyy-MM-dd} 认定{first.OutcomeName}，"
            + $"{personName}就该事项有以下结果运用记录——"
            + string.Join("；", records.OrderBy(x => x.UseArticle, StringComparer.Ordinal).Select(x => $"{x.UseArticle}：{x.UseText}"))
            + $"。考核方案“{scheme.Name}”规定此类事项不得扣分。");
    }

    internal static async Task<(PersonAssessment Assessment, AssessmentPeriod Period, AssessmentScheme Scheme, string Person)> LoadAsync(
        CommandContext ctx, Guid id, int? expectedVersion, CancellationToken ct)
    {
        AssessmentAccess.RequirePersonnel(ctx.Actor);
        var a = await ctx.Db.Set<PersonAssessment>().SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw DomainException.NotFound("assessment-not-found", "考核记录不存在。");
        var period = await Periods.LoadOpenAsync(ctx.Db, a.PeriodId, ct);
        var person = await ctx.Db.Persons.Where(p => p.Id == a.PersonId).Select(p => p.Name).SingleAsync(ct);
        if (expectedVersion is { } expected && expected != a.Version)
        {
            throw DomainException.Conflict("concurrency-conflict",
                $"{person}在{period.Name}中的考核记录已被他人修改（您看到的是第 {expected} 版，当前为第 {a.Version} 版），您的操作未保存。请刷新后重新提交。");
        }
        var scheme = await ctx.Db.Set<AssessmentScheme>().AsNoTracking().SingleAsync(s => s.Id == a.SchemeId, ct);
        return (a, period, scheme, person);
    }

    internal static Validation ValidateScores(AssessmentScheme scheme, IReadOnlyList<CreateAssessment.ScoreInput>? scores, string? comment)
    {
        var v = new Validation()
            .Require(scores is { Count: > 0 }, "scores", $"请按考核方案“{scheme.Name}”逐项评分。")
            .Require(comment is null || comment.Trim().Length <= 1000, "comment", "评语不能超过 1000 个字。");
        var given = scores ?? [];
        for (var i = 0; i < given.Count; i++)
        {
            var s = given[i];
            var indicator = scheme.Indicators.FirstOrDefault(x => x.Code == s.Code?.Trim());
            if (indicator is null)
            {
                v.Require(false, $"scores[{i}].code", $"考核方案“{scheme.Name}”没有代码为“{s.Code}”的指标。");
                continue;
            }
            v.Require(s.Score is { } score && score >= 0 && score <= indicator.MaxScore && decimal.Round(score, 2) == score,
                $"scores[{i}].score", $"“{indicator.Name}”的得分须在 0 到 {AssessmentNames.Points(indicator.MaxScore)} 分之间，最多两位小数。");
        }
        var codes = given.Select(s => s.Code?.Trim()).ToList();
        var missing = scheme.Indicators.Where(i => !codes.Contains(i.Code)).Select(i => i.Name).ToList();
        v.Require(missing.Count == 0, "scores", $"以下指标尚未评分：{string.Join("、", missing)}。");
        var twice = codes.Where(c => c is not null).GroupBy(c => c).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        v.Require(twice.Count == 0, "scores", $"指标重复评分：{string.Join("、", twice)}。");
        return v;
    }

    // Owned rows keyed by (assessment, code): change kept rows in place, so EF never tracks two rows with one key.
    internal static void SetScores(PersonAssessment a, IReadOnlyList<CreateAssessment.ScoreInput> scores)
    {
        foreach (var s in scores)
        {
            var code = s.Code!.Trim();
            if (a.Scores.FirstOrDefault(x => x.Code == code) is { } kept)
            {
                kept.Score = s.Score!.Value;
            }
            else
            {
                a.Scores.Add(new IndicatorScore { Code = code, Score = s.Score!.Value });
            }
        }
        a.Scores.RemoveAll(x => scores.All(s => s.Code!.Trim() != x.Code));
    }

    internal static void Recompute(PersonAssessment a) => a.Total = a.Scores.Sum(s => s.Score) - a.Deductions.Sum(d => d.Points);

    internal static void RequireNonNegative(PersonAssessment a)
    {
        if (a.Total < 0)
        {
            throw DomainException.Invalid("deductions-exceed-scores",
                $"扣分合计（{AssessmentNames.Points(a.Deductions.Sum(d => d.Points))} 分）不能超过指标得分合计（{AssessmentNames.Points(a.Scores.Sum(s => s.Score))} 分）。");
        }
    }

    /// <summary>The total moved, so the grade no longer stands until the period's grades are finalised again.</summary>
    internal static void Changed(PersonAssessment a)
    {
        a.Grade = null;
        a.Version++;
    }

    internal static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    internal static object Scores(PersonAssessment a, AssessmentScheme scheme) =>
        scheme.Indicators.ToDictionary(i => i.Name, i => a.Scores.FirstOrDefault(s => s.Code == i.Code)?.Score);
}
