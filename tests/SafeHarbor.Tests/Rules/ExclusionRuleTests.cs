using SafeHarbor.PolicyRules;
using SafeHarbor.PolicyRules.Rules;

namespace SafeHarbor.Tests.Rules;

/// <summary>Art. 4: no major liability accident in work safety, food safety or mass incidents, and no egregious effect.</summary>
[Article("4")]
public sealed class Art4NoMajorAccidentTests : FactRequirementContract<Art4NoMajorAccident>
{
    [Theory]
    [InlineData("检查后该店发生食物中毒，两人住院。", "中毒")]
    [InlineData("事故造成一人死亡。", "死亡")]
    [InlineData("引发群体性上访。", "群体性")]
    [InlineData("网络舆情发酵，造成恶劣影响。", "舆情")]
    [InlineData("被认定为责任事故。", "责任事故")]
    public void Claimed_absence_of_an_accident_needs_judgement_when_the_narrative_mentions_one(string narrative, string word)
    {
        var result = Rule.Evaluate(Item, ItemKind.Exclusion,
            RuleInput.Input(AdviceStage.Claimed, RuleInput.Says("x", Verdict.Met, "未造成事故"), narrative));

        Assert.Equal(Verdict.NeedsJudgement, result.Verdict);
        Assert.Contains($"“{word}”", result.Reason);
        Assert.Contains("重大责任事故", result.Reason);
        Assert.Contains("未造成事故", result.Reason);
    }

    [Fact]
    public void Every_alarming_word_found_is_named()
    {
        var result = Rule.Evaluate(Item, ItemKind.Exclusion,
            RuleInput.Input(AdviceStage.Claimed, RuleInput.Says("x", Verdict.Met), "发生中毒事件并造成一人死亡，引发舆情。"));

        Assert.Contains("“死亡”“中毒”“舆情”", result.Reason);
    }

    [Fact]
    public void Narrative_without_alarming_words_leaves_the_claim_met()
    {
        var result = Rule.Evaluate(Item, ItemKind.Exclusion, RuleInput.Input(AdviceStage.Claimed, RuleInput.Says("x", Verdict.Met)));

        Assert.Equal(Verdict.Met, result.Verdict);
    }

    [Fact]
    public void Improper_benefit_words_do_not_cast_doubt_on_an_accident_claim()
    {
        var result = Rule.Evaluate(Item, ItemKind.Exclusion,
            RuleInput.Input(AdviceStage.Claimed, RuleInput.Says("x", Verdict.Met), "收受礼金。"));

        Assert.Equal(Verdict.Met, result.Verdict);
    }
}

/// <summary>Art. 4: no improper benefit for oneself, others or the unit.</summary>
[Article("4")]
public sealed class Art4NoImproperBenefitTests : FactRequirementContract<Art4NoImproperBenefit>
{
    [Theory]
    [InlineData("执法人员曾收受当事人购物卡。", "收受")]
    [InlineData("春节期间接受礼金。", "礼金")]
    [InlineData("接受当事人宴请。", "宴请")]
    [InlineData("收取好处费。", "好处费")]
    [InlineData("存在回扣。", "回扣")]
    public void Claimed_absence_of_a_benefit_needs_judgement_when_the_narrative_mentions_one(string narrative, string word)
    {
        var result = Rule.Evaluate(Item, ItemKind.Exclusion,
            RuleInput.Input(AdviceStage.Claimed, RuleInput.Says("x", Verdict.Met, "未谋取利益"), narrative));

        Assert.Equal(Verdict.NeedsJudgement, result.Verdict);
        Assert.Contains($"“{word}”", result.Reason);
        Assert.Contains("不正当利益", result.Reason);
    }

    [Fact]
    public void Accident_words_do_not_cast_doubt_on_a_benefit_claim()
    {
        var result = Rule.Evaluate(Item, ItemKind.Exclusion,
            RuleInput.Input(AdviceStage.Claimed, RuleInput.Says("x", Verdict.Met), "事故造成一人死亡。"));

        Assert.Equal(Verdict.Met, result.Verdict);
    }
}

/// <summary>Art. 10: a substantiated report of abuse under cover of flexible enforcement excludes exemption.</summary>
[Article("10")]
public sealed class Art10NoAbuseAsCoverTests : FactRequirementContract<Art10NoAbuseAsCover>
{
    private static readonly AbuseFinding Substantiated = new("吃拿卡要", "向商户索要财物", new DateOnly(2026, 2, 3));

    [Theory]
    [InlineData(AdviceStage.Claimed, Verdict.Met)]
    [InlineData(AdviceStage.Verified, Verdict.Met)]
    [InlineData(AdviceStage.Verified, Verdict.NeedsJudgement)]
    public void Substantiated_report_is_not_met_whatever_is_claimed_or_found(AdviceStage stage, Verdict onRecord)
    {
        var result = Rule.Evaluate(Item, ItemKind.Exclusion,
            RuleInput.Input(stage, RuleInput.Says("x", onRecord), abuse: [Substantiated]));

        Assert.Equal(Verdict.NotMet, result.Verdict);
        Assert.Contains("2026-02-03", result.Reason);
        Assert.Contains("吃拿卡要", result.Reason);
        Assert.Contains("向商户索要财物", result.Reason);
    }

    [Fact]
    public void Substantiated_report_is_not_met_even_when_nothing_was_declared()
    {
        var result = Rule.Evaluate(Item, ItemKind.Exclusion, RuleInput.Input(AdviceStage.Claimed, abuse: [Substantiated]));

        Assert.Equal(Verdict.NotMet, result.Verdict);
    }

    [Fact]
    public void Every_substantiated_report_is_listed()
    {
        var second = new AbuseFinding("办人情案", "为亲属减免罚款", new DateOnly(2026, 2, 10));

        var result = Rule.Evaluate(Item, ItemKind.Exclusion, RuleInput.Input(AdviceStage.Verified, abuse: [Substantiated, second]));

        Assert.Contains("吃拿卡要", result.Reason);
        Assert.Contains("办人情案", result.Reason);
    }
}
