using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Organisation;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Assessment;

/// <summary>
/// Assessment schemes (考核方案): the templates the personnel section keeps, with indicators that differ by unit type and post.
/// What the scheme use cases share: the view, the validation, which scheme assesses a person.
/// </summary>
public static partial class Schemes
{
    public sealed record IndicatorView(string Code, string Name, decimal MaxScore, string? Description);

    public sealed record UseView(string Code, string Article, string Title, string Text);

    /// <summary><see cref="ETag"/> changes whenever the scheme's content changes: send it back as If-Match to update.</summary>
    public sealed record SchemeView(
        Guid Id, string Name, IReadOnlyList<UnitType> UnitTypes, string Scope, string? PostKeyword, bool LeadersOnly,
        IReadOnlyList<IndicatorView> Indicators, decimal MaxTotal, decimal ExcellentLine, decimal CompetentLine, decimal BasicLine,
        int ExcellentQuotaPercent, IReadOnlyList<UseView> ProtectedByUses, bool Active, int AssessmentCount, string ETag);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,30}$")]
    private static partial Regex CodePattern();

    /// <summary>The scheme that assesses the person now (or the refusal saying why none or several apply).</summary>
    public static async Task<AssessmentScheme> ForPersonAsync(SafeHarborDb db, Person person, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == person.UnitId, ct);
        var schemes = await db.Set<AssessmentScheme>().AsNoTracking().Where(s => s.Active).ToListAsync(ct);
        return SchemeSelection.Choose(schemes, new SchemeSelection.Subject(person.Name, unit.Type, unit.Name, person.Post, person.IsLeader));
    }

    internal static async Task<Dictionary<Guid, int>> UseCountsAsync(SafeHarborDb db, CancellationToken ct) =>
        (await db.Set<PersonAssessment>().AsNoTracking().Select(a => a.SchemeId).ToListAsync(ct))
            .GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());

    internal static async Task<AssessmentScheme> LoadAsync(SafeHarborDb db, Guid id, CancellationToken ct) =>
        await db.Set<AssessmentScheme>().SingleOrDefaultAsync(s => s.Id == id, ct)
            ?? throw DomainException.NotFound("scheme-not-found", "考核方案不存在。");

    internal static async Task RequireUniqueNameAsync(SafeHarborDb db, string name, Guid? except, CancellationToken ct)
    {
        if (await db.Set<AssessmentScheme>().AnyAsync(s => s.Name == name && s.Id != except, ct))
        {
            throw DomainException.Conflict("scheme-exists", $"已有名为“{name}”的考核方案。");
        }
    }

    internal static void RequireETag(AssessmentScheme scheme, PolicyCatalog policies, int used, string? expected)
    {
        if (expected is null)
        {
            return;
        }
        var current = View(scheme, policies, used).ETag;
        if (!string.Equals(expected, current, StringComparison.Ordinal))
        {
            throw DomainException.Conflict("concurrency-conflict", $"考核方案“{scheme.Name}”已被他人修改，您的修改未保存。请刷新后重新提交。");
        }
    }

    internal static Validation Validate(CreateScheme.Request r, PolicyCatalog policies)
    {
        var v = new Validation()
            .Name(r.Name, "name", "方案名称", 100)
            .Require(r.UnitTypes is { Count: > 0 }, "unitTypes", "请选择方案适用的单位类型。")
            .Require(r.UnitTypes is null || r.UnitTypes.All(Enum.IsDefined), "unitTypes", "单位类型不正确。")
            .Require(r.PostKeyword is null || r.PostKeyword.Trim().Length <= 50, "postKeyword", "岗位关键词不能超过 50 个字。")
            .Require(r.Indicators is { Count: > 0 }, "indicators", "请至少设置一项考核指标。");
        var indicators = r.Indicators ?? [];
        for (var i = 0; i < indicators.Count; i++)
        {
            var x = indicators[i];
            v.Require(x.Code is { } code && CodePattern().IsMatch(code.Trim()), $"indicators[{i}].code", $"第 {i + 1} 项指标的代码须为 1–30 位字母、数字、下划线或连字符。")
                .RequireText(x.Name, $"indicators[{i}].name", $"第 {i + 1} 项指标的名称", 100)
                .Require(x.MaxScore is > 0 and <= 1000 && decimal.Round(x.MaxScore.Value, 2) == x.MaxScore, $"indicators[{i}].maxScore", $"第 {i + 1} 项指标的满分须大于 0、不超过 1000，最多两位小数。")
                .Require(x.Description is null || x.Description.Length <= 500, $"indicators[{i}].description", $"第 {i + 1} 项指标的说明不能超过 500 个字。");
        }
        var duplicates = indicators.Where(x => !string.IsNullOrWhiteSpace(x.Code)).GroupBy(x => x.Code!.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        v.Require(duplicates.Count == 0, "indicators", $"指标代码重复：{string.Join("、", duplicates)}。");
        var maxTotal = indicators.Sum(x => x.MaxScore ?? 0);
        v.Require(r.ExcellentLine is not null && r.CompetentLine is not null && r.BasicLine is not null, "excellentLine", "请填写优秀、称职、基本称职三条分数线。");
        if (r is { ExcellentLine: { } e, CompetentLine: { } c, BasicLine: { } b })
        {
            v.Require(b >= 0 && b < c && c < e, "excellentLine", "分数线须满足：0 ≤ 基本称职线 < 称职线 < 优秀线。")
                .Require(e <= maxTotal, "excellentLine", $"优秀线不能高于各项指标满分之和（{AssessmentNames.Points(maxTotal)} 分）。");
        }
        v.Require(r.ExcellentQuotaPercent is >= 0 and <= 100, "excellentQuotaPercent", "优秀比例须在 0 到 100（%）之间。");
        var known = AssessmentAccess.ResultUses(policies).Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        var unknown = (r.ProtectedByUses ?? []).Where(u => !known.Contains(u)).ToList();
        v.Require(r.ProtectedByUses is null || r.ProtectedByUses.Count > 0, "protectedByUses", "依第十一条，请至少选择一项保护已免责事项不被扣分的结果运用。");
        v.Require(unknown.Count == 0, "protectedByUses", $"结果运用代码不正确：{string.Join("、", unknown)}；可用：{string.Join("、", known)}。");
        return v;
    }

    internal static void Apply(AssessmentScheme scheme, CreateScheme.Request r)
    {
        scheme.UnitTypes = r.UnitTypes!.Distinct().Order().ToList();
        scheme.PostKeyword = string.IsNullOrWhiteSpace(r.PostKeyword) ? null : r.PostKeyword.Trim();
        scheme.LeadersOnly = r.LeadersOnly;
        scheme.ExcellentLine = r.ExcellentLine!.Value;
        scheme.CompetentLine = r.CompetentLine!.Value;
        scheme.BasicLine = r.BasicLine!.Value;
        scheme.ExcellentQuotaPercent = r.ExcellentQuotaPercent!.Value;
        scheme.ProtectedByUses = (r.ProtectedByUses ?? AssessmentAccess.DefaultProtectedByUses).Distinct().ToList();
        // Owned rows keyed by (scheme, code): change kept rows in place, so EF never tracks two rows with one key.
        var wanted = r.Indicators!.Select(x => new Indicator
        {
            Code = x.Code!.Trim(), Name = x.Name!.Trim(), MaxScore = x.MaxScore!.Value,
            Description = string.IsNullOrWhiteSpace(x.Description) ? null : x.Description.Trim(),
        }).ToList();
        scheme.Indicators.RemoveAll(old => wanted.All(w => w.Code != old.Code));
        var ordered = new List<Indicator>();
        foreach (var w in wanted)
        {
            var kept = scheme.Indicators.FirstOrDefault(old => old.Code == w.Code);
            if (kept is null)
            {
                ordered.Add(w);
                continue;
            }
            kept.Name = w.Name;
            kept.MaxScore = w.MaxScore;
            kept.Description = w.Description;
            ordered.Add(kept);
        }
        scheme.Indicators.Clear();
        scheme.Indicators.AddRange(ordered);
    }

    internal static bool SameIndicatorSet(AssessmentScheme scheme, CreateScheme.Request r) =>
        scheme.Indicators.Select(i => (i.Code, i.MaxScore)).OrderBy(x => x.Code, StringComparer.Ordinal)
            .SequenceEqual((r.Indicators ?? []).Select(i => (Code: i.Code?.Trim() ?? "", MaxScore: i.MaxScore ?? 0)).OrderBy(x => x.Code, StringComparer.Ordinal));

    internal static object Describe(AssessmentScheme s) => new
    {
        s.Name,
        unitTypes = s.UnitTypes.Select(t => t.Chinese()),
        s.PostKeyword,
        s.LeadersOnly,
        indicators = s.Indicators.Select(i => $"{i.Code} {i.Name} {AssessmentNames.Points(i.MaxScore)}"),
        lines = new { excellent = s.ExcellentLine, competent = s.CompetentLine, basic = s.BasicLine },
        quota = s.ExcellentQuotaPercent,
        s.ProtectedByUses,
        s.Active,
    };

    public static SchemeView View(AssessmentScheme s, PolicyCatalog policies, int used)
    {
        var uses = AssessmentAccess.ResultUses(policies);
        var content = string.Join("|",
            s.Name, string.Join(",", s.UnitTypes.Order()), s.PostKeyword, s.LeadersOnly, s.ExcellentLine, s.CompetentLine, s.BasicLine, s.ExcellentQuotaPercent,
            string.Join(",", s.ProtectedByUses), s.Active,
            string.Join(";", s.Indicators.Select(i => $"{i.Code}/{i.Name}/{i.MaxScore}/{i.Description}")));
        var etag = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)))[..16];
        return new SchemeView(
            s.Id, s.Name, s.UnitTypes.Order().ToList(), SchemeSelection.DescribeScope(s), s.PostKeyword, s.LeadersOnly,
            s.Indicators.Select(i => new IndicatorView(i.Code, i.Name, i.MaxScore, i.Description)).ToList(),
            s.Indicators.Sum(i => i.MaxScore), s.ExcellentLine, s.CompetentLine, s.BasicLine, s.ExcellentQuotaPercent,
            s.ProtectedByUses.Select(code => uses.FirstOrDefault(u => u.Code == code) is { } u
                ? new UseView(u.Code, u.Article, u.Title, u.Text)
                : new UseView(code, "", code, code)).ToList(),
            s.Active, used, etag);
    }

    /// <summary>The uses that protect the person's matters: those of the scheme that assesses them, else the default ones.</summary>
    public static async Task<IReadOnlyCollection<string>> ProtectingUsesAsync(SafeHarborDb db, Person person, CancellationToken ct)
    {
        try
        {
            return (await ForPersonAsync(db, person, ct)).ProtectedByUses;
        }
        catch (DomainException e) when (e.Kind == ErrorKind.Conflict)
        {
            return AssessmentAccess.DefaultProtectedByUses;
        }
    }
}
