using Microsoft.AspNetCore.Mvc;
using SafeHarbor.Infrastructure.Web;

namespace SafeHarbor.Features.Correction;

/// <summary>纠错整改 (Art. 8): every exempted or mitigated case with how far its correction has come, and overdue measures per unit.</summary>
public sealed class IndexModel(PageServices services) : CorrectionPage(services)
{
    public IReadOnlyList<CorrectionQueries.ListItem> Items { get; private set; } = [];
    public CorrectionQueries.OverdueSummary Overdue { get; private set; } = new(0, 0, [], []);

    [BindProperty(SupportsGet = true)]
    public CorrectionStage? Stage { get; set; }

    public IReadOnlyList<CorrectionQueries.ListItem> Shown => Stage is { } s ? Items.Where(i => i.Stage == s).ToList() : Items;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Page() : StatusCode(StatusCodes.Status403Forbidden);

    protected override async Task<bool> LoadAsync(CancellationToken ct)
    {
        // The list is for the bodies with a duty in the procedure; an owner of a measure goes to 我的整改措施.
        if (!Actor.SeesAllCases)
        {
            return false;
        }
        Items = await ListCorrections.HandleAsync(Actor, Services.Db, Services.Policies, Today, ct);
        Overdue = await OverdueMeasures.SummaryAsync(Services.Db, Today, ct);
        return true;
    }
}
