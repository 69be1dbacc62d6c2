using Microsoft.AspNetCore.Mvc.RazorPages;
using SafeHarbor.Infrastructure.Web;

namespace SafeHarbor.Features.Assessment;

/// <summary>A person's own results, once a period is closed.</summary>
public sealed class MineModel(PageServices services) : PageModel
{
    public IReadOnlyList<AssessmentQueries.AssessmentView> Results { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Results = await ListMyAssessments.HandleAsync(services.Actor, services.Db, ct);
    }
}
