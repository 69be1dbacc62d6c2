using Microsoft.AspNetCore.Mvc;
using SafeHarbor.Infrastructure.Web;

namespace SafeHarbor.Features.Correction;

/// <summary>我的整改措施: the measures the signed-in person owns, each reported done with its evidence.</summary>
public sealed class MineModel(PageServices services) : CorrectionPage(services)
{
    public sealed class CompletionInput
    {
        public Guid CaseId { get; set; }
        public Guid MeasureId { get; set; }
        public int PlanVersion { get; set; }
        public string? Evidence { get; set; }
    }

    [BindProperty]
    public CompletionInput Completion { get; set; } = new();

    public IReadOnlyList<CorrectionQueries.MyMeasure> Measures { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Page() : StatusCode(StatusCodes.Status403Forbidden);

    public Task<IActionResult> OnPostCompleteAsync(CancellationToken ct) =>
        RunAsync(actor => CompleteMeasure.HandleAsync(Completion.CaseId, Completion.MeasureId, Completion.PlanVersion == 0 ? null : Completion.PlanVersion,
                new CompleteMeasure.Request(Completion.Evidence), actor, Services.Runner, ct),
            "已登记整改措施完成情况。", "/Correction/Mine", "Completion", ct);

    protected override async Task<bool> LoadAsync(CancellationToken ct)
    {
        Measures = await ListMyMeasures.HandleAsync(Actor, Services.Db, Services.Calendar, Today, ct);
        return true;
    }
}
