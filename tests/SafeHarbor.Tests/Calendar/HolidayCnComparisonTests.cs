using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using SafeHarbor.Calendar;

namespace SafeHarbor.Tests.Calendar;

/// <summary>
/// Cross-checks our hand-written notice files against an independent third-party data set
/// (holiday-cn). That data set is only ever read here, never used to produce our files:
/// a difference means one of the two misreads a State Council notice, and ours is fixed
/// from the notice text.
/// </summary>
public sealed partial class HolidayCnComparisonTests
{
    private const string EnvironmentVariable = "SAFEHARBOR_HOLIDAY_CN";

    [Fact]
    public void Every_date_from_2018_to_2026_has_the_same_working_day_status_as_holiday_cn()
    {
        string? folder = FindHolidayCnFolder(out List<string> lookedAt);
        if (folder is null)
        {
            Assert.Skip(
                "holiday-cn data set not found, so the comparison cannot run. Looked in: "
                + string.Join("; ", lookedAt)
                + $". Set {EnvironmentVariable} to the folder holding its {{year}}.json files.");
            return;
        }

        Dictionary<DateOnly, bool> theirOffDays = ReadHolidayCnOffDays(folder);
        WorkingDayCalendar ours = WorkingDayCalendar.LoadDefault();

        var differences = new List<string>();
        for (var date = new DateOnly(2018, 1, 1); date <= new DateOnly(2026, 12, 31); date = date.AddDays(1))
        {
            bool ourStatus = ours.IsWorkingDay(date);
            bool theirStatus = theirOffDays.TryGetValue(date, out bool isOffDay)
                ? !isOffDay
                : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
            if (ourStatus != theirStatus)
            {
                differences.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{date:yyyy-MM-dd} ({date.DayOfWeek}): ours {Status(ourStatus)}, holiday-cn {Status(theirStatus)}"));
            }
        }

        Assert.True(
            differences.Count == 0,
            $"{differences.Count} date(s) differ from holiday-cn in {folder}; check each against the State Council notice:"
            + Environment.NewLine + string.Join(Environment.NewLine, differences));
    }

    private static string Status(bool isWorkingDay) => isWorkingDay ? "working day" : "rest day";

    /// <summary>
    /// That data set's rule: a listed date is a working day iff "isOffDay" is false; an unlisted
    /// date follows Monday–Friday. A year's file may list the previous December, so all are read;
    /// a later file wins for a date listed twice, as the later notice is the one that decides it.
    /// </summary>
    private static Dictionary<DateOnly, bool> ReadHolidayCnOffDays(string folder)
    {
        var yearFiles = new SortedDictionary<int, string>();
        foreach (string path in Directory.GetFiles(folder, "*.json"))
        {
            string name = Path.GetFileName(path);
            if (YearFileName().IsMatch(name))
            {
                yearFiles.Add(int.Parse(name[..4], CultureInfo.InvariantCulture), path);
            }
        }

        Assert.True(yearFiles.Count > 0, $"No {{year}}.json files in {folder}.");

        var offDays = new Dictionary<DateOnly, bool>();
        foreach (string path in yearFiles.Values)
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
            Assert.True(
                document.RootElement.TryGetProperty("days", out JsonElement days) && days.ValueKind == JsonValueKind.Array,
                $"{path} has no \"days\" array.");
            foreach (JsonElement day in days.EnumerateArray())
            {
                DateOnly date = DateOnly.ParseExact(day.GetProperty("date").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                offDays[date] = day.GetProperty("isOffDay").GetBoolean();
            }
        }

        return offDays;
    }

    private static string? FindHolidayCnFolder(out List<string> lookedAt)
    {
        lookedAt = [];
        string? fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            lookedAt.Add($"{EnvironmentVariable}={fromEnvironment}");
            if (Directory.Exists(fromEnvironment))
            {
                return fromEnvironment;
            }
        }
        else
        {
            lookedAt.Add($"{EnvironmentVariable} (not set)");
        }

        for (DirectoryInfo? ancestor = new(AppContext.BaseDirectory); ancestor is not null; ancestor = ancestor.Parent)
        {
            foreach (string candidate in new[]
            {
                Path.GetFullPath(Path.Combine(ancestor.FullName, "..", "shared", "holiday-cn")),
                Path.Combine(ancestor.FullName, "shared", "holiday-cn"),
            })
            {
                if (lookedAt.Contains(candidate))
                {
                    continue;
                }

                lookedAt.Add(candidate);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        const string Fallback = "/work/shared/holiday-cn";
        lookedAt.Add(Fallback);
        return Directory.Exists(Fallback) ? Fallback : null;
    }

    [GeneratedRegex(@"^\d{4}\.json$")]
    private static partial Regex YearFileName();
}
