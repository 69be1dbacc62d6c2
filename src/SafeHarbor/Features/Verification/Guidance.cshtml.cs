using Microsoft.AspNetCore.Mvc;
using SafeHarbor.Cases;
using SafeHarbor.Features.Shared;
using SafeHarbor.Infrastructure.Web;

namespace SafeHarbor.Features.Verification;

/// <summary>驻局纪检监察组 reads the case and gives its guidance; it decides nothing.</summary>
public sealed class GuidanceModel(PageServices services) : CasePageBase(services)
{
    public sealed class InputModel
    {
        public Guid RequestId { get; set; }
        public string? Reply { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    protected override IReadOnlyCollection<CaseAction> Steps => [CaseAction.ReplyGuidance];

    public IReadOnlyList<GuidanceRequest> Requests { get; private set; } = [];

    protected override async Task OnLoadedAsync(CancellationToken ct) => Requests = await VerificationQueries.GuidanceAsync(Services.Db, Record, Actor, ct);

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        StepAsync(actor => ReplyGuidance.HandleAsync(Id, ExpectedVersion, Input.RequestId, new ReplyGuidance.GuidanceReplyInput(Input.Reply), actor, Services.Runner, ct),
            "指导意见已反馈局机关纪委。", ct);
}
