using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Web;

namespace SafeHarbor.Features.Correction;

/// <summary>A person to choose as talker or measure owner, shown with their unit.</summary>
public sealed record PersonOption(Guid Id, string Name, string Unit, string Post)
{
    public string Label => $"{Name}（{Unit} {Post}）";
}

/// <summary>What the correction pages share: the user, today, running a handler with refusals shown next to the fields.</summary>
public abstract class CorrectionPage(PageServices services) : PageModel
{
    protected PageServices Services { get; } = services;

    public Actor Actor => Services.Actor;
    public DateOnly Today { get; } = ChinaClock.Today(services.Time);

    /// <summary>Loads what the page shows; false when the user may not open it at all (403).</summary>
    protected abstract Task<bool> LoadAsync(CancellationToken ct);

    /// <summary>
    /// Runs a command; on success back to <paramref name="next"/> with a notice, on a refusal of the
    /// input or the state the same page with the reasons (403 and 404 are the page filter's).
    /// </summary>
    protected async Task<IActionResult> RunAsync(Func<Actor, Task> command, string notice, string next, string prefix, CancellationToken ct, Func<string, string>? mapKey = null)
    {
        try
        {
            await command(Actor);
        }
        catch (DomainException e) when (e.Kind is ErrorKind.Invalid or ErrorKind.Conflict)
        {
            ModelState.AddDomainErrors(e, prefix, mapKey);
            return await LoadAsync(ct) ? Page() : StatusCode(StatusCodes.Status403Forbidden);
        }
        TempData["Notice"] = notice;
        return Redirect(next);
    }

    protected async Task<IReadOnlyList<PersonOption>> PeopleAsync(CancellationToken ct) =>
        (await (from p in Services.Db.Persons.AsNoTracking()
                join u in Services.Db.Units.AsNoTracking() on p.UnitId equals u.Id
                select new { p.Id, p.Name, p.Post, Unit = u.Name, u.SortOrder }).ToListAsync(ct))
            .OrderBy(p => p.SortOrder).ThenBy(p => p.Unit, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new PersonOption(p.Id, p.Name, p.Unit, p.Post)).ToList();
}
