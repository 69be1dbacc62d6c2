using SafeHarbor.Cases;

namespace SafeHarbor.PolicyRules;

public sealed record QuorumCheck(bool Reached, int Entitled, int Present, int Needed, string Message);

public sealed record PassingCheck(bool Passed, Outcome Outcome, int VotesFor, int Needed, string Message);

/// <summary>
/// The decision rule of the policy (《中国共产党党组工作条例》 practice in 131号): a meeting needs a
/// quorum, and a decision needs more than half of the members entitled to attend. Pure arithmetic.
/// </summary>
[Article("3", "5(3)")]
public static class DecisionTally
{
    public static QuorumCheck Quorum(DecisionRule rule, int entitled, int present)
    {
        var needed = rule.Quorum.MinimumCount(entitled, present);
        var reached = entitled > 0 && rule.Quorum.IsReachedBy(present, entitled, present);
        var message = reached
            ? $"应到 {entitled} 人，实到 {present} 人，达到法定人数（{rule.Quorum.Describe()}）。"
            : $"应到 {entitled} 人，实到 {present} 人，未达到法定人数（须{rule.Quorum.Describe()}，即至少 {needed} 人），不能进行表决和形成决定。";
        return new QuorumCheck(reached, entitled, present, needed, message);
    }

    public static PassingCheck Passing(DecisionRule rule, Outcome outcome, string outcomeName, int votesFor, int entitled, int present)
    {
        var needed = rule.Passing.MinimumCount(entitled, present);
        var passed = rule.Passing.IsReachedBy(votesFor, entitled, present);
        var message = passed
            ? $"“{outcomeName}”获得 {votesFor} 票，达到{rule.Passing.Describe()}（至少 {needed} 票）。"
            : $"“{outcomeName}”仅获得 {votesFor} 票，未达到{rule.Passing.Describe()}（至少 {needed} 票），不能形成决定。";
        return new PassingCheck(passed, outcome, votesFor, needed, message);
    }
}
