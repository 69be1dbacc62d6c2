using SafeHarbor.Cases;
using SafeHarbor.Features.Assessment;

namespace SafeHarbor.Tests.Domain;

/// <summary>Art. 12: an appraisal period closes once, with everyone graded, and its grades are then the ones reported.</summary>
public sealed class AssessmentPeriodTransitionTests
{
    private static AssessmentPeriod PeriodIn(bool closed)
    {
        var period = new AssessmentPeriod { Id = Guid.NewGuid(), Kind = PeriodKind.Annual, Year = 2026, Name = "2026年度考核" };
        if (closed)
        {
            period.Close(assessed: 3, notFinal: 0);
        }
        Assert.Equal(closed, period.Closed);
        return period;
    }

    // Both states, open and closed (two, so no table of its own): only an open period moves.
    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void Closing_moves_an_open_period_to_closed_and_is_refused_for_a_closed_one(bool closed, bool moves)
    {
        var period = PeriodIn(closed);

        if (moves)
        {
            period.Close(assessed: 3, notFinal: 0);
            Assert.True(period.Closed);
        }
        else
        {
            var refused = Assert.Throws<DomainException>(() => period.Close(assessed: 3, notFinal: 0));
            Assert.Equal(("period-closed", ErrorKind.Conflict), (refused.Code, refused.Kind));
            Assert.Contains("2026年度考核已关闭", refused.Message);
        }
    }

    [Fact]
    public void A_period_is_open_when_it_is_created_and_accepts_changes()
    {
        var period = PeriodIn(closed: false);

        period.EnsureOpen();
    }

    [Fact]
    public void A_closed_period_refuses_any_change()
    {
        Assert.Equal("period-closed", Assert.Throws<DomainException>(() => PeriodIn(closed: true).EnsureOpen()).Code);
    }

    [Fact]
    public void A_period_with_nobody_assessed_cannot_be_closed()
    {
        var period = PeriodIn(closed: false);

        var refused = Assert.Throws<DomainException>(() => period.Close(assessed: 0, notFinal: 0));

        Assert.Equal(("nobody-assessed", ErrorKind.Conflict), (refused.Code, refused.Kind));
        Assert.False(period.Closed);
    }

    [Fact]
    public void A_period_with_a_grade_not_final_cannot_be_closed_and_the_refusal_counts_them()
    {
        var period = PeriodIn(closed: false);

        var refused = Assert.Throws<DomainException>(() => period.Close(assessed: 3, notFinal: 2));

        Assert.Equal(("grades-not-final", ErrorKind.Conflict), (refused.Code, refused.Kind));
        Assert.Contains("有 2 人的等次尚未评定", refused.Message);
        Assert.False(period.Closed);
    }

    [Fact]
    public void A_period_changes_state_only_through_its_methods()
    {
        Assert.False(typeof(AssessmentPeriod).GetProperty(nameof(AssessmentPeriod.Closed))!.SetMethod!.IsPublic);
    }
}
