using SafeHarbor.Features.Assessment;

namespace SafeHarbor.Tests.Assessment;

/// <summary>Art. 12: grades within each unit, at most ⌊quota% × assessed⌋ 优秀 by total, the rest by the lines.</summary>
[Article("12")]
public sealed class GradingTests
{
    private static readonly Guid East = Guid.NewGuid();
    private static readonly Guid West = Guid.NewGuid();

    private static Grading.Entry Person(Guid unit, decimal total, int quota = 20) => new(Guid.NewGuid(), unit, total, 90, 75, 60, quota);

    [Fact]
    public void Five_people_above_the_line_in_one_unit_with_a_20_percent_quota_give_one_excellent_the_highest_total()
    {
        var people = new[] { Person(East, 91), Person(East, 98), Person(East, 95), Person(East, 93), Person(East, 96) };

        var result = Grading.Compute(people);

        Assert.Equal(people[1].Id, Assert.Single(people, p => result.Grades[p.Id] == Grade.Excellent).Id);
        Assert.Equal(4, people.Count(p => result.Grades[p.Id] == Grade.Competent));
        var unit = Assert.Single(result.Units);
        Assert.Equal((5, 20, 1, 5, 1), (unit.Assessed, unit.QuotaPercent, unit.Places, unit.AtOrAboveLine.Count, unit.Excellent.Count));
    }

    [Theory]
    [InlineData(4, 20, 0)]
    [InlineData(5, 20, 1)]
    [InlineData(9, 20, 1)]
    [InlineData(10, 20, 2)]
    [InlineData(7, 40, 2)]
    [InlineData(3, 0, 0)]
    [InlineData(3, 100, 3)]
    public void The_number_of_places_is_the_quota_of_those_assessed_rounded_down(int assessed, int quota, int places)
    {
        Assert.Equal(places, Grading.Places(quota, assessed));
        var result = Grading.Compute(Enumerable.Range(0, assessed).Select(i => Person(East, 100 - i, quota)));
        Assert.Equal(places, result.Grades.Values.Count(g => g == Grade.Excellent));
    }

    [Fact]
    public void Those_assessed_below_the_excellent_line_count_for_the_quota_but_are_never_excellent()
    {
        var people = new[] { Person(East, 92), Person(East, 89.5m), Person(East, 80), Person(East, 78), Person(East, 76) };

        var result = Grading.Compute(people);

        Assert.Equal(Grade.Excellent, result.Grades[people[0].Id]);
        Assert.All(people.Skip(1), p => Assert.Equal(Grade.Competent, result.Grades[p.Id]));
        Assert.Equal(1, Grading.Compute(people.Skip(1).Append(Person(East, 70))).Units[0].Places);
        Assert.DoesNotContain(Grade.Excellent, Grading.Compute(people.Skip(1).Append(Person(East, 70))).Grades.Values);
    }

    [Fact]
    public void Each_unit_has_its_own_quota()
    {
        var east = Enumerable.Range(0, 5).Select(i => Person(East, 95 - i)).ToList();
        var west = new[] { Person(West, 99), Person(West, 97) };

        var result = Grading.Compute(east.Concat(west));

        Assert.Single(east, p => result.Grades[p.Id] == Grade.Excellent);
        Assert.All(west, p => Assert.Equal(Grade.Competent, result.Grades[p.Id]));
        Assert.Equal(0, result.Units.Single(u => u.UnitId == West).Places);
    }

    [Theory]
    [InlineData(90, Grade.Competent)]
    [InlineData(75, Grade.Competent)]
    [InlineData(74.99, Grade.BasicallyCompetent)]
    [InlineData(60, Grade.BasicallyCompetent)]
    [InlineData(59.5, Grade.Incompetent)]
    [InlineData(0, Grade.Incompetent)]
    public void Below_the_excellent_places_the_lines_decide(double total, Grade expected)
    {
        var alone = Person(East, (decimal)total);
        Assert.Equal(expected, Grading.Compute([alone]).Grades[alone.Id]);
    }

    [Fact]
    public void People_tied_on_the_last_place_are_not_split_by_chance_and_none_of_them_is_excellent()
    {
        var top = Person(East, 97);
        var tiedA = Person(East, 94);
        var tiedB = Person(East, 94);
        var people = new[] { top, tiedA, tiedB }.Concat(Enumerable.Range(0, 7).Select(i => Person(East, 80))).ToList();

        var result = Grading.Compute(people);

        Assert.Equal(2, result.Units[0].Places);
        Assert.Equal(Grade.Excellent, result.Grades[top.Id]);
        Assert.Equal(Grade.Competent, result.Grades[tiedA.Id]);
        Assert.Equal(Grade.Competent, result.Grades[tiedB.Id]);
        Assert.Equal(new[] { tiedA.Id, tiedB.Id }.Order(), result.Units[0].TiedAtCutOff.Order());
        Assert.Equal(94, result.Units[0].TiedTotal);

        // A tie within the places is no problem: both fit.
        var both = Grading.Compute([Person(East, 94), Person(East, 94), .. Enumerable.Range(0, 8).Select(i => Person(East, 80))]);
        Assert.Equal(2, both.Grades.Values.Count(g => g == Grade.Excellent));
        Assert.Empty(both.Units[0].TiedAtCutOff);
    }

    [Fact]
    public void A_unit_assessed_under_schemes_with_different_quotas_takes_the_smallest()
    {
        var people = Enumerable.Range(0, 5).Select(i => Person(East, 95 - i, quota: i == 0 ? 40 : 20)).ToList();

        var result = Grading.Compute(people);

        Assert.Equal(20, result.Units[0].QuotaPercent);
        Assert.Equal(1, result.Grades.Values.Count(g => g == Grade.Excellent));
    }

    [Fact]
    public void The_rule_is_explained_with_its_arithmetic_on_the_page()
    {
        Assert.Contains("5 人 × 20% = 1 名，4 人 × 20% = 0 名", Grading.RuleText);
        Assert.Contains("并列人员均不评为优秀", Grading.RuleText);
        Assert.Contains("第十一条", Grading.RuleText);
    }
}
