using SafeHarbor.Cases;

namespace SafeHarbor.PolicyRules;

/// <summary>What a rule says about one condition or exclusion.</summary>
public enum Verdict
{
    Met,
    NotMet,
    NeedsJudgement,
}

/// <summary>The advice's overall suggestion. It never decides: the party group does (Art. 5(3)).</summary>
public enum Recommendation
{
    Exempt,
    Mitigate,
    NotExempt,
    NeedsJudgement,
}

/// <summary>Advice on the applicant's claims, or on the investigator's verified findings.</summary>
public enum AdviceStage
{
    Claimed,
    Verified,
}

public enum ItemKind
{
    Procedure,
    BaseCondition,
    Exclusion,
    Condition,
    ConditionSet,
    Repeat,
}

/// <summary>What is on record about one policy item at the stage being advised on.</summary>
public sealed record Statement(Verdict Verdict, string Text);

/// <summary>A substantiated report that flexible enforcement was used as cover (Art. 10).</summary>
public sealed record AbuseFinding(string Kind, string Summary, DateOnly ConcludedOn);

/// <summary>
/// An earlier exempted case of the same subject (Art. 7), with what matched: a repeat when the facts (field, work
/// item, kind of error) are the same; otherwise a candidate for the verifier, ranked by wording similarity.
/// </summary>
public sealed record RepeatMatch(Guid CaseId, string CaseNumber, string Title, DateOnly? DecidedOn, double Similarity, string Explanation, RepeatFacts Facts = RepeatFacts.Same)
{
    public bool IsRepeat => Facts == RepeatFacts.Same;
}

/// <summary>How the facts of an earlier case of the same subject compare: the same work and problem, not yet comparable, or different.</summary>
public enum RepeatFacts
{
    Same,
    NotYetKnown,
    Different,
}

public sealed record EligibilityInput(
    AdviceStage Stage,
    IReadOnlyDictionary<string, Statement> Statements,
    string Narrative,
    IReadOnlyList<AbuseFinding> SubstantiatedAbuse,
    IReadOnlyList<RepeatMatch> Repeats,
    DateOnly? AppliedOn,
    DateOnly Deadline,
    IReadOnlySet<string>? Claimed = null);

/// <param name="Open">Why nothing is on record for the item, if so: shown 未主张 or 未核实 instead of the verdict the advice assumes.</param>
public sealed record RuleResult(string Code, string Article, string Title, ItemKind Kind, Verdict Verdict, string Reason, OpenItem? Open = null);

/// <summary>An item without a statement: a condition the applicant did not claim, or an item not yet verified.</summary>
public enum OpenItem
{
    NotClaimed,
    NotVerified,
}

public sealed record EligibilityAdvice(
    AdviceStage Stage,
    IReadOnlyList<RuleResult> Items,
    Recommendation Recommendation,
    string Summary,
    IReadOnlyList<RepeatMatch> Repeats)
{
    /// <summary>
    /// The exclusions (Art. 4 accident or bad influence, improper benefit; Art. 10 abuse) that verified findings
    /// or a substantiated report say apply. They are preconditions, not judgement items: while one stands, no
    /// report may recommend and no body may decide 予以容错免责.
    /// </summary>
    public IReadOnlyList<RuleResult> BindingExclusions =>
        Stage == AdviceStage.Verified ? Items.Where(i => i.Kind == ItemKind.Exclusion && i.Verdict == Verdict.NotMet).ToList() : [];
}

public static class EligibilityNames
{
    public static string Chinese(this Verdict verdict) => verdict switch
    {
        Verdict.Met => "符合",
        Verdict.NotMet => "不符合",
        Verdict.NeedsJudgement => "需研判",
        _ => verdict.ToString(),
    };

    public static string Chinese(this Recommendation recommendation) => recommendation switch
    {
        Recommendation.Exempt => "建议予以容错免责",
        Recommendation.Mitigate => "建议从轻或减轻处理",
        Recommendation.NotExempt => "建议不予容错免责",
        Recommendation.NeedsJudgement => "需集体研判",
        _ => recommendation.ToString(),
    };

    public static string Chinese(this AdviceStage stage) => stage switch
    {
        AdviceStage.Claimed => "按申请主张",
        AdviceStage.Verified => "按核实结果",
        _ => stage.ToString(),
    };

    public static string Chinese(this ItemKind kind) => kind switch
    {
        ItemKind.Procedure => "程序",
        ItemKind.BaseCondition => "基本条件",
        ItemKind.Exclusion => "排除情形",
        ItemKind.Condition => "具体条件",
        ItemKind.ConditionSet => "具体条件（综合）",
        ItemKind.Repeat => "重复失误",
        _ => kind.ToString(),
    };

    public static Recommendation ToRecommendation(this Outcome outcome) => outcome switch
    {
        Outcome.Exempted => Recommendation.Exempt,
        Outcome.Mitigated => Recommendation.Mitigate,
        _ => Recommendation.NotExempt,
    };
}
