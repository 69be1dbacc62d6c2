using SafeHarbor.Cases;
using SafeHarbor.PolicyRules;
using SafeHarbor.Tests.Workflow;

namespace SafeHarbor.Tests.Rules;

/// <summary>Art. 4, 7, 10 against the 131号 policy: the advice, item by item. It advises; people decide.</summary>
[Article("4", "7", "10")]
public sealed class EligibilityAdvisorTests
{
    private static readonly PolicyVersion Policy = Shipped.Policy131;

    /// <summary>Base conditions and exclusions met, condition (1) met, nothing else on record.</summary>
    private static Dictionary<string, Statement> Eligible() =>
        Policy.BaseConditions.Concat(Policy.Exclusions).Append(Policy.FindItem("c1")!)
            .ToDictionary(i => i.Code, _ => new Statement(Verdict.Met, "符合"));

    private static EligibilityInput Input(
        IReadOnlyDictionary<string, Statement> statements,
        AdviceStage stage = AdviceStage.Claimed,
        IReadOnlyList<RepeatMatch>? repeats = null,
        IReadOnlyList<AbuseFinding>? abuse = null,
        DateOnly? appliedOn = null) =>
        RuleInput.Input(stage, statements, RuleInput.Neutral, abuse, repeats, appliedOn ?? new DateOnly(2026, 3, 10));

    private static readonly RepeatMatch EarlierCase =
        new(Guid.NewGuid(), "2025-0003", "首违不罚后再次违法", new DateOnly(2025, 6, 1), 0.8, "同一问责对象：张三");

    [Theory]
    [InlineData(AdviceStage.Claimed)]
    [InlineData(AdviceStage.Verified)]
    public void Everything_met_advises_exemption(AdviceStage stage)
    {
        var advice = EligibilityAdvisor.Advise(Policy, Input(Eligible(), stage));

        Assert.Equal(Recommendation.Exempt, advice.Recommendation);
        Assert.Equal(stage, advice.Stage);
        Assert.StartsWith(stage.Chinese(), advice.Summary);
    }

    [Fact]
    public void Advice_has_one_result_per_item_plus_the_window_the_condition_set_and_the_repeat_check()
    {
        var advice = EligibilityAdvisor.Advise(Policy, Input(Eligible()));

        Assert.Equal(Policy.AllItems.Count() + 3, advice.Items.Count);
        Assert.Equal(["application-window", .. Policy.AllItems.Select(i => i.Code), "conditions", "repeat"],
            advice.Items.Select(i => i.Code));
    }

    [Theory]
    [InlineData("within-duties", "在依法依规履行职责过程中")]
    [InlineData("bold-but-mistaken", "主观上勇于担当，客观上出现失误")]
    public void One_base_condition_not_met_advises_against_exemption_and_names_the_article(string code, string title)
    {
        var statements = Eligible();
        statements[code] = new Statement(Verdict.NotMet, "不符合");

        var advice = EligibilityAdvisor.Advise(Policy, Input(statements));

        Assert.Equal(Recommendation.NotExempt, advice.Recommendation);
        Assert.Contains($"第四条“{title}”", advice.Summary);
    }

    [Fact]
    public void Exclusion_found_advises_against_exemption()
    {
        var statements = Eligible();
        statements["no-improper-benefit"] = new Statement(Verdict.NotMet, "查实收受礼金");

        var advice = EligibilityAdvisor.Advise(Policy, Input(statements, AdviceStage.Verified));

        Assert.Equal(Recommendation.NotExempt, advice.Recommendation);
        Assert.Contains("没有谋取不正当利益", advice.Summary);
    }

    [Fact]
    public void Substantiated_abuse_report_advises_against_exemption_under_article_10()
    {
        var advice = EligibilityAdvisor.Advise(Policy,
            Input(Eligible(), abuse: [new AbuseFinding("徇私舞弊", "为亲属企业减免罚款", new DateOnly(2026, 1, 5))]));

        Assert.Equal(Recommendation.NotExempt, advice.Recommendation);
        Assert.Contains("第十条", advice.Summary);
    }

    [Fact]
    public void Late_application_advises_against_exemption_under_article_5()
    {
        var advice = EligibilityAdvisor.Advise(Policy, Input(Eligible(), appliedOn: new DateOnly(2026, 3, 18)));

        Assert.Equal(Recommendation.NotExempt, advice.Recommendation);
        Assert.Contains("第五条第（一）项", advice.Summary);
    }

    [Fact]
    public void No_listed_condition_met_advises_against_exemption()
    {
        var statements = Eligible();
        statements.Remove("c1");

        var advice = EligibilityAdvisor.Advise(Policy, Input(statements));

        Assert.Equal(Recommendation.NotExempt, advice.Recommendation);
        Assert.Contains("具备所列条件之一", advice.Summary);
    }

    [Fact]
    public void Repeat_takes_the_policys_default_even_when_everything_else_is_met()
    {
        Assert.Equal(Outcome.NotExempted, Policy.Repeat.DefaultRecommendation);

        var advice = EligibilityAdvisor.Advise(Policy, Input(Eligible(), repeats: [EarlierCase]));

        Assert.Equal(Recommendation.NotExempt, advice.Recommendation);
        Assert.Contains("第七条", advice.Summary);
        Assert.Contains("集体研究", advice.Summary);
        Assert.Equal([EarlierCase], advice.Repeats);
    }

    [Fact]
    public void Repeat_default_comes_from_the_policy_file_not_the_code()
    {
        var lenient = Policy with { Repeat = Policy.Repeat with { DefaultRecommendation = Outcome.Mitigated } };

        var advice = EligibilityAdvisor.Advise(lenient, Input(Eligible(), repeats: [EarlierCase]));

        Assert.Equal(Recommendation.Mitigate, advice.Recommendation);
    }

    [Fact]
    public void Blocking_item_outweighs_the_repeat_default()
    {
        var lenient = Policy with { Repeat = Policy.Repeat with { DefaultRecommendation = Outcome.Exempted } };
        var statements = Eligible();
        statements["within-duties"] = new Statement(Verdict.NotMet, "超越职权");

        var advice = EligibilityAdvisor.Advise(lenient, Input(statements, repeats: [EarlierCase]));

        Assert.Equal(Recommendation.NotExempt, advice.Recommendation);
    }

    [Fact]
    public void Open_items_advise_collective_judgement_and_are_named()
    {
        var statements = Eligible();
        statements.Remove("no-major-accident");

        var advice = EligibilityAdvisor.Advise(Policy, Input(statements));

        Assert.Equal(Recommendation.NeedsJudgement, advice.Recommendation);
        Assert.Contains("未造成重大责任事故和恶劣影响", advice.Summary);
    }

    [Fact]
    public void Alarming_narrative_turns_a_claimed_exemption_into_a_question()
    {
        var input = Input(Eligible()) with { Narrative = "检查后该店发生食物中毒。" };

        var advice = EligibilityAdvisor.Advise(Policy, input);

        Assert.Equal(Recommendation.NeedsJudgement, advice.Recommendation);
        Assert.Equal(Verdict.NeedsJudgement, advice.Items.Single(i => i.Code == "no-major-accident").Verdict);
    }

    [Fact]
    public void Unclaimed_listed_conditions_do_not_hold_up_the_advice()
    {
        var advice = EligibilityAdvisor.Advise(Policy, Input(Eligible()));

        Assert.All(advice.Items.Where(i => i.Kind == ItemKind.Condition && i.Code != "c1"), i => Assert.Equal(Verdict.NotMet, i.Verdict));
        Assert.Equal(Recommendation.Exempt, advice.Recommendation);
    }

    [Theory]
    [InlineData(AdviceStage.Claimed)]
    [InlineData(AdviceStage.Verified)]
    public void Summary_says_the_advice_is_only_advice_and_who_decides(AdviceStage stage)
    {
        foreach (var statements in new[] { Eligible(), new Dictionary<string, Statement>() })
        {
            var advice = EligibilityAdvisor.Advise(Policy, Input(statements, stage));

            Assert.Contains("仅供参考", advice.Summary);
            Assert.Contains("局党组集体研究决定", advice.Summary);
        }
    }

    [Fact]
    public void Every_rule_named_in_the_policy_file_exists()
    {
        Assert.All(Policy.AllItems, i => Assert.True(i.Rule is null || EligibilityAdvisor.Rules.ContainsKey(i.Rule), i.Rule));
    }
}
