using Microsoft.AspNetCore.Mvc;
using SafeHarbor.Cases;
using SafeHarbor.Features.Evidence;
using SafeHarbor.Features.Shared;
using SafeHarbor.Infrastructure.Web;

namespace SafeHarbor.Features.Archive;

/// <summary>Art. 5(6): 局机关党委 files the case; it becomes read-only.</summary>
public sealed class ArchiveModel(PageServices services, ArchiveOptions options) : CasePageBase(services)
{
    public sealed class InputModel
    {
        public string? Retention { get; set; }
        public string? Note { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    protected override IReadOnlyCollection<CaseAction> Steps => [CaseAction.Archive];

    /// <summary>The evidence that will be filed with the case.</summary>
    public IReadOnlyList<EvidenceView> Evidence { get; private set; } = [];

    protected override async Task OnLoadedAsync(CancellationToken ct)
    {
        Input.Retention ??= options.DefaultRetention;
        Evidence = await ListEvidence.HandleAsync(Services.Db, Record, Actor, ct);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        StepAsync(actor => ArchiveCase.HandleAsync(Id, ExpectedVersion, new ArchiveCase.ArchiveRequest(Input.Retention, Input.Note), actor, Services.Runner, options, ct),
            "已存档备案，案件转为只读。", ct);
}
