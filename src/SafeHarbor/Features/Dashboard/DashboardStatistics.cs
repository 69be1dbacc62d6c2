using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Dashboard;

/// <summary>
/// The China calendar dates on which a case first reached each step the dashboard measures
/// (from the audit entries' <c>OccurredAt</c>); null while it has not.
/// </summary>
public sealed record StageDates(
    DateOnly? Registered = null,
    DateOnly? Applied = null,
    DateOnly? Reported = null,
    DateOnly? Decided = null,
    DateOnly? Acknowledged = null,
    DateOnly? Published = null,
    DateOnly? Archived = null);

/// <summary>What the dashboard needs to know of one case: no title, no names, no text.</summary>
/// <param name="ApplicationSubmittedOn">The day the application was filed, late or not (a refused application keeps it).</param>
/// <param name="SubjectUnitIds">The unit of every subject: a unit subject itself, a person subject's own unit.</param>
/// <param name="RefusedAsLate">The application was refused as late (不予受理), whatever the case's status now.</param>
public sealed record CaseFacts(
    CaseStatus Status,
    string BusinessField,
    DateOnly ApplicationDeadline,
    DateOnly? ApplicationSubmittedOn,
    Outcome? Outcome,
    IReadOnlyCollection<Guid> SubjectUnitIds,
    StageDates Stages,
    bool RefusedAsLate = false);

public sealed record UnitName(Guid Id, string Name);

/// <summary>One category of a chart and its count; <paramref name="Key"/> is stable for colours and tests.</summary>
public sealed record Bar(string Key, string Label, int Count);

/// <summary>
/// The mean working days a stage took, over the <paramref name="Cases"/> that completed it;
/// <paramref name="Skipped"/> completed it but touch a year the calendar cannot answer at all (outside the law's known versions).
/// </summary>
public sealed record StageAverage(string Key, string Label, double? AverageWorkingDays, int Cases, int Skipped);

public sealed record DashboardSeries(
    int Total,
    IReadOnlyList<Bar> ByStatus,
    IReadOnlyList<Bar> ByOutcome,
    IReadOnlyList<Bar> ByField,
    IReadOnlyList<Bar> ByUnit,
    IReadOnlyList<Bar> Timeliness,
    IReadOnlyList<StageAverage> Stages);

/// <summary>
/// The statistics of 统计分析 as one pure function over plain case records, so every number on
/// the page can be checked without a database.
/// </summary>
public static class DashboardStatistics
{
    public const string NotDecided = "未认定";
    public const string UnknownUnit = "（未知单位）";

    public sealed record Stage(string Key, string Label, Func<StageDates, DateOnly?> From, Func<StageDates, DateOnly?> To);

    /// <summary>The stages of Art. 5, each from the step that starts it to the step that ends it.</summary>
    public static readonly IReadOnlyList<Stage> Stages =
    [
        new("apply", "登记→申请", s => s.Registered, s => s.Applied),
        new("verify", "申请→调查报告（核实）", s => s.Applied, s => s.Reported),
        new("decide", "调查报告→认定", s => s.Reported, s => s.Decided),
        new("feedback", "认定→签收确认（反馈）", s => s.Decided, s => s.Acknowledged),
        // Archiving follows publication when the case was published, otherwise the acknowledgement;
        // a refused or withdrawn case archived without either did not go through this stage.
        new("archive", "确认或公开→存档备案", s => s.Published ?? s.Acknowledged, s => s.Archived),
    ];

    /// <summary>Timeliness of the application (Art. 5(1)), one category per case.</summary>
    public static class Timeliness
    {
        public const string OnTime = "on-time";
        public const string Late = "late";
        public const string OverdueNotApplied = "overdue";
        public const string WithinWindow = "pending";
        public const string AwaitingDecision = "awaiting-decision";
    }

    public static DashboardSeries Compute(IReadOnlyCollection<CaseFacts> cases, IReadOnlyList<UnitName> units, WorkingDayCalendar calendar, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(calendar);

        var byStatus = Enum.GetValues<CaseStatus>()
            .Select(s => new Bar(s.ToString(), s.Chinese(), cases.Count(c => c.Status == s)))
            .ToList();

        var byOutcome = Enum.GetValues<Outcome>()
            .Select(o => new Bar(o.ToString(), o.Chinese(), cases.Count(c => c.Outcome == o)))
            .Append(new Bar("None", NotDecided, cases.Count(c => c.Outcome is null)))
            .ToList();

        var fieldOrder = BusinessFields.All.Select((f, i) => (f, i)).ToDictionary(x => x.f, x => x.i);
        var byField = cases.GroupBy(c => c.BusinessField)
            .Select(g => new Bar(g.Key, g.Key, g.Count()))
            .OrderByDescending(b => b.Count)
            .ThenBy(b => fieldOrder.GetValueOrDefault(b.Key, int.MaxValue))
            .ThenBy(b => b.Key, StringComparer.Ordinal)
            .ToList();

        // A case counts once for each unit among its subjects: two people of one unit count the unit once.
        var unitOrder = units.Select((u, i) => (u.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var unitNames = units.ToDictionary(u => u.Id, u => u.Name);
        var byUnit = cases.SelectMany(c => c.SubjectUnitIds.Distinct())
            .GroupBy(id => id)
            .Select(g => (Id: g.Key, Count: g.Count()))
            .OrderByDescending(x => x.Count)
            .ThenBy(x => unitOrder.GetValueOrDefault(x.Id, int.MaxValue))
            .Select(x => new Bar(x.Id.ToString(), unitNames.GetValueOrDefault(x.Id, UnknownUnit), x.Count))
            .ToList();

        var timeliness = new List<Bar>
        {
            new(Timeliness.OnTime, "按期申请", cases.Count(c => TimelinessOf(c, today) == Timeliness.OnTime)),
            new(Timeliness.Late, "逾期申请（不予受理）", cases.Count(c => TimelinessOf(c, today) == Timeliness.Late)),
            new(Timeliness.OverdueNotApplied, "逾期未申请", cases.Count(c => TimelinessOf(c, today) == Timeliness.OverdueNotApplied)),
            new(Timeliness.WithinWindow, "申请期限内尚未申请", cases.Count(c => TimelinessOf(c, today) == Timeliness.WithinWindow)),
            new(Timeliness.AwaitingDecision, "逾期待定（期限暂定）", cases.Count(c => TimelinessOf(c, today) == Timeliness.AwaitingDecision)),
        };

        var stages = Stages.Select(stage => Average(stage, cases, calendar)).ToList();

        return new DashboardSeries(cases.Count, byStatus, byOutcome, byField, byUnit, timeliness, stages);
    }

    /// <summary>
    /// Art. 5(1): an application filed on or before the deadline is on time; one filed after it is
    /// late and refused (不予受理). After a provisional deadline it waits (逾期待定) until the year's notice
    /// or 局机关纪委 settles it, and counts as on time once accepted. A case with no application is
    /// overdue once the deadline has passed.
    /// </summary>
    public static string TimelinessOf(CaseFacts c, DateOnly today) => c switch
    {
        { Status: CaseStatus.TimelinessPending } => Timeliness.AwaitingDecision,
        { Status: CaseStatus.Refused } or { RefusedAsLate: true } => Timeliness.Late,
        { ApplicationSubmittedOn: not null } => Timeliness.OnTime,
        _ => today > c.ApplicationDeadline ? Timeliness.OverdueNotApplied : Timeliness.WithinWindow,
    };

    private static StageAverage Average(Stage stage, IReadOnlyCollection<CaseFacts> cases, WorkingDayCalendar calendar)
    {
        var days = new List<int>();
        var skipped = 0;
        foreach (var c in cases)
        {
            if (stage.From(c.Stages) is not { } from || stage.To(c.Stages) is not { } to)
            {
                continue;
            }
            try
            {
                // Working days after the start day up to and including the end day: a step done the same day takes 0.
                days.Add(calendar.WorkingDaysBetween(from, to));
            }
            catch (CalendarNotPublishedException)
            {
                skipped++;
            }
        }
        return new StageAverage(stage.Key, stage.Label, days.Count == 0 ? null : Math.Round(days.Average(), 1, MidpointRounding.AwayFromZero), days.Count, skipped);
    }
}
