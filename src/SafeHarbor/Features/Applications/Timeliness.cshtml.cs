using Microsoft.AspNetCore.Mvc;
using SafeHarbor.Cases;
using SafeHarbor.Features.Shared;
using SafeHarbor.Infrastructure.Web;

namespace SafeHarbor.Features.Applications;

/// <summary>
/// 局机关纪委 decides on an application made after a provisional (暂定) deadline, with its reason, instead of
/// waiting for the year's holiday notice to settle it.
/// </summary>
public sealed class TimelinessModel(PageServices services) : CasePageBase(services)
{
    public sealed class InputModel
    {
        public bool Accept { get; set; }
        public string? Reason { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    protected override IReadOnlyCollection<CaseAction> Steps => [CaseAction.AcceptApplication, CaseAction.RefuseApplication];

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        StepAsync(actor => DecideLateApplication.HandleAsync(Id, ExpectedVersion, new DecideLateApplication.LateApplicationDecision(Input.Accept, Input.Reason), actor, Services.Runner, ct),
            Input.Accept ? "已决定受理申请，可开始调查核实。" : "已决定不予受理。", ct);
}
