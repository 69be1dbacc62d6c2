using SafeHarbor.Cases;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Assessment;

/// <summary>
/// Which scheme assesses a person (Art. 12, 体现差异化要求): an active scheme applies when it names the
/// person's unit type, its post keyword (if any) occurs in the person's post, and it is not for leaders
/// only or the person is a leading cadre. Of those that apply the most specific wins (a leaders-only
/// scheme and a post keyword each count once), so a 领导干部 scheme can sit beside a scheme for all staff
/// of the same units; when none applies, or several apply equally, the person is not assessed until
/// the personnel section has made the schemes unambiguous.
/// </summary>
public static class SchemeSelection
{
    public sealed record Subject(string Name, UnitType UnitType, string UnitName, string Post, bool IsLeader)
    {
        public string Describe() =>
            $"{Name}（{UnitName}，{UnitType.Chinese()}；岗位“{(Post.Length == 0 ? "未填" : Post)}”；{(IsLeader ? "领导干部" : "非领导干部")}）";
    }

    public static bool AppliesTo(AssessmentScheme scheme, Subject subject) =>
        scheme.Active
        && scheme.UnitTypes.Contains(subject.UnitType)
        && (string.IsNullOrWhiteSpace(scheme.PostKeyword) || subject.Post.Contains(scheme.PostKeyword.Trim(), StringComparison.Ordinal))
        && (!scheme.LeadersOnly || subject.IsLeader);

    public static int Specificity(AssessmentScheme scheme) =>
        (scheme.LeadersOnly ? 1 : 0) + (string.IsNullOrWhiteSpace(scheme.PostKeyword) ? 0 : 1);

    /// <summary>The one scheme that assesses the subject; refused (409) when none or several equally specific apply.</summary>
    public static AssessmentScheme Choose(IEnumerable<AssessmentScheme> schemes, Subject subject)
    {
        var applicable = schemes.Where(s => AppliesTo(s, subject)).ToList();
        if (applicable.Count == 0)
        {
            throw DomainException.Conflict("no-scheme",
                $"没有适用于{subject.Describe()}的考核方案。请人事科建立或启用适用于“{subject.UnitType.Chinese()}”的考核方案后再考核。");
        }
        var top = applicable.Max(Specificity);
        var best = applicable.Where(s => Specificity(s) == top).ToList();
        if (best.Count > 1)
        {
            throw DomainException.Conflict("several-schemes",
                $"有 {best.Count} 个考核方案同样适用于{subject.Describe()}：{string.Join("、", best.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => $"“{s.Name}”"))}。"
                + "请调整方案的适用范围（单位类型、岗位关键词、仅限领导干部）或停用其一，使每人只适用一个方案。");
        }
        return best[0];
    }

    /// <summary>How a scheme's scope reads on the page: 分局、综合支队 · 岗位含“执法” · 仅限领导干部.</summary>
    public static string DescribeScope(AssessmentScheme scheme)
    {
        var parts = new List<string> { string.Join("、", scheme.UnitTypes.Order().Select(t => t.Chinese())) };
        if (!string.IsNullOrWhiteSpace(scheme.PostKeyword))
        {
            parts.Add($"岗位含“{scheme.PostKeyword.Trim()}”");
        }
        if (scheme.LeadersOnly)
        {
            parts.Add("仅限领导干部");
        }
        return string.Join(" · ", parts);
    }
}
