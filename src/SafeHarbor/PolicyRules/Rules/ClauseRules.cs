namespace SafeHarbor.PolicyRules.Rules;

/// <summary>
/// A rule for one clause of the measures. Policy files name the rule an item is evaluated by, so
/// another bureau's file can reuse these for its own wording without a code change.
/// </summary>
public abstract class ClauseRule
{
    public string Name => GetType().Name;

    public abstract RuleResult Evaluate(PolicyItem item, ItemKind kind, EligibilityInput input);

    protected static RuleResult Result(PolicyItem item, ItemKind kind, Verdict verdict, string reason, OpenItem? open = null) =>
        new(item.Code, item.Article, item.Title, kind, verdict, reason, open);
}

/// <summary>
/// A requirement judged on the facts on record: the applicant's claim at the claimed stage, the
/// investigator's finding at the verified stage.
/// </summary>
public class FactRequirement : ClauseRule
{
    public override RuleResult Evaluate(PolicyItem item, ItemKind kind, EligibilityInput input)
    {
        if (!input.Statements.TryGetValue(item.Code, out var statement))
        {
            var unclaimed = kind == ItemKind.Condition && input.Claimed is { } claimed && !claimed.Contains(item.Code);
            return input.Stage == AdviceStage.Verified
                ? unclaimed
                    ? Result(item, kind, Verdict.NeedsJudgement, "申请人未主张此项条件，无须核实。", OpenItem.NotClaimed)
                    : Result(item, kind, Verdict.NeedsJudgement, "尚未核实此项。", OpenItem.NotVerified)
                : kind == ItemKind.Condition
                    ? Result(item, kind, Verdict.NotMet, "申请人未主张此项条件。", OpenItem.NotClaimed)
                    : Result(item, kind, Verdict.NeedsJudgement, "申请人未就此项作出说明，需核实。");
        }
        var source = input.Stage == AdviceStage.Verified ? "核实意见" : "申请人主张";
        var hint = statement.Verdict == Verdict.Met && input.Stage == AdviceStage.Claimed ? Doubt(input.Narrative) : null;
        return hint is not null
            ? Result(item, kind, Verdict.NeedsJudgement, $"{source}：{statement.Text}。但{hint}")
            : Result(item, kind, statement.Verdict, $"{source}：{statement.Text}");
    }

    /// <summary>Words in the applicant's own account that cast doubt on a claim; null when none.</summary>
    protected virtual string? Doubt(string narrative) => null;

    protected static string? Mentions(string narrative, string[] words, string question)
    {
        var found = words.Where(narrative.Contains).ToList();
        return found.Count == 0 ? null : $"申请材料提到“{string.Join("”“", found)}”，{question}需核实判断。";
    }
}

/// <summary>Art. 4: acting within one's duties and according to law and regulations (依法依规履行职责).</summary>
public sealed class Art4WithinDutiesAndLaw : FactRequirement;

/// <summary>Art. 4: bold and responsible in intent, a mistake in effect (主观上勇于担当…客观上出现失误).</summary>
public sealed class Art4BoldButMistaken : FactRequirement;

/// <summary>Art. 4: no major liability accident in work safety, food safety or mass incidents, and no egregious effect.</summary>
public sealed class Art4NoMajorAccident : FactRequirement
{
    private static readonly string[] Words = ["重大事故", "责任事故", "死亡", "伤亡", "中毒", "群体性", "恶劣影响", "舆情"];

    protected override string? Doubt(string narrative) => Mentions(narrative, Words, "是否构成重大责任事故或恶劣影响");
}

/// <summary>Art. 4: no improper benefit for oneself, others or the unit.</summary>
public sealed class Art4NoImproperBenefit : FactRequirement
{
    private static readonly string[] Words = ["收受", "礼金", "宴请", "好处费", "回扣", "干股", "报销私人"];

    protected override string? Doubt(string narrative) => Mentions(narrative, Words, "是否谋取不正当利益");
}

/// <summary>Art. 4 (1)–(6): one of the listed conditions, judged on the facts.</summary>
public sealed class Art4ListedCondition : FactRequirement;

/// <summary>
/// Art. 10: flexible enforcement used as cover for 吃拿卡要, 徇私舞弊, 办人情案 or other harm.
/// A substantiated report excludes exemption whatever else is claimed.
/// </summary>
public sealed class Art10NoAbuseAsCover : FactRequirement
{
    public override RuleResult Evaluate(PolicyItem item, ItemKind kind, EligibilityInput input)
    {
        if (input.SubstantiatedAbuse.Count > 0)
        {
            var list = string.Join("；", input.SubstantiatedAbuse.Select(a => $"{a.ConcludedOn:yyyy-MM-dd}查实的{a.Kind}：{a.Summary}"));
            return Result(item, kind, Verdict.NotMet, $"存在经查实的举报，不得容错免责：{list}");
        }
        return base.Evaluate(item, kind, input);
    }
}

/// <summary>Art. 5(1): the application was made within the window.</summary>
[Article("5(1)")]
public sealed class Art5AppliedInTime : ClauseRule
{
    public override RuleResult Evaluate(PolicyItem item, ItemKind kind, EligibilityInput input) => input.AppliedOn switch
    {
        null => Result(item, kind, Verdict.NeedsJudgement, $"尚未提出申请，申请期限截至 {input.Deadline:yyyy-MM-dd}。"),
        { } on when on <= input.Deadline => Result(item, kind, Verdict.Met, $"于 {on:yyyy-MM-dd} 提出申请，未超过期限（截至 {input.Deadline:yyyy-MM-dd}）。"),
        { } on => Result(item, kind, Verdict.NotMet, $"于 {on:yyyy-MM-dd} 提出申请，已超过期限（截至 {input.Deadline:yyyy-MM-dd}）。"),
    };
}

/// <summary>Art. 7: repeated errors on the same work or the same problem are generally not exempted.</summary>
public sealed class Art7RepeatError : ClauseRule
{
    public override RuleResult Evaluate(PolicyItem item, ItemKind kind, EligibilityInput input)
    {
        // The verifier's finding, when recorded, is the fact; detection only points at candidates.
        if (input.Stage == AdviceStage.Verified && input.Statements.TryGetValue(PolicyVersion.RepeatCode, out var finding))
        {
            return Result(item, kind, finding.Verdict, $"核实意见：{finding.Text}");
        }
        var repeats = input.Repeats.Where(r => r.IsRepeat).ToList();
        if (repeats.Count > 0)
        {
            var list = string.Join("；", repeats.Select(r => $"案件 {r.CaseNumber}“{r.Title}”（{r.Explanation}）"));
            return Result(item, kind, Verdict.NotMet, $"在同一工作、同一问题上重复出现失误：{list}");
        }
        var open = input.Repeats.Where(r => r.Facts == RepeatFacts.NotYetKnown).ToList();
        if (open.Count > 0)
        {
            var list = string.Join("；", open.Select(r => $"案件 {r.CaseNumber}“{r.Title}”"));
            return Result(item, kind, Verdict.NeedsJudgement, $"同一问责对象已有容错免责案件 {list}，本案或前案的工作事项、失误类型尚未确定，是否重复失误需核实。");
        }
        return Result(item, kind, Verdict.Met, "未发现本单位或本人在同一工作、同一问题上已获容错免责的案件。");
    }
}

/// <summary>The clause that combines the listed conditions: "any one of" in 131号, "all of" elsewhere.</summary>
[Article("4")]
public static class ConditionSetRule
{
    public static RuleResult Evaluate(ConditionSet set, IReadOnlyList<RuleResult> conditionResults)
    {
        var met = conditionResults.Count(r => r.Verdict == Verdict.Met);
        var open = conditionResults.Count(r => r.Verdict == Verdict.NeedsJudgement);
        var total = conditionResults.Count;
        Verdict verdict;
        string reason;
        if (set.Require == ConditionRequirement.AnyOne)
        {
            verdict = met > 0 ? Verdict.Met : open > 0 ? Verdict.NeedsJudgement : Verdict.NotMet;
            reason = $"须具备下列条件之一：符合 {met} 项，需研判 {open} 项，共 {total} 项。";
        }
        else
        {
            verdict = met == total ? Verdict.Met : conditionResults.Any(r => r.Verdict == Verdict.NotMet) ? Verdict.NotMet : Verdict.NeedsJudgement;
            reason = $"须同时具备全部所列条件：符合 {met} 项，共 {total} 项。";
        }
        return new RuleResult("conditions", set.Article, set.Require == ConditionRequirement.AnyOne ? "具备所列条件之一" : "具备全部所列条件",
            ItemKind.ConditionSet, verdict, reason);
    }
}
