using SafeHarbor.Cases;
using SafeHarbor.PolicyRules;
using SafeHarbor.Tests.Workflow;

namespace SafeHarbor.Tests.Rules;

/// <summary>Art. 5(3): quorum and passing, "more than half of the members entitled to attend".</summary>
[Article("5(3)")]
public sealed class DecisionTallyTests
{
    private static readonly DecisionRule Rule = Shipped.Policy131.Decision;

    [Fact]
    public void Meeting_of_5_entitled_with_2_present_has_no_quorum()
    {
        var check = DecisionTally.Quorum(Rule, entitled: 5, present: 2);

        Assert.False(check.Reached);
        Assert.Equal(3, check.Needed);
        Assert.Contains("未达到法定人数", check.Message);
        Assert.Contains("至少 3 人", check.Message);
    }

    [Fact]
    public void Meeting_of_5_entitled_with_3_present_has_a_quorum()
    {
        var check = DecisionTally.Quorum(Rule, entitled: 5, present: 3);

        Assert.True(check.Reached);
        Assert.Equal(3, check.Needed);
        Assert.Contains("达到法定人数", check.Message);
        Assert.DoesNotContain("未达到", check.Message);
    }

    [Fact]
    public void Meeting_of_4_entitled_needs_3_present_because_half_is_not_more_than_half()
    {
        Assert.False(DecisionTally.Quorum(Rule, 4, 2).Reached);
        Assert.True(DecisionTally.Quorum(Rule, 4, 3).Reached);
    }

    [Fact]
    public void Meeting_with_nobody_entitled_never_has_a_quorum()
    {
        Assert.False(DecisionTally.Quorum(Rule, 0, 0).Reached);
    }

    [Fact]
    public void Decision_of_5_entitled_needs_3_votes_even_when_only_3_are_present()
    {
        var two = DecisionTally.Passing(Rule, Outcome.Exempted, "予以容错免责", votesFor: 2, entitled: 5, present: 3);
        var three = DecisionTally.Passing(Rule, Outcome.Exempted, "予以容错免责", votesFor: 3, entitled: 5, present: 3);

        Assert.False(two.Passed);
        Assert.Equal(3, two.Needed);
        Assert.Contains("不能形成决定", two.Message);
        Assert.Contains("“予以容错免责”仅获得 2 票", two.Message);
        Assert.True(three.Passed);
        Assert.Contains("超过应到会成员的1/2", three.Message);
    }

    [Fact]
    public void Two_thirds_at_least_of_6_is_4()
    {
        var t = new Threshold(ThresholdComparison.AtLeast, 2, 3, VoteBase.Entitled);

        Assert.Equal(4, t.MinimumCount(6, 6));
        Assert.True(t.IsReachedBy(4, 6, 6));
        Assert.False(t.IsReachedBy(3, 6, 6));
        Assert.Equal("不少于应到会成员的2/3", t.Describe());
    }

    [Fact]
    public void More_than_two_thirds_of_6_is_5()
    {
        var t = new Threshold(ThresholdComparison.MoreThan, 2, 3, VoteBase.Entitled);

        Assert.Equal(5, t.MinimumCount(6, 6));
        Assert.False(t.IsReachedBy(4, 6, 6));
    }

    [Fact]
    public void Threshold_of_those_present_counts_only_those_present()
    {
        var t = new Threshold(ThresholdComparison.MoreThan, 1, 2, VoteBase.Present);

        Assert.Equal(2, t.MinimumCount(entitled: 9, present: 3));
        Assert.True(t.IsReachedBy(2, 9, 3));
        Assert.Equal("超过实到会成员的1/2", t.Describe());
    }

    [Fact]
    public void Minimum_count_beyond_reach_is_one_more_than_the_base()
    {
        var t = new Threshold(ThresholdComparison.MoreThan, 1, 1, VoteBase.Entitled);

        Assert.Equal(6, t.MinimumCount(5, 5));
    }
}
