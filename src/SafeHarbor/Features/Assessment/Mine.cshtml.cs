using Microsoft.AspNetCore.Mvc.RazorPages;
using SafeHarbor.Infrastructure.Web;

namespace SafeHarbor.Features.Assessment;

/// <summary>A person's own results, once a period is closed.</summary>
public sealed class MineModel(PageServices services) : PageModel
{
    public IReadOnlyList<AssessmentQueries.AssessmentView> Results { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = services.Actor;
        Results = actor.PersonId is { } me ? await AssessmentQueries.ForPersonAsync(services.Db, me, includeOpen: false, ct) : [];
    }
}
