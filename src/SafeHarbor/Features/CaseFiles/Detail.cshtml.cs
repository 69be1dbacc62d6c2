using Microsoft.AspNetCore.Mvc;
using SafeHarbor.Cases;
using SafeHarbor.Documents;
using SafeHarbor.Features.Archive;
using SafeHarbor.Features.ArchivePackages;
using SafeHarbor.Features.CaseDocuments;
using SafeHarbor.Features.Eligibility;
using SafeHarbor.Features.Evidence;
using SafeHarbor.Features.Shared;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Security;
using SafeHarbor.Infrastructure.Web;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.CaseFiles;

/// <summary>The case page: every fact, the advice, the evidence and the timeline; printable on A4.</summary>
public sealed class DetailModel(PageServices services, EvidenceStore store, ILoggerFactory logs, CaseDocumentService documents, SecurityEventLog events) : CasePageBase(services)
{
    protected override IReadOnlyCollection<CaseAction> Steps => [];

    public EligibilityAdvice? ClaimedAdvice { get; private set; }
    public EligibilityAdvice? VerifiedAdvice { get; private set; }
    public IReadOnlyList<GetTimeline.TimelineEntry> Timeline { get; private set; } = [];
    public IReadOnlyList<CaseDocumentService.Availability> Documents { get; private set; } = [];
    public string? DocumentsError { get; private set; }

    /// <summary>The latest PDF job of each document, shown beside its DOCX link.</summary>
    public IReadOnlyDictionary<(DocumentKind Kind, int Instance), PdfJobView> PdfJobs { get; private set; } = new Dictionary<(DocumentKind, int), PdfJobView>();

    private (DocumentKind Kind, int Instance, string Message)? pdfRefusal;

    private PdfJobService PdfJobService => HttpContext.RequestServices.GetRequiredService<PdfJobService>();

    /// <summary>The PDF slot beside a DOCX link (<paramref name="instance"/> as the link has it).</summary>
    public PdfSlot PdfSlotFor(CaseDocumentService.Availability doc, int? instance)
    {
        var index = instance ?? Math.Max(0, doc.Instances - 1);
        var refusal = pdfRefusal is { } r && r.Kind == doc.Kind && r.Instance == index ? r.Message : null;
        return new PdfSlot(Id, doc.Kind, index, PdfJobs.GetValueOrDefault((doc.Kind, index)), refusal);
    }

    /// <summary>The whole case file: the case and every stage's records.</summary>
    public CaseDetail Detail => (CaseDetail)Case;

    protected override async Task<CaseView> ViewAsync(Case c, CancellationToken ct) =>
        await GetCase.DetailAsync(c, Actor, Services.Db, Policy, Services.Calendar, Today, ct);

    protected override async Task OnLoadedAsync(CancellationToken ct)
    {
        var showsAdvice = Actor.Shows(Record, CaseSection.Advice);
        if (Case.Application is not null && showsAdvice)
        {
            ClaimedAdvice = await CaseAdvice.ForAsync(Services.Db, Record, Policy, AdviceStage.Claimed, ct);
        }
        if (Case.Findings.Count > 0 && showsAdvice)
        {
            VerifiedAdvice = await CaseAdvice.ForAsync(Services.Db, Record, Policy, AdviceStage.Verified, ct);
        }
        Timeline = await GetTimeline.HandleAsync(Id, Actor, Services.Db, ct);
        try
        {
            Documents = await documents.ListAsync(Record, Actor, ct);
        }
        catch (DomainException e) when (e.Code == "template-invalid")
        {
            // A broken template must not hide the case: say which file and field, where the documents are listed.
            DocumentsError = e.Message;
        }
        PdfJobs = await PdfJobService.LatestForCaseAsync(Id, ct);
    }

    /// <summary>A document of the case as DOCX (GB/T 9704-2012); its number is issued the first time.</summary>
    public async Task<IActionResult> OnGetDocumentAsync(string kind, int? instance, CancellationToken ct)
    {
        var actor = Services.Actor;
        var rendered = await DownloadDocument.HandleAsync(Id, kind, instance, actor, Services.Db, documents, ct);
        await events.RecordTakenAsync(actor, SecurityEventKinds.Download, "公文（DOCX）", Id, rendered.FileName, ct);
        return File(rendered.Content, CaseDocumentService.DocxType, rendered.FileName);
    }

    /// <summary>
    /// Asks for the PDF of a document; it is made in the background. htmx gets the document's PDF slot
    /// back (which then polls itself), a plain form the page again.
    /// </summary>
    public async Task<IActionResult> OnPostPdfAsync(string kind, int? instance, CancellationToken ct)
    {
        var actor = Services.Actor;
        var htmx = Request.Headers["HX-Request"] == "true";
        try
        {
            var job = await PdfJobService.RequestAsync(Id, kind, instance, actor, ct);
            if (htmx)
            {
                return Partial("_PdfJob", PdfSlot.Of(job));
            }
            TempData["Notice"] = job.Status == DocumentJobStatus.Done
                ? $"{job.KindName} 的 PDF 已生成，可在公文表中下载。"
                : $"正在生成{job.KindName} PDF，完成后可在公文表中下载；DOCX 可随时下载。";
            return Redirect($"/Cases/{Id}#s-documents");
        }
        catch (DomainException e) when (e.Kind is ErrorKind.Conflict or ErrorKind.Corrupted && DocumentKinds.TryParse(kind, out _))
        {
            DocumentKinds.TryParse(kind, out var parsed);
            if (htmx)
            {
                return Partial("_PdfJob", new PdfSlot(Id, parsed, instance ?? 0, null, e.Message));
            }
            pdfRefusal = (parsed, instance ?? 0, e.Message);
            await LoadAsync(ct);
            Version = Case.Version;
            await OnLoadedAsync(ct);
            return Page();
        }
    }

    /// <summary>The PDF slot of a job, polled by htmx while the job is queued or running.</summary>
    public async Task<IActionResult> OnGetPdfJobAsync(Guid jobId, CancellationToken ct)
    {
        var job = await PdfJobService.GetAsync(jobId, Services.Actor, ct);
        return job.CaseId == Id ? Partial("_PdfJob", PdfSlot.Of(job)) : NotFound();
    }

    /// <summary>The PDF of a done job, checked against the SHA-256 recorded when it was made.</summary>
    public async Task<IActionResult> OnGetPdfFileAsync(Guid jobId, CancellationToken ct)
    {
        PdfJobView job;
        byte[] pdf;
        try
        {
            (job, pdf) = await PdfJobService.OpenPdfAsync(jobId, Services.Actor, ct);
        }
        catch (DomainException e) when (e.Kind == ErrorKind.Conflict)
        {
            // Not ready, failed or its file gone: say so (a body keeps the generic error page away).
            return new ContentResult { StatusCode = StatusCodes.Status409Conflict, Content = e.Message, ContentType = "text/plain; charset=utf-8" };
        }
        if (job.CaseId != Id)
        {
            return NotFound();
        }
        await events.RecordTakenAsync(Services.Actor, SecurityEventKinds.Download, "公文（PDF）", Id, job.FileName, ct);
        Response.Headers["X-Content-SHA256"] = job.PdfSha256;
        return File(pdf, "application/pdf", job.FileName);
    }

    /// <summary>The archive package (ZIP) of a filed case: every document and evidence file, the manifest with their hashes, the 备案登记表.</summary>
    public async Task<IActionResult> OnGetArchivePackageAsync(CancellationToken ct)
    {
        var actor = Services.Actor;
        var (content, exported) = await ExportArchivePackage.ExportToTempFileAsync(Id, actor, ExportArchivePackage.Describe(actor), ArchivePackageServices.From(HttpContext.RequestServices), ct);
        await events.RecordTakenAsync(actor, SecurityEventKinds.Export, "归档包", Id, exported.FileName, ct);
        return File(content, ArchivePackageFormat.ZipType, exported.FileName);
    }

    /// <summary>Downloads an evidence file after checking its SHA-256 and SM3.</summary>
    public async Task<IActionResult> OnGetEvidenceAsync(Guid fileId, CancellationToken ct)
    {
        var actor = Services.Actor;
        var (file, content) = await OpenEvidence.HandleAsync(Id, fileId, actor, Services.Db, store, logs, ct);
        await events.RecordTakenAsync(actor, SecurityEventKinds.Download, "证明材料", Id, file.FileName, ct);
        Response.Headers["X-Content-SHA256"] = file.Sha256;
        Response.Headers["X-Content-SM3"] = file.Sm3;
        return File(content, file.ContentType, file.FileName);
    }

    public static string Local(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm");
}
