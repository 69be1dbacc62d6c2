using System.Globalization;
using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Features.ProvisionalDeadlines;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Admin;

/// <summary>
/// Adds next year's State Council holiday arrangement: a row of <see cref="CalendarNotice"/> in the database,
/// in force at once on this node and within <c>Calendar:RefreshSeconds</c> on every other (and for the
/// <c>calendar</c> commands), and recorded in the audit log. In the same command every provisional deadline
/// is recomputed on it (<see cref="RecomputeDeadlines"/>); the notice is put in force only once that command committed.
/// </summary>
public static class AddCalendarYear
{
    /// <param name="Workdays">The 调休 working days of the holiday; empty slots of the form are null.</param>
    public sealed record HolidayInput(string? Name, DateOnly? FirstOff, DateOnly? LastOff, IReadOnlyList<DateOnly?>? Workdays);

    public sealed record Request(int Year, string? Title, string? DocumentNumber, DateOnly? IssuedOn, IReadOnlyList<HolidayInput>? Holidays);

    /// <param name="Recomputed">Provisional deadlines the notice settled (moved, or only lost their mark).</param>
    /// <param name="Moved">Of those, the ones whose date changed.</param>
    public sealed record Result(int Year, string FileName, int Holidays, int Recomputed, int Moved);

    /// <exception cref="DomainException">Refused (field errors keyed like <c>holidays[2].lastOff</c>); nothing was stored.</exception>
    public static async Task<Result> HandleAsync(Request r, Actor actor, CommandRunner runner, CalendarSource calendars, IEnumerable<IDeadlineOwner> owners, IServiceScopeFactory scopes, CancellationToken ct)
    {
        AdminAccess.RequireSystemAdmin(actor);
        var draft = ToDraft(r);
        // Field checks before taking the write lock; checked again inside the command on the calendar then in force.
        ThrowIfAny(draft.Check(calendars.Current));

        IReadOnlyList<AddedNotice> stored = [];
        AddedNotice? added = null;
        var result = await runner.RunAsync(actor, async ctx =>
        {
            // Another node may have added a year meanwhile: check against what the database holds now.
            stored = await CalendarNotices.LoadAsync(ctx.Db, ct);
            calendars.Use(stored);
            AddedNotice notice;
            WorkingDayCalendar calendar;
            try
            {
                (notice, calendar) = calendars.Prepare(draft);
            }
            catch (CalendarDraftException e)
            {
                ThrowIfAny(e.Problems);
                throw;
            }
            catch (CalendarDataException e)
            {
                throw DomainException.Invalid("calendar-invalid", $"节假日安排未保存：{e.Message}");
            }
            added = notice;
            // The year is the key: of two nodes adding one year at once, the second commit fails.
            ctx.Db.Add(new CalendarNotice { Year = notice.Year, FileName = notice.FileName, Json = System.Text.Encoding.UTF8.GetString(notice.Content), AddedAt = ctx.Now });
            var holidays = draft.FilledRows.Select(h => new
            {
                name = h.Holiday.Name!.Trim(),
                off = $"{h.Holiday.FirstOff:yyyy-MM-dd}～{h.Holiday.LastOff:yyyy-MM-dd}",
                workdays = h.Holiday.Workdays.Order().Select(w => w.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList(),
            }).ToList();
            ctx.Audit("AddCalendarYear", "Calendar", draft.Year.ToString(CultureInfo.InvariantCulture), null, Role.SystemAdmin.Chinese(),
                new { notice = draft.Title!.Trim(), documentNumber = Blank(draft.DocumentNumber), issuedOn = draft.IssuedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), file = draft.FileName, holidays });
            var recomputed = await RecomputeDeadlines.RunAsync(ctx, calendar, owners, ct);
            return new Result(draft.Year, draft.FileName, holidays.Count, recomputed.Count, recomputed.Count(d => d.Moved));
        }, ct);

        // Committed: in force on this node now (the others read it at their next refresh).
        calendars.Use([.. stored, added!]);
        // The calendar is the country's: the other bureaus' provisional deadlines follow it too, each in its own chain.
        var elsewhere = await RecomputeDeadlines.RunForEveryBureauAsync(scopes, ct, except: actor.BureauId);
        return result with { Recomputed = result.Recomputed + elsewhere.Count, Moved = result.Moved + elsewhere.Count(d => d.Moved) };
    }

    public static HolidayNoticeDraft ToDraft(Request r) => new(
        r.Year,
        r.Title,
        Blank(r.DocumentNumber),
        r.IssuedOn,
        (r.Holidays ?? []).Select(h => new HolidayDraft(h.Name, h.FirstOff, h.LastOff, (h.Workdays ?? []).OfType<DateOnly>().ToList())).ToList());

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static void ThrowIfAny(IReadOnlyList<CalendarProblem> problems)
    {
        if (problems.Count > 0)
        {
            throw new DomainException(
                ErrorKind.Invalid,
                "calendar-invalid",
                $"节假日安排有误，未保存：{problems[0].Message}",
                problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));
        }
    }
}
