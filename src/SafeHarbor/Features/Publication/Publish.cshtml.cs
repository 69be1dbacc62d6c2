using Microsoft.AspNetCore.Mvc;
using SafeHarbor.Cases;
using SafeHarbor.Features.Shared;
using SafeHarbor.Infrastructure.Web;

namespace SafeHarbor.Features.Publication;

/// <summary>Art. 5(5): an exempted case may be made known within a stated scope.</summary>
public sealed class PublishModel(PageServices services) : CasePageBase(services)
{
    public sealed class InputModel
    {
        public PublicationMethod Method { get; set; } = PublicationMethod.Circular;
        public string? Scope { get; set; }
        public DateOnly? PublishedOn { get; set; }
        public string? Reference { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    protected override IReadOnlyCollection<CaseAction> Steps => [CaseAction.Publish];

    protected override Task OnLoadedAsync(CancellationToken ct)
    {
        Input.PublishedOn ??= Today;
        return Task.CompletedTask;
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        StepAsync(actor => PublishResult.HandleAsync(Id, ExpectedVersion, new PublishResult.PublishRequest(Input.Method, Input.Scope, Input.PublishedOn, Input.Reference), actor, Services.Runner, ct),
            "已登记公开。", ct);
}
