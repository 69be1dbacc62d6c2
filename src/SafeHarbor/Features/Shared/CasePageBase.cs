using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Web;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Shared;

/// <summary>
/// A page for steps of one case. It loads the case as the user may see it, offers only the steps
/// the workflow allows the user now (403 when it allows none of this page's), and runs a step
/// through the same handler the API uses, showing refusals next to the fields.
/// </summary>
public abstract class CasePageBase(PageServices services) : PageModel
{
    protected PageServices Services { get; } = services;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>The version the user saw; a change made by someone else in between is refused, not overwritten.</summary>
    [BindProperty]
    public int Version { get; set; }

    /// <summary>The If-Match of a page form: no check when the form did not carry a version.</summary>
    protected int? ExpectedVersion => Version == 0 ? null : Version;

    public CaseView Case { get; private set; } = null!;

    /// <summary>The case as loaded (untracked), for what a page reads besides <see cref="Case"/>.</summary>
    protected Case Record { get; private set; } = null!;
    public PolicyVersion Policy { get; private set; } = null!;
    public Actor Actor { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    /// <summary>The steps this page is for; empty for a page anyone in scope may read.</summary>
    protected abstract IReadOnlyCollection<CaseAction> Steps { get; }

    public bool Allows(CaseAction action) => Case.AllowedActions.Any(a => a.Action == action);

    protected async Task LoadAsync(CancellationToken ct)
    {
        Actor = Services.Actor;
        Today = ChinaClock.Today(Services.Time);
        Record = await Services.Db.LoadVisibleCaseAsync(Id, Actor, ct);
        Policy = Services.Policies.Get(Record.PolicyId);
        Case = await ViewAsync(Record, ct);
    }

    /// <summary>The case as this page shows it: by default from the case alone, without the stages' records.</summary>
    protected virtual Task<CaseView> ViewAsync(Case c, CancellationToken ct) =>
        Task.FromResult(CaseViews.Of(c, Actor, Policy, Services.Calendar, Today));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Steps.Count > 0 && !Steps.Any(Allows))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        Version = Case.Version;
        await OnLoadedAsync(ct);
        return Page();
    }

    /// <summary>Loads what the page shows besides the case.</summary>
    protected virtual Task OnLoadedAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>A step with the standard notice.</summary>
    protected Task<IActionResult> StepAsync(Func<Actor, Task> step, string notice, CancellationToken ct, string? next = null, string errorPrefix = "Input") =>
        StepAsync(async actor =>
        {
            await step(actor);
            return null;
        }, notice, ct, next, errorPrefix: errorPrefix);

    /// <summary>
    /// Runs a step; on success back to the case page with a notice (the step may answer a different
    /// one), on refusal the same page with the reasons next to the fields.
    /// </summary>
    protected async Task<IActionResult> StepAsync(Func<Actor, Task<string?>> step, string notice, CancellationToken ct, string? next = null, Func<string, string>? mapErrorKey = null, string errorPrefix = "Input")
    {
        // The step's handler loads the case and decides; the page shows the case again only when it refuses.
        Actor = Services.Actor;
        try
        {
            notice = await step(Actor) ?? notice;
        }
        catch (DomainException e) when (e.Kind is ErrorKind.Invalid or ErrorKind.Conflict)
        {
            ModelState.AddDomainErrors(e, errorPrefix, mapErrorKey);
            await LoadAsync(ct);
            await OnLoadedAsync(ct);
            return Page();
        }
        TempData["Notice"] = notice;
        return Redirect(next ?? $"/Cases/{Id}");
    }
}
