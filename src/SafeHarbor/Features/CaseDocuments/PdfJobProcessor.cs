using Microsoft.EntityFrameworkCore;
using SafeHarbor.Documents;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.CaseDocuments;

/// <summary>
/// Runs queued jobs for <see cref="PdfWorker"/>: takes the oldest pending job (a conditional update,
/// so two workers never take the same one), converts its DOCX and stores the PDF with its SHA-256.
/// Any failure ends the job Failed with a Chinese message; nothing escapes to the host.
/// </summary>
public sealed class PdfJobProcessor(SafeHarborDb db, PdfStore store, IDocxToPdf converter, WriteLock writeLock, TimeProvider time, ILogger<PdfJobProcessor> log)
{
    private const int MaxErrorLength = 2000;

    /// <summary>Puts jobs left running when a worker stopped (a crash, a restart) back in the queue.</summary>
    public async Task<int> ResetInterruptedAsync(CancellationToken ct)
    {
        // Read first: most starts find nothing and need not take SQLite's write lock.
        if (!await db.Set<DocumentJob>().AnyAsync(j => j.Status == DocumentJobStatus.Running, ct))
        {
            return 0;
        }
        using (await writeLock.AcquireAsync(ct))
        {
            return await db.Set<DocumentJob>().Where(j => j.Status == DocumentJobStatus.Running).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, DocumentJobStatus.Pending)
                .SetProperty(j => j.StartedAt, (DateTimeOffset?)null), ct);
        }
    }

    /// <summary>Runs the oldest pending job; false when there was none.</summary>
    public async Task<bool> RunNextAsync(CancellationToken ct)
    {
        var next = await db.Set<DocumentJob>().AsNoTracking()
            .Where(j => j.Status == DocumentJobStatus.Pending)
            .OrderBy(j => j.RequestedAt)
            .Select(j => (Guid?)j.Id)
            .FirstOrDefaultAsync(ct);
        if (next is not { } id)
        {
            return false;
        }
        var started = time.GetUtcNow().ToUniversalTime();
        int taken;
        using (await writeLock.AcquireAsync(ct))
        {
            taken = await db.Set<DocumentJob>().Where(j => j.Id == id && j.Status == DocumentJobStatus.Pending).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, DocumentJobStatus.Running)
                .SetProperty(j => j.StartedAt, started)
                .SetProperty(j => j.FinishedAt, (DateTimeOffset?)null)
                .SetProperty(j => j.Error, (string?)null)
                .SetProperty(j => j.Attempts, j => j.Attempts + 1), ct);
        }
        if (taken == 1)
        {
            await ConvertAsync(id, ct);
        }
        return true;
    }

    private async Task ConvertAsync(Guid id, CancellationToken ct)
    {
        try
        {
            var docx = await store.ReadDocxAsync(id, ct)
                ?? throw new PdfJobException("找不到待转换的 DOCX 文件（可能已被清理），请重新生成 PDF。");
            var pdf = await converter.ConvertAsync(docx, ct);
            if (pdf.Length < 5 || !pdf.AsSpan(0, 5).SequenceEqual("%PDF-"u8))
            {
                throw new PdfJobException("转换结果不是 PDF 文件，请重新生成 PDF 或联系系统管理员。");
            }
            var (sha256, size) = await store.SavePdfAsync(id, pdf, ct);
            await FinishAsync(id, DocumentJobStatus.Done, null, sha256, size);
        }
        catch (Exception) when (ct.IsCancellationRequested)
        {
            // The host is stopping: the job goes back to the queue for the next start.
            using (await writeLock.AcquireAsync(CancellationToken.None))
            {
                await db.Set<DocumentJob>().Where(j => j.Id == id && j.Status == DocumentJobStatus.Running).ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.Status, DocumentJobStatus.Pending)
                    .SetProperty(j => j.StartedAt, (DateTimeOffset?)null), CancellationToken.None);
            }
            throw;
        }
        catch (Exception e)
        {
            log.LogWarning(e, "PDF job {JobId} failed", id);
            await FinishAsync(id, DocumentJobStatus.Failed, FailureMessage(e), null, null);
        }
    }

    /// <summary>What the user reads about a failure: the converter's own Chinese reason, or the error behind a Chinese lead.</summary>
    public static string FailureMessage(Exception e)
    {
        var message = e is PdfUnavailableException or PdfJobException ? e.Message : $"PDF 生成失败：{e.Message}";
        return message.Length <= MaxErrorLength ? message : message[..(MaxErrorLength - 1)] + "…";
    }

    private async Task FinishAsync(Guid id, DocumentJobStatus status, string? error, string? sha256, long? size)
    {
        var finished = time.GetUtcNow().ToUniversalTime();
        using (await writeLock.AcquireAsync(CancellationToken.None))
        {
            await db.Set<DocumentJob>().Where(j => j.Id == id && j.Status == DocumentJobStatus.Running).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, status)
                .SetProperty(j => j.Error, error)
                .SetProperty(j => j.FinishedAt, finished)
                .SetProperty(j => j.PdfSha256, sha256)
                .SetProperty(j => j.PdfSize, size), CancellationToken.None);
        }
    }
}

/// <summary>A job failed for a reason the user can act on; the message is shown as it is.</summary>
public sealed class PdfJobException(string message) : Exception(message);
