using System.Globalization;
using System.Text;
using SafeHarbor.Calendar;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Cli;

/// <summary>The calendar and policy commands: no database, answers on standard output, one Chinese line and a non-zero exit on error.</summary>
public sealed class CalendarAndPolicyCommandTests
{
    [NoDatabase("the calendar and policy commands open no database")]
    public async Task Deadline_skips_mid_autumn_and_national_day_and_counts_the_make_up_saturday()
    {
        // From Fri 2026-09-25 (中秋节, not counted): 9-26/27 off; Mon 9-28 (1), 9-29 (2), 9-30 (3);
        // 10-01..10-07 国庆节; Thu 10-08 (4), Fri 10-09 (5), Sat 10-10 调休上班 (6); Sun 10-11 off; Mon 10-12 (7).
        var result = await AdminCli.RunAsync(["calendar", "deadline", "--from", "2026-09-25", "--working-days", "7"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["2026-10-12"], result.OutputLines);
        Assert.Equal("", result.Error);
    }

    [NoDatabase("the calendar and policy commands open no database")]
    public async Task Deadlines_for_dates_read_from_standard_input_are_printed_one_per_line_as_the_calendar_computes_them()
    {
        var calendar = WorkingDayCalendar.LoadDefault();
        var random = new Random(20221014);
        var first = new DateOnly(2018, 1, 1).DayNumber;
        var last = new DateOnly(2026, 11, 30).DayNumber; // seven working days later is still in 2026, the last published year
        var starts = Enumerable.Range(0, 3000).Select(_ => DateOnly.FromDayNumber(random.Next(first, last + 1))).ToList();
        var input = new StringBuilder();
        foreach (var d in starts)
        {
            input.Append(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
        }

        var result = await AdminCli.RunAsync(["calendar", "deadline", "--working-days", "7"], stdin: input.ToString());

        Assert.True(result.ExitCode == 0, result.Error);
        var expected = starts.Select(d => $"{d:yyyy-MM-dd} {calendar.AddWorkingDays(d, 7):yyyy-MM-dd}").ToList();
        Assert.Equal(3000, result.OutputLines.Count);
        Assert.Equal(expected, result.OutputLines);
    }

    [NoDatabase("the calendar and policy commands open no database")]
    public async Task Is_working_day_says_true_for_the_make_up_saturday_and_false_for_national_day()
    {
        var saturday = await AdminCli.RunAsync(["calendar", "is-working-day", "2026-10-10"]);
        var nationalDay = await AdminCli.RunAsync(["calendar", "is-working-day", "2026-10-01"]);

        Assert.True(saturday.ExitCode == 0, saturday.ToString());
        Assert.Equal(["true"], saturday.OutputLines);
        Assert.True(nationalDay.ExitCode == 0, nationalDay.ToString());
        Assert.Equal(["false"], nationalDay.OutputLines);
    }

    [NoDatabase("the calendar and policy commands open no database")]
    public async Task A_deadline_into_a_year_without_a_notice_is_printed_provisional_with_the_reason_on_standard_error()
    {
        const string Reason = "（暂定）2027 年节假日安排尚未发布，按法定节假日和周末推算，发布后自动重算。";
        var deadline = await AdminCli.RunAsync(["calendar", "deadline", "--from", "2026-12-28", "--working-days", "7"]);
        var many = await AdminCli.RunAsync(["calendar", "deadline", "--working-days", "7"], stdin: "2026-12-28\n2026-09-25\n2026-12-29\n");
        var day = await AdminCli.RunAsync(["calendar", "is-working-day", "2027-02-05"]);

        Assert.True(deadline.ExitCode == 0, deadline.ToString());
        Assert.Equal(["2027-01-07（暂定）"], deadline.OutputLines);
        Assert.Equal(Reason, deadline.Error.Trim());
        Assert.True(many.ExitCode == 0, many.ToString());
        Assert.Equal(["2026-12-28 2027-01-07（暂定）", "2026-09-25 2026-10-12", "2026-12-29 2027-01-08（暂定）"], many.OutputLines);
        Assert.Equal(Reason, many.Error.Trim());
        Assert.True(day.ExitCode == 0, day.ToString());
        Assert.Equal(["false"], day.OutputLines); // 除夕 2027 by the law
        Assert.Equal(Reason, day.Error.Trim());
    }

    [NoDatabase("the calendar and policy commands open no database")]
    public async Task Strict_refuses_a_year_without_a_notice_for_scripts_that_want_no_guess()
    {
        var deadline = await AdminCli.RunAsync(["calendar", "deadline", "--from", "2026-12-28", "--working-days", "7", "--strict"]);
        var day = await AdminCli.RunAsync(["calendar", "is-working-day", "2027-03-01", "--strict"]);
        var final = await AdminCli.RunAsync(["calendar", "deadline", "--from", "2026-09-25", "--working-days", "7", "--strict"]);

        foreach (var result in new[] { day, deadline })
        {
            Assert.True(result.ExitCode == 3, result.ToString());
            Assert.Empty(result.OutputLines);
            Assert.Contains("尚未发布 2027 年的节假日安排（no calendar published for 2027）", result.Error);
        }
        Assert.True(final.ExitCode == 0, final.ToString());
        Assert.Equal(["2026-10-12"], final.OutputLines);
    }

    [NoDatabase("the calendar and policy commands open no database")]
    public async Task A_malformed_date_is_refused_with_a_chinese_message()
    {
        var option = await AdminCli.RunAsync(["calendar", "deadline", "--from", "2026-13-01", "--working-days", "7"]);
        var argument = await AdminCli.RunAsync(["calendar", "is-working-day", "10/01/2026"]);
        var stdin = await AdminCli.RunAsync(["calendar", "deadline", "--working-days", "7"], stdin: "2026-09-25\n2026-9-5\n");

        Assert.True(option.ExitCode != 0, option.ToString());
        Assert.Contains("“2026-13-01”不是 YYYY-MM-DD 格式的日期", option.Error);
        Assert.True(argument.ExitCode != 0, argument.ToString());
        Assert.Contains("“10/01/2026”不是 YYYY-MM-DD 格式的日期", argument.Error);
        Assert.True(stdin.ExitCode != 0, stdin.ToString());
        Assert.Contains("第 2 行“2026-9-5”不是 YYYY-MM-DD 格式的日期", stdin.Error);
        Assert.DoesNotContain("   at ", option.Error + argument.Error + stdin.Error);
    }

    [NoDatabase("the calendar and policy commands open no database")]
    public async Task Policy_list_and_show_present_the_131_measures_as_loaded()
    {
        var list = await AdminCli.RunAsync(["policy", "list"]);
        var show = await AdminCli.RunAsync(["policy", "show", "xinyang-scjg-2022-131"]);

        Assert.True(list.ExitCode == 0, list.ToString());
        var line = Assert.Single(list.OutputLines, l => l.StartsWith("xinyang-scjg-2022-131\t", StringComparison.Ordinal));
        Assert.Equal(["xinyang-scjg-2022-131", "信市监〔2022〕131号", "2022-10-14 起施行", "信阳市市场监督管理局"], line.Split('\t'));

        Assert.True(show.ExitCode == 0, show.ToString());
        Assert.Contains("文号：信市监〔2022〕131号", show.Output);
        Assert.Contains("启动问责程序后7个工作日", show.Output);
        Assert.Contains("具备其中之一", show.Output);
        Assert.Contains("认定机关：局党组", show.Output);
        Assert.Contains("决定须超过应到会成员的1/2同意", show.Output);
    }

    [NoDatabase("the calendar and policy commands open no database")]
    public async Task Showing_an_unknown_policy_is_refused()
    {
        var result = await AdminCli.RunAsync(["policy", "show", "no-such-policy"]);

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Equal("", result.Output);
        Assert.Contains("没有标识为“no-such-policy”的办法版本", result.Error);
    }
}
