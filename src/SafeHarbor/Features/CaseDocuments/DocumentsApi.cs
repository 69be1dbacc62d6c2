using SafeHarbor.Cases;
using SafeHarbor.Documents;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Security;
using SafeHarbor.Infrastructure.Storage;

namespace SafeHarbor.Features.CaseDocuments;

/// <summary>The documents of a case: which ones it can produce now, and each one as DOCX.</summary>
[Article("5(1)", "5(2)", "5(3)", "5(4)", "5(5)", "5(6)", "8")]
public static class DocumentsApi
{
    public static IServiceCollection AddCaseDocuments(this IServiceCollection services)
    {
        services.AddSingleton<DocumentTemplateSource>();
        services.AddScoped<CaseDocumentService>();
        services.AddPdfJobs();
        services.AddScoped<IStoredFileOwner, DocumentFileOwner>();
        return services;
    }

    public static IEndpointRouteBuilder MapCaseDocuments(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases/{caseId:guid}/documents").WithTags("公文").RequireAuthorization();
        group.MapGet("/", async (Guid caseId, Actor actor, SafeHarborDb db, CaseDocumentService documents, CancellationToken ct) =>
                await ListCaseDocuments.HandleAsync(caseId, actor, db, documents, ct))
            .WithSummary("本案可生成的公文及不能生成的原因");
        group.MapGet("/{kind}", async (Guid caseId, string kind, int? instance, Actor actor, SafeHarborDb db, CaseDocumentService documents, SecurityEventLog events, CancellationToken ct) =>
            {
                var rendered = await DownloadDocument.HandleAsync(caseId, kind, instance, actor, db, documents, ct);
                await events.RecordTakenAsync(actor, SecurityEventKinds.Download, "公文（DOCX）", caseId, rendered.FileName, ct);
                return Results.File(rendered.Content, CaseDocumentService.DocxType, rendered.FileName);
            })
            .WithSummary("下载公文（DOCX，GB/T 9704-2012 版式；首次出具时编发文字号）")
            .WithDescription("kind 为 application、investigation-report、guidance-request、supplement-notice、determination-opinion、meeting-extract、feedback-notice、refusal-notice、circular、filing-form、reminder-letter、talk-record、rectification-notice 之一；instance 选第几次的指导函或补充材料通知（从 0 起，默认最近一次）。");
        group.MapPost("/{kind}/pdf", async (Guid caseId, string kind, int? instance, Actor actor, SafeHarborDb db, CaseDocumentService documents,
                PdfStore store, PdfJobSignal signal, WriteLock writeLock, TimeProvider time, CancellationToken ct) =>
            {
                var job = await RequestPdf.HandleAsync(caseId, kind, instance, actor, db, documents, store, signal, writeLock, time, ct);
                return job.Status == DocumentJobStatus.Done ? Results.Ok(job) : Results.Accepted(job.StatusUrl, job);
            })
            .Produces<PdfJobView>(StatusCodes.Status200OK)
            .Produces<PdfJobView>(StatusCodes.Status202Accepted)
            .WithSummary("请求生成公文 PDF（后台以 LibreOffice 转换；同一份 DOCX 只生成一次）")
            .WithDescription("先按下载 DOCX 的规则生成公文（首次出具时编发文字号），再按 DOCX 内容的 SHA-256 查找任务：已生成的返回 200；排队中或生成中的返回同一任务（202）；否则新建任务并返回 202，Location 为任务状态地址。失败的任务再次请求时重新排队。");

        var jobs = app.MapGroup("/api/document-jobs").WithTags("公文").RequireAuthorization();
        jobs.MapGet("/{jobId:guid}", async (Guid jobId, Actor actor, SafeHarborDb db, CancellationToken ct) =>
                await GetPdfJob.HandleAsync(jobId, actor, db, ct))
            .WithSummary("查询 PDF 生成任务的状态（排队中、生成中、已完成、失败及失败原因）");
        jobs.MapGet("/{jobId:guid}/pdf", async (Guid jobId, HttpContext http, Actor actor, SafeHarborDb db, PdfStore store, SecurityEventLog events, CancellationToken ct) =>
            {
                var (job, content) = await DownloadPdf.HandleAsync(jobId, actor, db, store, ct);
                await events.RecordTakenAsync(actor, SecurityEventKinds.Download, "公文（PDF）", job.CaseId, job.FileName, ct);
                http.Response.Headers["X-Content-SHA256"] = job.PdfSha256;
                return Results.File(content, "application/pdf", job.FileName);
            })
            .WithSummary("下载已生成的 PDF（尚未生成完毕或生成失败时返回 409）");
        return app;
    }


    /// <summary>The PDF job services every host has (the CLI may queue jobs too); the worker is added by the web host only.</summary>
    public static IServiceCollection AddPdfJobs(this IServiceCollection services)
    {
        services.AddSingleton<PdfStore>();
        services.AddSingleton<PdfJobSignal>();
        services.AddSingleton<IDocxToPdf, LibreOfficeDocxToPdf>();
        services.AddScoped<PdfJobService>();
        services.AddScoped<PdfJobProcessor>();
        return services;
    }

    /// <summary>The background worker that makes the PDFs, and the queue's gauge; only for the web host.</summary>
    public static IServiceCollection AddPdfWorker(this IServiceCollection services)
    {
        services.AddHostedService<PdfWorker>();
        services.AddHostedService<PdfQueueGauge>();
        return services;
    }
}
