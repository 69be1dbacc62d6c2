using SafeHarbor.PolicyRules;
using SafeHarbor.PolicyRules.Rules;

namespace SafeHarbor.Tests.Rules;

/// <summary>Builds rule inputs: a policy item and what is on record about it.</summary>
internal static class RuleInput
{
    public const string Neutral = "对首次轻微违法的商户依法不予处罚，后发现其再次违法。";

    public static readonly DateOnly Deadline = new(2026, 3, 17);

    public static PolicyItem Item(string code = "item", string rule = nameof(FactRequirement)) =>
        new(code, "第四条", $"条件 {code}", $"条件 {code} 的原文", rule);

    public static EligibilityInput Input(
        AdviceStage stage,
        IReadOnlyDictionary<string, Statement>? statements = null,
        string narrative = Neutral,
        IReadOnlyList<AbuseFinding>? abuse = null,
        IReadOnlyList<RepeatMatch>? repeats = null,
        DateOnly? appliedOn = null) =>
        new(stage, statements ?? new Dictionary<string, Statement>(), narrative, abuse ?? [], repeats ?? [], appliedOn, Deadline);

    public static IReadOnlyDictionary<string, Statement> Says(string code, Verdict verdict, string text = "有关说明") =>
        new Dictionary<string, Statement> { [code] = new(verdict, text) };
}

/// <summary>
/// What every fact-based clause rule does: the claim decides at the claimed stage, the finding at the
/// verified stage, and anything not on record is an open question (or, for a listed condition not
/// claimed, simply not met).
/// </summary>
public abstract class FactRequirementContract<TRule>
    where TRule : FactRequirement, new()
{
    protected readonly TRule Rule = new();

    protected static readonly PolicyItem Item = RuleInput.Item("x", typeof(TRule).Name);

    [Fact]
    public void Claimed_item_is_met_at_the_claimed_stage()
    {
        var result = Rule.Evaluate(Item, ItemKind.BaseCondition, RuleInput.Input(AdviceStage.Claimed, RuleInput.Says("x", Verdict.Met, "我依法履职")));

        Assert.Equal(Verdict.Met, result.Verdict);
        Assert.Contains("申请人主张", result.Reason);
        Assert.Contains("我依法履职", result.Reason);
        Assert.Equal(("x", "第四条", ItemKind.BaseCondition), (result.Code, result.Article, result.Kind));
    }

    [Fact]
    public void Listed_condition_not_claimed_is_not_met_at_the_claimed_stage()
    {
        var result = Rule.Evaluate(Item, ItemKind.Condition, RuleInput.Input(AdviceStage.Claimed));

        Assert.Equal(Verdict.NotMet, result.Verdict);
        Assert.Contains("未主张", result.Reason);
    }

    [Theory]
    [InlineData(ItemKind.BaseCondition)]
    [InlineData(ItemKind.Exclusion)]
    public void Base_condition_or_exclusion_not_declared_needs_judgement_at_the_claimed_stage(ItemKind kind)
    {
        var result = Rule.Evaluate(Item, kind, RuleInput.Input(AdviceStage.Claimed));

        Assert.Equal(Verdict.NeedsJudgement, result.Verdict);
        Assert.Contains("需核实", result.Reason);
    }

    [Theory]
    [InlineData(Verdict.Met)]
    [InlineData(Verdict.NotMet)]
    [InlineData(Verdict.NeedsJudgement)]
    public void Verified_finding_passes_through_unchanged(Verdict verdict)
    {
        var result = Rule.Evaluate(Item, ItemKind.Exclusion,
            RuleInput.Input(AdviceStage.Verified, RuleInput.Says("x", verdict, "经核实"), narrative: "造成一人死亡，收受礼金"));

        Assert.Equal(verdict, result.Verdict);
        Assert.Contains("核实意见：经核实", result.Reason);
    }

    [Theory]
    [InlineData(ItemKind.BaseCondition)]
    [InlineData(ItemKind.Exclusion)]
    [InlineData(ItemKind.Condition)]
    public void Item_without_a_finding_needs_judgement_at_the_verified_stage(ItemKind kind)
    {
        var result = Rule.Evaluate(Item, kind, RuleInput.Input(AdviceStage.Verified, RuleInput.Says("other", Verdict.Met)));

        Assert.Equal(Verdict.NeedsJudgement, result.Verdict);
        Assert.Contains("尚未核实", result.Reason);
        Assert.Equal(OpenItem.NotVerified, result.Open);
    }

    [Fact]
    public void A_condition_nobody_claimed_is_shown_as_not_claimed_not_as_not_met()
    {
        var claimed = Rule.Evaluate(Item, ItemKind.Condition, RuleInput.Input(AdviceStage.Claimed, RuleInput.Says("other", Verdict.Met)));
        Assert.Equal(OpenItem.NotClaimed, claimed.Open);

        var verified = Rule.Evaluate(Item, ItemKind.Condition,
            RuleInput.Input(AdviceStage.Verified, RuleInput.Says("other", Verdict.Met)) with { Claimed = new HashSet<string> { "other" } });
        Assert.Equal(OpenItem.NotClaimed, verified.Open);
        Assert.Contains("无须核实", verified.Reason);

        var found = Rule.Evaluate(Item, ItemKind.Condition, RuleInput.Input(AdviceStage.Verified, RuleInput.Says(Item.Code, Verdict.NotMet)));
        Assert.Null(found.Open);
        Assert.Equal(Verdict.NotMet, found.Verdict);
    }

    [Fact]
    public void Claim_of_not_met_stays_not_met()
    {
        var result = Rule.Evaluate(Item, ItemKind.Condition, RuleInput.Input(AdviceStage.Claimed, RuleInput.Says("x", Verdict.NotMet)));

        Assert.Equal(Verdict.NotMet, result.Verdict);
    }

    [Fact]
    public void Rule_is_registered_under_its_class_name_for_policy_files()
    {
        Assert.IsType<TRule>(EligibilityAdvisor.Rules[typeof(TRule).Name]);
        Assert.Equal(typeof(TRule).Name, Rule.Name);
    }
}

/// <summary>Rules that take the applicant's word at the claimed stage, whatever the narrative says.</summary>
public abstract class NoDoubtContract<TRule> : FactRequirementContract<TRule>
    where TRule : FactRequirement, new()
{
    [Fact]
    public void Alarming_words_in_the_narrative_do_not_change_the_verdict()
    {
        var result = Rule.Evaluate(Item, ItemKind.BaseCondition,
            RuleInput.Input(AdviceStage.Claimed, RuleInput.Says("x", Verdict.Met), narrative: "造成一人死亡，事后收受礼金。"));

        Assert.Equal(Verdict.Met, result.Verdict);
    }
}

public sealed class FactRequirementTests : NoDoubtContract<FactRequirement>;

[Article("4")]
public sealed class Art4WithinDutiesAndLawTests : NoDoubtContract<Art4WithinDutiesAndLaw>;

[Article("4")]
public sealed class Art4BoldButMistakenTests : NoDoubtContract<Art4BoldButMistaken>;

[Article("4(1)", "4(2)", "4(3)", "4(4)", "4(5)", "4(6)")]
public sealed class Art4ListedConditionTests : NoDoubtContract<Art4ListedCondition>;
