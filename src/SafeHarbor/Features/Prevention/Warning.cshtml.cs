using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Web;

namespace SafeHarbor.Features.Prevention;

/// <summary>One warning: its text, each recipient unit's acknowledgement, and the acknowledgement form for a recipient unit's leader.</summary>
public sealed class WarningModel(PageServices services) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    [BindProperty] public string? Comment { get; set; }

    public Features.Prevention.Warnings.View Warning { get; private set; } = null!;
    public bool SeesAll { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var actor = services.Actor;
        try
        {
            await AcknowledgeWarning.HandleAsync(Id, new AcknowledgeWarning.Request(Comment), actor, services.Runner, ct);
            TempData["Notice"] = "已签收该警示提醒。";
            return Redirect($"/Prevention/Warnings/{Id}");
        }
        catch (DomainException e) when (e.Kind is ErrorKind.Invalid or ErrorKind.Conflict)
        {
            ModelState.AddModelError(string.Empty, e.Message);
            if (e.Errors?.TryGetValue("comment", out var messages) == true)
            {
                foreach (var m in messages)
                {
                    ModelState.AddModelError(nameof(Comment), m);
                }
            }
            await LoadAsync(ct);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var actor = services.Actor;
        SeesAll = PreventionAccess.SeesAllWarnings(actor);
        Warning = await GetWarning.HandleAsync(Id, actor, services.Db, ct);
    }
}
