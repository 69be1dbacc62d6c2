using Microsoft.AspNetCore.Mvc;
using SafeHarbor.Cases;
using SafeHarbor.Features.Shared;
using SafeHarbor.Infrastructure.Web;

namespace SafeHarbor.Features.Applications;

/// <summary>The applicant withdraws before the determination.</summary>
public sealed class WithdrawModel(PageServices services) : CasePageBase(services)
{
    public sealed class InputModel
    {
        public string? Reason { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    protected override IReadOnlyCollection<CaseAction> Steps => [CaseAction.Withdraw];

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        StepAsync(actor => WithdrawApplication.HandleAsync(Id, ExpectedVersion, new WithdrawApplication.WithdrawRequest(Input.Reason), actor, Services.Runner, ct),
            "申请已撤回。", ct);
}
