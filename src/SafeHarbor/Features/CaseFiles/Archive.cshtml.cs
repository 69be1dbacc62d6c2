using Microsoft.AspNetCore.Mvc;
using SafeHarbor.Cases;
using SafeHarbor.Features.Archive;
using SafeHarbor.Infrastructure.Web;

namespace SafeHarbor.Features.CaseFiles;

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

    protected override Task OnLoadedAsync(CancellationToken ct)
    {
        Input.Retention ??= options.DefaultRetention;
        return Task.CompletedTask;
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        StepAsync(actor => ArchiveApi.ArchiveAsync(Id, ExpectedVersion, new ArchiveApi.ArchiveRequest(Input.Retention, Input.Note), actor, Services.Runner, options, ct),
            "已存档备案，案件转为只读。", ct);
}
