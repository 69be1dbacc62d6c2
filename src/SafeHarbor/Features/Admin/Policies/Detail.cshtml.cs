using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SafeHarbor.Calendar;
using SafeHarbor.Features.Admin;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Admin.Policies;

/// <summary>One policy version as people read it, with the data file beside it for comparison.</summary>
public sealed class DetailModel(PolicyCatalog policies, IConfiguration configuration, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";

    public PolicyVersion Policy { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public PolicySources.Source? Source { get; private set; }

    public IActionResult OnGet()
    {
        if (!policies.TryGet(Id, out var policy) || policy is null)
        {
            return NotFound();
        }
        Policy = policy;
        Today = ChinaClock.Today(time);
        Source = PolicySources.Find(PolicySources.Directory(configuration), Id);
        return Page();
    }
}
