using SafeHarbor.Cases;
using SafeHarbor.Organisation;

namespace SafeHarbor.PolicyRules;

/// <summary>
/// One version of a bureau's measures (e.g. 信市监〔2022〕131号) as data. Loaded from a JSON file;
/// another bureau's measures are another file, never a code change (Art. 14–15).
/// </summary>
[Article("14")]
public sealed record PolicyVersion
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string DocumentNumber { get; init; }
    public required string Issuer { get; init; }
    public required DateOnly IssuedOn { get; init; }
    public required DateOnly EffectiveFrom { get; init; }
    public DateOnly? EffectiveTo { get; init; }
    public required IReadOnlyList<string> InterpretedBy { get; init; }
    public required ApplicationWindowRule ApplicationWindow { get; init; }
    public required IReadOnlyList<PolicyItem> BaseConditions { get; init; }
    public required IReadOnlyList<PolicyItem> Exclusions { get; init; }
    public required ConditionSet Conditions { get; init; }
    public required RepeatRule Repeat { get; init; }
    public required IReadOnlyList<OutcomeDefinition> Outcomes { get; init; }
    public required IReadOnlyList<PolicyItem> ResultUses { get; init; }
    public required DecisionRule Decision { get; init; }
    public required IReadOnlyDictionary<Duty, DutyHolder> Duties { get; init; }

    /// <summary>
    /// The code of the bureau that adopted this version for itself (a county bureau's own measures, Art. 15);
    /// absent for the measures every bureau applies unless it or a bureau above it has its own.
    /// </summary>
    public string? Bureau { get; init; }

    /// <summary>
    /// The articles on what follows a decision, in the policy's own words, quoted on the pages that carry them out
    /// (codes in <see cref="ProvisionCodes"/>). Optional: a page whose article a version lacks quotes nothing.
    /// </summary>
    public IReadOnlyList<PolicyItem> Provisions { get; init; } = [];

    /// <summary>Every item the verification must examine: base conditions, exclusions, then the listed conditions.</summary>
    public IEnumerable<PolicyItem> AllItems => BaseConditions.Concat(Exclusions).Concat(Conditions.Items);

    public PolicyItem? FindItem(string code) => AllItems.FirstOrDefault(i => i.Code == code);

    /// <summary>Art. 7 as an item the verifier can record a finding on (code <c>repeat</c>): 符合 = not a repeat, 不符合 = a repeat of a named earlier case.</summary>
    public PolicyItem RepeatItem => new(RepeatCode, Repeat.Article, "非同一工作、同一问题上重复失误", Repeat.Text);

    public const string RepeatCode = "repeat";

    /// <summary>An item a finding may be recorded on: any item of <see cref="AllItems"/>, or Art. 7's repeat item.</summary>
    public PolicyItem? FindFindingItem(string code) => code == RepeatCode ? RepeatItem : FindItem(code);

    public PolicyItem? Provision(string code) => Provisions.FirstOrDefault(p => p.Code == code);

    public bool IsInForceOn(DateOnly date) => EffectiveFrom <= date && (EffectiveTo is null || date <= EffectiveTo);

    public bool AllowsOutcome(Outcome outcome) => Outcomes.Any(o => o.Code == outcome);

    public string OutcomeName(Outcome outcome) =>
        Outcomes.FirstOrDefault(o => o.Code == outcome)?.Name ?? outcome.Chinese();

    public IReadOnlyList<Role> RolesFor(Duty duty) =>
        Duties.TryGetValue(duty, out var holder) ? holder.Roles : [];

    public string BodyFor(Duty duty) =>
        Duties.TryGetValue(duty, out var holder) ? holder.Body : duty.Chinese();
}

/// <summary>
/// A condition, exclusion or result use, with the article it comes from and the rule that evaluates
/// it. <see cref="AppliesTo"/> (result uses only) names the outcomes that carry this use; none means every outcome.
/// </summary>
public sealed record PolicyItem(string Code, string Article, string Title, string Text, string? Rule = null, IReadOnlyList<Outcome>? AppliesTo = null)
{
    public bool AppliesToOutcome(Outcome outcome) => AppliesTo is null || AppliesTo.Contains(outcome);
}

public enum ConditionRequirement
{
    /// <summary>具备下列条件之一.</summary>
    AnyOne,
    /// <summary>A stricter bureau may require every listed condition.</summary>
    All,
}

public sealed record ConditionSet(ConditionRequirement Require, string Article, string Text, IReadOnlyList<PolicyItem> Items);

public enum WindowUnit
{
    WorkingDays,
    NaturalDays,
}

public enum WindowAnchor
{
    /// <summary>启动问责程序之日.</summary>
    AccountabilityStart,
}

public sealed record ApplicationWindowRule(
    int Length,
    WindowUnit Unit,
    WindowAnchor Anchor,
    bool StartDayCounted,
    string Article,
    string Text,
    string SubmitTo);

/// <summary>Art. 7: repeated errors on the same work or problem are generally not exempted.</summary>
public sealed record RepeatRule(
    string Article,
    string Text,
    Outcome DefaultRecommendation,
    double SimilarityThreshold,
    bool RequireSameField);

public sealed record OutcomeDefinition(Outcome Code, string Name, string Article);

public enum VoteBase
{
    /// <summary>应到会成员.</summary>
    Entitled,
    /// <summary>实到会成员.</summary>
    Present,
}

public enum ThresholdComparison
{
    MoreThan,
    AtLeast,
}

/// <summary>"more than 1/2 of the members entitled to attend" and the like.</summary>
public sealed record Threshold(ThresholdComparison Comparison, int Numerator, int Denominator, VoteBase Of)
{
    public bool IsReachedBy(int count, int entitled, int present)
    {
        var total = Of == VoteBase.Entitled ? entitled : present;
        // Integer arithmetic: count/total > n/d  ⇔  count·d > n·total.
        long left = (long)count * Denominator, right = (long)Numerator * total;
        return Comparison == ThresholdComparison.MoreThan ? left > right : left >= right;
    }

    /// <summary>The smallest count that reaches the threshold.</summary>
    public int MinimumCount(int entitled, int present)
    {
        var total = Of == VoteBase.Entitled ? entitled : present;
        for (var n = 0; n <= total; n++)
        {
            if (IsReachedBy(n, entitled, present))
            {
                return n;
            }
        }
        return total + 1;
    }

    public string Describe() =>
        $"{(Comparison == ThresholdComparison.MoreThan ? "超过" : "不少于")}{(Of == VoteBase.Entitled ? "应到会" : "实到会")}成员的{Numerator}/{Denominator}";
}

public sealed record DecisionRule(
    string Body,
    string Article,
    Threshold Quorum,
    Threshold Passing,
    bool OneVotePerMatter);

/// <summary>The body named by the policy for a duty (shown to users) and the account roles that act for it.</summary>
public sealed record DutyHolder(string Body, IReadOnlyList<Role> Roles);

/// <summary>The <see cref="PolicyVersion.Provisions"/> the pages quote: correction (纠错), prevention (防错), assessment (考核), incentives (激励).</summary>
public static class ProvisionCodes
{
    public const string Correction = "correction";
    public const string Prevention = "prevention";
    public const string Assessment = "assessment";
    public const string Incentives = "incentives";

    public static readonly IReadOnlyList<string> All = [Correction, Prevention, Assessment, Incentives];
}
