using Microsoft.AspNetCore.Mvc;
using SafeHarbor.Cases;
using SafeHarbor.Features.CaseDocuments;
using SafeHarbor.Features.CaseFiles;
using SafeHarbor.Features.Eligibility;
using SafeHarbor.Features.Evidence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Pages.Cases;

/// <summary>The case page: every fact, the advice, the evidence and the timeline; printable on A4.</summary>
public sealed class DetailModel(CasePageServices services, EvidenceStore store, ILoggerFactory logs, CaseDocumentService documents) : CasePageBase(services)
{
    protected override IReadOnlyCollection<CaseAction> Steps => [];

    public EligibilityAdvice? ClaimedAdvice { get; private set; }
    public EligibilityAdvice? VerifiedAdvice { get; private set; }
    public IReadOnlyList<CaseFilesApi.TimelineEntry> Timeline { get; private set; } = [];
    public IReadOnlyList<CaseDocumentService.Availability> Documents { get; private set; } = [];

    protected override async Task OnLoadedAsync(CancellationToken ct)
    {
        var entity = await CaseFilesApi.LoadVisibleAsync(Id, Actor, Services.Db, ct);
        if (Case.Application is not null)
        {
            ClaimedAdvice = await CaseAdvice.ForAsync(Services.Db, entity, Policy, AdviceStage.Claimed, ct);
        }
        if (Case.Findings.Count > 0)
        {
            VerifiedAdvice = await CaseAdvice.ForAsync(Services.Db, entity, Policy, AdviceStage.Verified, ct);
        }
        Timeline = await CaseFilesApi.TimelineAsync(Id, Actor, Services.Db, ct);
        Documents = await documents.ListAsync(entity, ct);
    }

    /// <summary>A document of the case as DOCX (GB/T 9704-2012); its number is issued the first time.</summary>
    public async Task<IActionResult> OnGetDocumentAsync(string kind, int? instance, CancellationToken ct)
    {
        var actor = await Services.Current.GetAsync(ct);
        var rendered = await DocumentsApi.RenderAsync(Id, kind, instance, actor, Services.Db, documents, ct);
        return File(rendered.Content, CaseDocumentService.DocxType, rendered.FileName);
    }

    /// <summary>Downloads an evidence file after checking its SHA-256 and SM3.</summary>
    public async Task<IActionResult> OnGetEvidenceAsync(Guid fileId, CancellationToken ct)
    {
        var actor = await Services.Current.GetAsync(ct);
        var (file, content) = await EvidenceApi.OpenCheckedAsync(Id, fileId, actor, Services.Db, store, logs, ct);
        Response.Headers["X-Content-SHA256"] = file.Sha256;
        Response.Headers["X-Content-SM3"] = file.Sm3;
        return File(content, file.ContentType, file.FileName);
    }

    public static string Local(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm");
}
