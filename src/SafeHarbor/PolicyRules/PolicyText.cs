using System.Text;
using SafeHarbor.Cases;

namespace SafeHarbor.PolicyRules;

/// <summary>A policy version as a person reads it (CLI <c>policy show</c>, the admin page).</summary>
public static class PolicyText
{
    public static string Describe(PolicyVersion p)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"{p.Title}");
        sb.AppendLine($"文号：{p.DocumentNumber}    发文机关：{p.Issuer}    印发日期：{p.IssuedOn:yyyy-MM-dd}");
        sb.AppendLine($"施行：{p.EffectiveFrom:yyyy-MM-dd} 起{(p.EffectiveTo is { } to ? $"，至 {to:yyyy-MM-dd} 止" : "")}    解释部门：{string.Join("、", p.InterpretedBy)}");
        sb.AppendLine();
        var w = p.ApplicationWindow;
        sb.AppendLine($"申请期限（{w.Article}）：{DescribeWindow(w)}，起算日{(w.StartDayCounted ? "计入" : "不计入")}，向{w.SubmitTo}提出。");
        sb.AppendLine();
        sb.AppendLine("基本条件（须全部具备）：");
        foreach (var i in p.BaseConditions)
        {
            sb.AppendLine($"  [{i.Code}] {i.Article} {i.Title}：{i.Text}");
        }
        sb.AppendLine("排除情形（有其一即不得容错免责）：");
        foreach (var i in p.Exclusions)
        {
            sb.AppendLine($"  [{i.Code}] {i.Article} {i.Title}：{i.Text}");
        }
        sb.AppendLine($"具体条件（{(p.Conditions.Require == ConditionRequirement.AnyOne ? "具备其中之一" : "须全部具备")}，{p.Conditions.Article}）：");
        foreach (var i in p.Conditions.Items)
        {
            sb.AppendLine($"  [{i.Code}] {i.Article} {i.Text}");
        }
        sb.AppendLine($"重复失误（{p.Repeat.Article}）：{p.Repeat.Text} 默认建议：{p.OutcomeName(p.Repeat.DefaultRecommendation)}；相似度阈值 {p.Repeat.SimilarityThreshold:P0}{(p.Repeat.RequireSameField ? "，须同一业务领域" : "")}。");
        sb.AppendLine();
        sb.AppendLine("认定结果：" + string.Join("；", p.Outcomes.Select(o => $"{o.Name}（{o.Article}）")));
        sb.AppendLine($"认定机关：{p.Decision.Body}（{p.Decision.Article}）；会议须{p.Decision.Quorum.Describe()}到会；决定须{p.Decision.Passing.Describe()}同意；{(p.Decision.OneVotePerMatter ? "每名成员对每个事项表决一次" : "表决可更改，以最后一次为准")}。");
        sb.AppendLine("结果运用：");
        foreach (var u in p.ResultUses)
        {
            sb.AppendLine($"  {u.Article} {u.Text}");
        }
        if (p.Provisions.Count > 0)
        {
            sb.AppendLine("认定之后：");
            foreach (var x in p.Provisions)
            {
                sb.AppendLine($"  [{x.Code}] {x.Article} {x.Title}：{x.Text}");
            }
        }
        sb.AppendLine("职责：");
        foreach (var (duty, holder) in p.Duties.OrderBy(d => d.Key))
        {
            sb.AppendLine($"  {duty.Chinese()}：{holder.Body}（角色 {string.Join("、", holder.Roles)}）");
        }
        return sb.ToString();
    }

    /// <summary>The application window in words: 启动问责程序后7个工作日.</summary>
    public static string DescribeWindow(ApplicationWindowRule window) =>
        $"启动问责程序后{window.Length}个{(window.Unit == WindowUnit.WorkingDays ? "工作日" : "自然日")}";
}
