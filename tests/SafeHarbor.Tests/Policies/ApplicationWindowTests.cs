using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.PolicyRules;
using SafeHarbor.Tests.Workflow;

namespace SafeHarbor.Tests.Policies;

/// <summary>Art. 5(1) as data: how the deadline follows from the window a policy file sets.</summary>
[Article("5(1)")]
public sealed class ApplicationWindowTests
{
    /// <summary>Friday 2026-03-06, no holiday for three weeks around it.</summary>
    private static readonly DateOnly Start = new(2026, 3, 6);

    private static ComputedDate DeadlineFor(int length, WindowUnit unit, bool startDayCounted) =>
        Deadlines.ApplicationDeadline(
            Shipped.Policy131.ApplicationWindow with { Length = length, Unit = unit, StartDayCounted = startDayCounted },
            Start,
            Shipped.Calendar);

    [Fact]
    public void Policy_131_deadline_is_the_7th_working_day_after_the_start()
    {
        // Fri 6 not counted: Mon 9 (1), 10, 11, 12, Fri 13 (5), Mon 16 (6), Tue 17 (7).
        Assert.Equal(new ComputedDate(new DateOnly(2026, 3, 17)), Deadlines.ApplicationDeadline(Shipped.Policy131.ApplicationWindow, Start, Shipped.Calendar));
    }

    [Fact]
    public void Working_day_window_counting_the_start_day_ends_one_working_day_earlier()
    {
        // Fri 6 counted (1), Mon 9 (2) … Mon 16 (7).
        Assert.Equal(new ComputedDate(new DateOnly(2026, 3, 16)), DeadlineFor(7, WindowUnit.WorkingDays, startDayCounted: true));
    }

    [Fact]
    public void Natural_day_window_of_10_days_counts_weekends()
    {
        Assert.Equal(new ComputedDate(new DateOnly(2026, 3, 16)), DeadlineFor(10, WindowUnit.NaturalDays, startDayCounted: false));
    }

    [Fact]
    public void Natural_day_window_counting_the_start_day_ends_a_day_earlier()
    {
        Assert.Equal(new ComputedDate(new DateOnly(2026, 3, 15)), DeadlineFor(10, WindowUnit.NaturalDays, startDayCounted: true));
    }

    [Fact]
    public void Natural_day_window_ignores_the_holiday_calendar()
    {
        // 2026 National Day holiday 10-01..07: ten natural days from 09-30 end on 10-10 regardless.
        var deadline = Deadlines.ApplicationDeadline(
            Shipped.Policy131.ApplicationWindow with { Length = 10, Unit = WindowUnit.NaturalDays },
            new DateOnly(2026, 9, 30),
            Shipped.Calendar);

        Assert.Equal(new ComputedDate(new DateOnly(2026, 10, 10)), deadline);
    }

    [Fact]
    public void Window_is_described_in_the_policys_own_unit()
    {
        Assert.Equal("启动问责程序后7个工作日", PolicyText.DescribeWindow(Shipped.Policy131.ApplicationWindow));
        Assert.Equal("启动问责程序后10个自然日",
            PolicyText.DescribeWindow(Shipped.Policy131.ApplicationWindow with { Length = 10, Unit = WindowUnit.NaturalDays }));
    }

    [Fact]
    public void Deadline_status_counts_the_working_days_left_after_today()
    {
        var deadline = new DateOnly(2026, 3, 17);

        var monday = Deadlines.Status(new ComputedDate(deadline), new DateOnly(2026, 3, 9), Shipped.Calendar);
        var onTheDay = Deadlines.Status(new ComputedDate(deadline), deadline, Shipped.Calendar);
        var after = Deadlines.Status(new ComputedDate(deadline), deadline.AddDays(1), Shipped.Calendar);

        Assert.Equal((6, false), (monday.WorkingDaysLeft, monday.IsOverdue));
        Assert.Contains("剩余 6 个工作日", monday.Description);
        Assert.Equal((0, false), (onTheDay.WorkingDaysLeft, onTheDay.IsOverdue));
        Assert.Equal("今日截止", onTheDay.Description);
        Assert.True(after.IsOverdue);
        Assert.Contains("已逾期", after.Description);
    }
}
