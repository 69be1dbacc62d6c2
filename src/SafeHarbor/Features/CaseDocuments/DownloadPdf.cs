using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.CaseDocuments;

/// <summary>The PDF of a done job, checked against its SHA-256; 409 while it is not ready, when it failed or when the file is gone.</summary>
public static class DownloadPdf
{
    public static async Task<(PdfJobView Job, byte[] Pdf)> HandleAsync(Guid jobId, Actor actor, SafeHarborDb db, PdfStore store, CancellationToken ct)
    {
        var job = await GetPdfJob.LoadVisibleAsync(jobId, actor, db, ct);
        switch (job.Status)
        {
            case DocumentJobStatus.Pending or DocumentJobStatus.Running:
                throw DomainException.Conflict("pdf-not-ready", $"PDF 尚未生成完毕（{job.Status.Chinese()}），请稍后再下载；DOCX 可随时下载。");
            case DocumentJobStatus.Failed:
                throw DomainException.Conflict("pdf-failed", $"PDF 未能生成：{job.Error}");
        }
        var pdf = await store.ReadPdfCheckedAsync(job.Id, job.PdfSha256, ct)
            ?? throw DomainException.Conflict("pdf-missing", "PDF 文件缺失或与生成时的 SHA-256 不符，请重新生成 PDF。");
        return (PdfJobView.Of(job), pdf);
    }
}
