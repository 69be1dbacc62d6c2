using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.ProvisionalDeadlines;

/// <summary>
/// When a year's holiday notice arrives (added on /Admin/Calendar, or shipped or copied in and found at start-up),
/// every stored provisional deadline is recomputed in one audited command: each change is an audit entry, and each
/// person whose deadline moved, or whose waiting step was settled, finds a notice in their 待办.
/// </summary>
public static partial class RecomputeDeadlines
{
    public const string ActingAs = "系统（按节假日安排重算期限）";

    /// <summary>Recomputes inside a command already running (e.g. the one that adds the notice).</summary>
    public static async Task<IReadOnlyList<RecomputedDeadline>> RunAsync(
        CommandContext ctx, WorkingDayCalendar calendar, IEnumerable<IDeadlineOwner> owners, CancellationToken ct)
    {
        var changes = new List<RecomputedDeadline>();
        foreach (var owner in owners)
        {
            changes.AddRange(await owner.RecomputeAsync(ctx, calendar, ct));
        }
        foreach (var d in changes)
        {
            var arrangement = ArrangementOf(d.Before, calendar);
            ctx.Audit("RecomputeDeadline", d.EntityType, d.EntityId, d.CaseId, ActingAs, new
            {
                step = "按节假日安排重算期限",
                kind = d.Kind,
                owner = d.Owner,
                before = d.Before.ToString(),
                after = d.After.ToString(),
                moved = d.Moved,
                recomputed = d.Recomputed == d.After ? null : $"按{arrangement}应为 {d.Recomputed}；该步骤已按当时的期限办理，不再调整",
                basis = arrangement,
                settled = d.Settled,
            });
            var text = d.Settled ?? (d.Moved ? $"{d.Owner}：{d.Kind}已按{(char.IsAsciiDigit(arrangement[0]) ? " " : "")}{arrangement}调整为 {d.After}，原为 {d.Before}。" : null);
            if (text is null)
            {
                continue;
            }
            foreach (var person in d.Notify.Distinct())
            {
                ctx.Db.Add(new DeadlineNotice { Id = Guid.NewGuid(), PersonId = person, CaseId = d.CaseId, Text = Clip(text, 500), Link = d.Link, CreatedAt = ctx.Now });
            }
        }
        return changes;
    }

    /// <summary>
    /// Recomputes every bureau's deadlines, each bureau in a command of its own, as the system (at start-up, after
    /// notices were added as files; after a year is added on one bureau's page, for the others: the calendar is the
    /// country's). <paramref name="except"/> is a bureau already done.
    /// </summary>
    public static async Task<IReadOnlyList<RecomputedDeadline>> RunForEveryBureauAsync(IServiceScopeFactory scopes, CancellationToken ct, Guid? except = null)
    {
        List<Guid> bureaus;
        await using (var scope = scopes.CreateAsyncScope())
        {
            bureaus = await scope.ServiceProvider.GetRequiredService<SafeHarborDb>().Bureaus.Select(b => b.Id).ToListAsync(ct);
        }
        var changes = new List<RecomputedDeadline>();
        foreach (var bureau in bureaus.Where(b => b != except))
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            services.GetRequiredService<SafeHarborDb>().ScopeTo(bureau);
            var calendar = services.GetRequiredService<CalendarSource>().Current;
            var owners = services.GetServices<IDeadlineOwner>();
            changes.AddRange(await services.GetRequiredService<CommandRunner>().RunAsync(Actor.System("节假日安排"), ctx => RunAsync(ctx, calendar, owners, ct), ct));
        }
        return changes;
    }

    /// <summary>
    /// The arrangement that changed a deadline, named by year: the years its provisional reason named that the
    /// calendar now has a notice for ("2027 年节假日安排").
    /// </summary>
    public static string ArrangementOf(ComputedDate before, WorkingDayCalendar calendar)
    {
        var named = Year().Matches(before.ProvisionalReason ?? "").Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)).ToList();
        var years = named.Count == 0
            ? []
            : Enumerable.Range(named.Min(), named.Max() - named.Min() + 1).Where(calendar.Covers).ToList();
        return years.Count == 0 ? "正式公布的节假日安排" : $"{string.Join("、", years)} 年节假日安排";
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    [GeneratedRegex(@"\d{4}")]
    private static partial Regex Year();
}
