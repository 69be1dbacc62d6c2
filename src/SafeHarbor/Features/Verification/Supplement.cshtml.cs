using Microsoft.AspNetCore.Mvc;
using SafeHarbor.Cases;
using SafeHarbor.Features.Shared;
using SafeHarbor.Infrastructure.Web;

namespace SafeHarbor.Features.Verification;

/// <summary>The applicant answers a request for more material.</summary>
public sealed class SupplementModel(PageServices services) : CasePageBase(services)
{
    public sealed class InputModel
    {
        public string? Text { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    protected override IReadOnlyCollection<CaseAction> Steps => [CaseAction.SubmitSupplement];

    public IReadOnlyList<SupplementRequest> Requests { get; private set; } = [];

    protected override async Task OnLoadedAsync(CancellationToken ct) => Requests = await VerificationQueries.SupplementsAsync(Services.Db, Record, ct);

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        StepAsync(actor => SubmitSupplement.HandleAsync(Id, ExpectedVersion, new SubmitSupplement.SupplementInput(Input.Text), actor, Services.Runner, ct),
            "补充材料已提交，局机关纪委将继续核实。", ct);
}
