using SafeHarbor.PolicyRules;
using SafeHarbor.PolicyRules.Rules;

namespace SafeHarbor.Tests.Rules;

/// <summary>Art. 5(1): the application was made within the window.</summary>
[Article("5(1)")]
public sealed class Art5AppliedInTimeTests
{
    private static readonly PolicyItem Window = new("application-window", "第五条第（一）项", "在申请期限内提出申请", "7个工作日内");

    private static RuleResult Evaluate(DateOnly? appliedOn) =>
        new Art5AppliedInTime().Evaluate(Window, ItemKind.Procedure, RuleInput.Input(AdviceStage.Claimed, appliedOn: appliedOn));

    [Fact]
    public void Application_on_the_deadline_is_in_time()
    {
        var result = Evaluate(RuleInput.Deadline);

        Assert.Equal(Verdict.Met, result.Verdict);
        Assert.Contains("2026-03-17", result.Reason);
    }

    [Fact]
    public void Application_before_the_deadline_is_in_time()
    {
        Assert.Equal(Verdict.Met, Evaluate(new DateOnly(2026, 3, 9)).Verdict);
    }

    [Fact]
    public void Application_the_day_after_the_deadline_is_late()
    {
        var result = Evaluate(new DateOnly(2026, 3, 18));

        Assert.Equal(Verdict.NotMet, result.Verdict);
        Assert.Contains("2026-03-18", result.Reason);
        Assert.Contains("已超过期限", result.Reason);
        Assert.Equal(("application-window", "第五条第（一）项", ItemKind.Procedure), (result.Code, result.Article, result.Kind));
    }

    [Fact]
    public void Without_an_application_the_window_needs_judgement_and_shows_the_deadline()
    {
        var result = Evaluate(null);

        Assert.Equal(Verdict.NeedsJudgement, result.Verdict);
        Assert.Contains("尚未提出申请", result.Reason);
        Assert.Contains("2026-03-17", result.Reason);
    }
}

/// <summary>Art. 7: repeated errors on the same work or problem are generally not exempted.</summary>
[Article("7")]
public sealed class Art7RepeatErrorTests
{
    private static readonly PolicyItem Repeat = new("repeat", "第七条", "非同一工作、同一问题上重复失误", "一般不予容错");

    [Fact]
    public void No_earlier_exempted_case_means_no_repeat()
    {
        var result = new Art7RepeatError().Evaluate(Repeat, ItemKind.Repeat, RuleInput.Input(AdviceStage.Claimed));

        Assert.Equal(Verdict.Met, result.Verdict);
        Assert.Contains("未发现", result.Reason);
    }

    [Fact]
    public void Earlier_exempted_case_on_the_same_work_is_a_repeat_and_is_named()
    {
        var match = new RepeatMatch(Guid.NewGuid(), "2025-0003", "首违不罚后再次违法", new DateOnly(2025, 6, 1), 0.8, "同一问责对象：张三");

        var result = new Art7RepeatError().Evaluate(Repeat, ItemKind.Repeat, RuleInput.Input(AdviceStage.Claimed, repeats: [match]));

        Assert.Equal(Verdict.NotMet, result.Verdict);
        Assert.Contains("2025-0003", result.Reason);
        Assert.Contains("首违不罚后再次违法", result.Reason);
        Assert.Contains("同一问责对象：张三", result.Reason);
    }
}

/// <summary>The clause combining the listed conditions: "any one of" (131号) or "all of".</summary>
[Article("4")]
public sealed class ConditionSetRuleTests
{
    private static IReadOnlyList<RuleResult> Results(params Verdict[] verdicts) =>
        verdicts.Select((v, i) => new RuleResult($"c{i + 1}", "第四条", $"条件{i + 1}", ItemKind.Condition, v, "")).ToList();

    private static ConditionSet Set(ConditionRequirement require) => new(require, "第四条", "具备下列条件", []);

    [Theory]
    [InlineData(Verdict.Met, new[] { Verdict.NotMet, Verdict.Met, Verdict.NotMet })]
    [InlineData(Verdict.Met, new[] { Verdict.NeedsJudgement, Verdict.Met })]
    [InlineData(Verdict.NeedsJudgement, new[] { Verdict.NotMet, Verdict.NeedsJudgement })]
    [InlineData(Verdict.NotMet, new[] { Verdict.NotMet, Verdict.NotMet, Verdict.NotMet })]
    public void Any_one_needs_a_single_met_condition(Verdict expected, Verdict[] conditions)
    {
        var result = ConditionSetRule.Evaluate(Set(ConditionRequirement.AnyOne), Results(conditions));

        Assert.Equal(expected, result.Verdict);
        Assert.Equal(ItemKind.ConditionSet, result.Kind);
        Assert.Equal("具备所列条件之一", result.Title);
        Assert.Contains("之一", result.Reason);
    }

    [Theory]
    [InlineData(Verdict.Met, new[] { Verdict.Met, Verdict.Met, Verdict.Met })]
    [InlineData(Verdict.NotMet, new[] { Verdict.Met, Verdict.NotMet, Verdict.NeedsJudgement })]
    [InlineData(Verdict.NeedsJudgement, new[] { Verdict.Met, Verdict.NeedsJudgement })]
    public void All_needs_every_listed_condition(Verdict expected, Verdict[] conditions)
    {
        var result = ConditionSetRule.Evaluate(Set(ConditionRequirement.All), Results(conditions));

        Assert.Equal(expected, result.Verdict);
        Assert.Equal("具备全部所列条件", result.Title);
    }

    [Fact]
    public void One_met_condition_is_enough_for_any_one_but_not_for_all()
    {
        var conditions = Results(Verdict.Met, Verdict.NotMet);

        Assert.Equal(Verdict.Met, ConditionSetRule.Evaluate(Set(ConditionRequirement.AnyOne), conditions).Verdict);
        Assert.Equal(Verdict.NotMet, ConditionSetRule.Evaluate(Set(ConditionRequirement.All), conditions).Verdict);
    }

    [Fact]
    public void Reason_counts_met_and_open_conditions()
    {
        var result = ConditionSetRule.Evaluate(Set(ConditionRequirement.AnyOne), Results(Verdict.Met, Verdict.NeedsJudgement, Verdict.NotMet));

        Assert.Contains("符合 1 项，需研判 1 项，共 3 项", result.Reason);
    }
}
