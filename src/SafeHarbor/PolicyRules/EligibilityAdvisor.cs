using SafeHarbor.PolicyRules.Rules;

namespace SafeHarbor.PolicyRules;

/// <summary>
/// Evaluates a case against a policy version, item by item, and suggests an outcome (Art. 4, 7, 10).
/// Pure: everything it needs is in <see cref="EligibilityInput"/>. It advises; people decide.
/// </summary>
[Article("4", "7", "10")]
public static class EligibilityAdvisor
{
    public static readonly IReadOnlyDictionary<string, ClauseRule> Rules = new ClauseRule[]
    {
        new FactRequirement(),
        new Art4WithinDutiesAndLaw(),
        new Art4BoldButMistaken(),
        new Art4NoMajorAccident(),
        new Art4NoImproperBenefit(),
        new Art4ListedCondition(),
        new Art10NoAbuseAsCover(),
    }.ToDictionary(r => r.Name);

    private static readonly Art5AppliedInTime WindowRule = new();
    private static readonly Art7RepeatError RepeatRule = new();

    public static EligibilityAdvice Advise(PolicyVersion policy, EligibilityInput input)
    {
        var window = new PolicyItem("application-window", policy.ApplicationWindow.Article, "在申请期限内提出申请", policy.ApplicationWindow.Text);
        var repeat = policy.RepeatItem;

        var items = new List<RuleResult> { WindowRule.Evaluate(window, ItemKind.Procedure, input) };
        items.AddRange(policy.BaseConditions.Select(i => RuleFor(i).Evaluate(i, ItemKind.BaseCondition, input)));
        items.AddRange(policy.Exclusions.Select(i => RuleFor(i).Evaluate(i, ItemKind.Exclusion, input)));
        var conditions = policy.Conditions.Items.Select(i => RuleFor(i).Evaluate(i, ItemKind.Condition, input)).ToList();
        items.AddRange(conditions);
        items.Add(ConditionSetRule.Evaluate(policy.Conditions, conditions));
        var repeatResult = RepeatRule.Evaluate(repeat, ItemKind.Repeat, input);
        items.Add(repeatResult);

        var blocking = items.Where(r => r.Kind is not (ItemKind.Condition or ItemKind.Repeat) && r.Verdict == Verdict.NotMet).ToList();
        var open = items.Where(r => r.Kind is not ItemKind.Condition && r.Verdict == Verdict.NeedsJudgement).ToList();
        Recommendation recommendation;
        string summary;
        if (blocking.Count > 0)
        {
            recommendation = Recommendation.NotExempt;
            summary = "不符合：" + string.Join("；", blocking.Select(b => $"{b.Article}“{b.Title}”"));
        }
        else if (repeatResult.Verdict == Verdict.NotMet)
        {
            recommendation = policy.Repeat.DefaultRecommendation.ToRecommendation();
            summary = $"属于{policy.Repeat.Article}所称重复失误，默认{recommendation.Chinese()}，由集体研究决定。";
        }
        else if (open.Count > 0)
        {
            recommendation = Recommendation.NeedsJudgement;
            summary = "以下事项需研判：" + string.Join("；", open.Select(b => $"{b.Article}“{b.Title}”"));
        }
        else
        {
            recommendation = Recommendation.Exempt;
            summary = "基本条件均符合，未发现排除情形，具备规定的具体条件。";
        }
        return new EligibilityAdvice(input.Stage, items, recommendation, $"{input.Stage.Chinese()}：{summary}（本建议仅供参考，认定由{policy.Decision.Body}集体研究决定。）", input.Repeats);
    }

    private static ClauseRule RuleFor(PolicyItem item) => Rules[item.Rule ?? nameof(FactRequirement)];
}
