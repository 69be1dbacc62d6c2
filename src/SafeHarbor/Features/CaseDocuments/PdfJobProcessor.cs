using Microsoft.EntityFrameworkCore;
using SafeHarbor.Documents;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Storage;

namespace SafeHarbor.Features.CaseDocuments;

/// <summary>
/// Runs queued jobs for <see cref="PdfWorker"/>, on any number of nodes sharing one database: claims the
/// oldest job that is queued or whose owner's lease ran out, in one conditional update that also checks
/// the attempt count it read (so of two nodes only one ever claims it), renews the lease every third of its
/// length while LibreOffice converts, and records the PDF only while it still owns the job. A node that
/// loses its lease (it stalled past it) stops converting and leaves the job to the new owner. Any failure
/// ends the job Failed with a Chinese message; nothing escapes to the host.
/// </summary>
public sealed class PdfJobProcessor(
    SafeHarborDb db, PdfStore store, IDocxToPdf converter, WriteLock writeLock, TimeProvider time, NodeIdentity node,
    IServiceScopeFactory scopes, IConfiguration configuration, ILogger<PdfJobProcessor> log)
{
    private const int MaxErrorLength = 2000;

    public const double DefaultLeaseSeconds = 120;

    /// <summary><c>Documents:PdfLeaseSeconds</c>: how long a claimed job stays with its node without a renewal.</summary>
    public TimeSpan Lease => TimeSpan.FromSeconds(configuration.GetValue("Documents:PdfLeaseSeconds", DefaultLeaseSeconds) is > 0 and var s ? s : DefaultLeaseSeconds);

    /// <summary>Runs the oldest job that is queued, or running on a node whose lease ran out; false when there was none.</summary>
    public async Task<bool> RunNextAsync(CancellationToken ct)
    {
        var now = Now();
        var next = await db.Set<DocumentJob>().AsNoTracking()
            .Where(j => j.Status == DocumentJobStatus.Pending
                        || (j.Status == DocumentJobStatus.Running && (j.LeaseUntil == null || j.LeaseUntil < now)))
            .OrderBy(j => j.RequestedAt)
            .Select(j => new { j.Id, j.Status, j.Attempts, j.Owner })
            .FirstOrDefaultAsync(ct);
        if (next is null)
        {
            return false;
        }
        if (await ClaimAsync(next.Id, next.Attempts, ct))
        {
            if (next.Status == DocumentJobStatus.Running)
            {
                log.LogWarning("PDF job {JobId} taken over from {Owner}, whose lease ran out", next.Id, next.Owner);
            }
            await ConvertAsync(next.Id, ct);
        }
        return true;
    }

    /// <summary>
    /// One UPDATE … WHERE (queued, or running with its lease run out) AND the attempts are those read: the
    /// database lets one of two concurrent claims change the row, and the other changes nothing.
    /// </summary>
    internal async Task<bool> ClaimAsync(Guid id, int attemptsSeen, CancellationToken ct)
    {
        var now = Now();
        var until = now + Lease;
        var owner = node.Name;
        using (await writeLock.AcquireAsync(ct))
        {
            return await db.Set<DocumentJob>()
                .Where(j => j.Id == id && j.Attempts == attemptsSeen
                            && (j.Status == DocumentJobStatus.Pending
                                || (j.Status == DocumentJobStatus.Running && (j.LeaseUntil == null || j.LeaseUntil < now))))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.Status, DocumentJobStatus.Running)
                    .SetProperty(j => j.Owner, owner)
                    .SetProperty(j => j.LeaseUntil, until)
                    .SetProperty(j => j.StartedAt, now)
                    .SetProperty(j => j.FinishedAt, (DateTimeOffset?)null)
                    .SetProperty(j => j.Error, (string?)null)
                    .SetProperty(j => j.Attempts, j => j.Attempts + 1), ct) == 1;
        }
    }

    /// <summary>Moves this node's lease on; false when the job is no longer this node's (taken over, or reset).</summary>
    internal async Task<bool> RenewAsync(Guid id, CancellationToken ct)
    {
        var until = Now() + Lease;
        var owner = node.Name;
        await using var scope = scopes.CreateAsyncScope();
        var own = scope.ServiceProvider.GetRequiredService<SafeHarborDb>();
        using (await writeLock.AcquireAsync(ct))
        {
            return await own.Set<DocumentJob>().Where(j => j.Id == id && j.Status == DocumentJobStatus.Running && j.Owner == owner)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseUntil, until), ct) == 1;
        }
    }

    private async Task ConvertAsync(Guid id, CancellationToken ct)
    {
        using var lost = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var converted = new CancellationTokenSource();
        var renewals = RenewWhileConvertingAsync(id, lost, converted.Token);
        try
        {
            var docx = await store.ReadDocxAsync(id, lost.Token)
                ?? throw new PdfJobException("找不到待转换的 DOCX 文件（可能已被清理），请重新生成 PDF。");
            var pdf = await converter.ConvertAsync(docx, lost.Token);
            if (pdf.Length < 5 || !pdf.AsSpan(0, 5).SequenceEqual("%PDF-"u8))
            {
                throw new PdfJobException("转换结果不是 PDF 文件，请重新生成 PDF 或联系系统管理员。");
            }
            var (sha256, size) = await store.SavePdfAsync(id, pdf, lost.Token);
            await FinishAsync(id, DocumentJobStatus.Done, null, sha256, size);
        }
        catch (Exception) when (ct.IsCancellationRequested)
        {
            // The host is stopping: the job goes back to the queue at once rather than when the lease runs out.
            await ReleaseAsync(id);
            throw;
        }
        catch (Exception) when (lost.IsCancellationRequested)
        {
            log.LogWarning("PDF job {JobId} is no longer this node's ({Node}): its lease was taken over; the conversion was abandoned", id, node.Name);
        }
        catch (Exception e)
        {
            log.LogWarning(e, "PDF job {JobId} failed", id);
            await FinishAsync(id, DocumentJobStatus.Failed, FailureMessage(e), null, null);
        }
        finally
        {
            await converted.CancelAsync();
            await renewals;
        }
    }

    /// <summary>Renews every third of the lease until the conversion ends; cancels it when the job is no longer this node's.</summary>
    private async Task RenewWhileConvertingAsync(Guid id, CancellationTokenSource lost, CancellationToken converted)
    {
        var every = Lease / 3;
        while (!converted.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, time, converted);
                if (!await RenewAsync(id, converted))
                {
                    await lost.CancelAsync();
                    return;
                }
            }
            catch (OperationCanceledException) when (converted.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A database hiccup: try again at the next third; the lease still has two thirds to run.
                log.LogWarning(e, "The lease of PDF job {JobId} could not be renewed", id);
            }
        }
    }

    private async Task ReleaseAsync(Guid id)
    {
        var owner = node.Name;
        await using var scope = scopes.CreateAsyncScope();
        var own = scope.ServiceProvider.GetRequiredService<SafeHarborDb>();
        using (await writeLock.AcquireAsync(CancellationToken.None))
        {
            await own.Set<DocumentJob>().Where(j => j.Id == id && j.Status == DocumentJobStatus.Running && j.Owner == owner).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, DocumentJobStatus.Pending)
                .SetProperty(j => j.Owner, (string?)null)
                .SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(j => j.StartedAt, (DateTimeOffset?)null), CancellationToken.None);
        }
    }

    private DateTimeOffset Now() => time.GetUtcNow().ToUniversalTime();

    /// <summary>What the user reads about a failure: the converter's own Chinese reason, or the error behind a Chinese lead.</summary>
    public static string FailureMessage(Exception e)
    {
        var message = e is PdfUnavailableException or PdfJobException ? e.Message : $"PDF 生成失败：{e.Message}";
        return message.Length <= MaxErrorLength ? message : message[..(MaxErrorLength - 1)] + "…";
    }

    /// <summary>Records the outcome only while the job is still this node's: a node that lost it records nothing.</summary>
    private async Task FinishAsync(Guid id, DocumentJobStatus status, string? error, string? sha256, long? size)
    {
        var finished = Now();
        var owner = node.Name;
        int recorded;
        using (await writeLock.AcquireAsync(CancellationToken.None))
        {
            recorded = await db.Set<DocumentJob>().Where(j => j.Id == id && j.Status == DocumentJobStatus.Running && j.Owner == owner).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, status)
                .SetProperty(j => j.Error, error)
                .SetProperty(j => j.FinishedAt, finished)
                .SetProperty(j => j.PdfSha256, sha256)
                .SetProperty(j => j.PdfSize, size)
                .SetProperty(j => j.Owner, (string?)null)
                .SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null), CancellationToken.None);
        }
        if (recorded == 0)
        {
            log.LogWarning("PDF job {JobId} was taken over before {Node} finished it; its result was not recorded", id, node.Name);
        }
    }
}

/// <summary>A job failed for a reason the user can act on; the message is shown as it is.</summary>
public sealed class PdfJobException(string message) : Exception(message);
