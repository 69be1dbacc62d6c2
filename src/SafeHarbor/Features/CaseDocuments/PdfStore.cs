using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Documents;
using SafeHarbor.Features.Verification;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.CaseDocuments;

/// <summary>DOCX → PDF; LibreOffice in production, something else in a test.</summary>
public interface IDocxToPdf
{
    Task<byte[]> ConvertAsync(byte[] docx, CancellationToken ct);
}

/// <summary>LibreOffice headless (<see cref="PdfConverter"/>), found again at each conversion from <c>Documents:LibreOffice</c> or the PATH.</summary>
public sealed class LibreOfficeDocxToPdf(IConfiguration configuration) : IDocxToPdf
{
    public Task<byte[]> ConvertAsync(byte[] docx, CancellationToken ct) =>
        new PdfConverter(configuration["Documents:LibreOffice"]).ConvertAsync(docx, ct);
}

/// <summary>A job failed for a reason the user can act on; the message is shown as it is.</summary>
public sealed class PdfJobException(string message) : Exception(message);

/// <summary>
/// The DOCX of each job and the PDF made from it, as <c>{job id}.docx</c> and <c>{job id}.pdf</c> under
/// <c>Documents:PdfDirectory</c> (default <c>data/documents</c>; a relative path is under the working
/// directory). Files are written whole under a temporary name and then renamed.
/// </summary>
public sealed class PdfStore(IConfiguration configuration)
{
    public const string DefaultDirectory = "data/documents";

    public string RootDirectory => Path.GetFullPath(configuration["Documents:PdfDirectory"] is { Length: > 0 } dir ? dir : DefaultDirectory);

    private string PathOf(Guid jobId, string extension) => Path.Combine(RootDirectory, jobId.ToString("N") + extension);

    public Task SaveDocxAsync(Guid jobId, byte[] docx, CancellationToken ct) => WriteAsync(PathOf(jobId, ".docx"), docx, ct);

    public Task<byte[]?> ReadDocxAsync(Guid jobId, CancellationToken ct) => ReadAsync(PathOf(jobId, ".docx"), ct);

    /// <summary>Stores the PDF and answers its SHA-256 (lower-case hex) and size.</summary>
    public async Task<(string Sha256, long Size)> SavePdfAsync(Guid jobId, byte[] pdf, CancellationToken ct)
    {
        await WriteAsync(PathOf(jobId, ".pdf"), pdf, ct);
        return (Convert.ToHexStringLower(SHA256.HashData(pdf)), pdf.LongLength);
    }

    /// <summary>The stored PDF if it is there and still has the SHA-256 recorded for it; null otherwise.</summary>
    public async Task<byte[]?> ReadPdfCheckedAsync(Guid jobId, string? sha256, CancellationToken ct)
    {
        var pdf = await ReadAsync(PathOf(jobId, ".pdf"), ct);
        return pdf is not null && sha256 is not null && Convert.ToHexStringLower(SHA256.HashData(pdf)) == sha256 ? pdf : null;
    }

    public void Delete(Guid jobId)
    {
        foreach (var extension in new[] { ".docx", ".pdf" })
        {
            File.Delete(PathOf(jobId, extension));
        }
    }

    private static async Task WriteAsync(string path, byte[] content, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await File.WriteAllBytesAsync(temporary, content, ct);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static async Task<byte[]?> ReadAsync(string path, CancellationToken ct)
    {
        try
        {
            return await File.ReadAllBytesAsync(path, ct);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }
}

/// <summary>Wakes the worker when a job is queued in this process; jobs queued elsewhere are found by polling.</summary>
public sealed class PdfJobSignal
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Notify()
    {
        try
        {
            signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: the worker looks at the whole queue when it wakes.
        }
    }

    /// <summary>True when signalled, false when the time ran out.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => signal.WaitAsync(timeout, ct);
}

/// <summary>A PDF job as the API and the case page show it.</summary>
public sealed record PdfJobView(
    Guid JobId,
    DocumentJobStatus Status,
    string StatusName,
    Guid CaseId,
    string Kind,
    string KindName,
    int Instance,
    string? DocumentNumber,
    string FileName,
    string DocxSha256,
    string? Error,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    int Attempts,
    string? PdfSha256,
    long? PdfSize,
    string StatusUrl,
    string? PdfUrl)
{
    public bool InProgress => Status is DocumentJobStatus.Pending or DocumentJobStatus.Running;

    public static PdfJobView Of(DocumentJob j) => new(
        j.Id, j.Status, j.Status.Chinese(), j.CaseId, j.Kind.Slug(), j.Kind.Chinese(), j.Instance, j.DocumentNumber, j.FileName, j.DocxSha256,
        j.Error, j.RequestedByName, j.RequestedAt, j.StartedAt, j.FinishedAt, j.Attempts, j.PdfSha256, j.PdfSize,
        $"/api/document-jobs/{j.Id}", j.Status == DocumentJobStatus.Done ? $"/api/document-jobs/{j.Id}/pdf" : null);
}

/// <summary>
/// Asks for PDFs and hands them out. Asking renders the DOCX at once (issuing its number as the DOCX
/// download does), then finds the job for that DOCX — done, queued or running — or queues a new one;
/// a failed job, or a done one whose file is gone, is queued again. Only users who may see the case
/// reach its jobs; to everyone else they do not exist.
/// </summary>
public sealed class PdfJobService(SafeHarborDb db, CaseDocumentService documents, PdfStore store, PdfJobSignal signal, WriteLock writeLock, TimeProvider time)
{
    /// <summary>Documents a case can have several of; the others have instance 0.</summary>
    public static bool IsPerInstance(DocumentKind kind) => kind is DocumentKind.GuidanceRequest or DocumentKind.SupplementNotice;

    public async Task<PdfJobView> RequestAsync(Guid caseId, string kind, int? instance, Actor actor, CancellationToken ct)
    {
        var rendered = await DocumentsApi.RenderAsync(caseId, kind, instance, actor, db, documents, ct);
        // The instance the DOCX is, as the document number is issued for it: the latest one by default.
        var index = instance ?? Math.Max(0, await InstancesAsync(caseId, rendered.Kind, ct) - 1);
        var hash = DocxContentHash.Of(rendered.Content);
        var requeue = false;
        DocumentJob? job;
        using (await writeLock.AcquireAsync(ct))
        {
            db.ChangeTracker.Clear();
            job = await FindAsync(caseId, rendered.Kind, index, hash, ct);
            if (job is null)
            {
                job = new DocumentJob
                {
                    Id = Guid.NewGuid(), CaseId = caseId, Kind = rendered.Kind, Instance = index, DocxSha256 = hash,
                    DocumentNumber = rendered.Number, FileName = Path.ChangeExtension(rendered.FileName, ".pdf"),
                    Status = DocumentJobStatus.Pending, RequestedById = RequesterId(actor), RequestedByName = actor.DisplayName,
                    RequestedAt = time.GetUtcNow().ToUniversalTime(),
                };
                await store.SaveDocxAsync(job.Id, rendered.Content, ct);
                db.Add(job);
                try
                {
                    await db.SaveChangesAsync(ct);
                    requeue = true;
                }
                catch (DbUpdateException)
                {
                    // Another process queued the same DOCX a moment ago: that job is the one.
                    store.Delete(job.Id);
                    db.ChangeTracker.Clear();
                    job = await FindAsync(caseId, rendered.Kind, index, hash, ct);
                    if (job is null)
                    {
                        throw;
                    }
                }
            }
            else if (job.Status == DocumentJobStatus.Failed
                     || (job.Status == DocumentJobStatus.Done && await store.ReadPdfCheckedAsync(job.Id, job.PdfSha256, ct) is null))
            {
                await store.SaveDocxAsync(job.Id, rendered.Content, ct);
                var was = job.Status;
                var now = time.GetUtcNow().ToUniversalTime();
                var requester = RequesterId(actor);
                // Only from the state read: a worker elsewhere that took the job meanwhile keeps it.
                await db.Set<DocumentJob>().Where(j => j.Id == job.Id && j.Status == was).ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.Status, DocumentJobStatus.Pending)
                    .SetProperty(j => j.Error, (string?)null)
                    .SetProperty(j => j.StartedAt, (DateTimeOffset?)null)
                    .SetProperty(j => j.FinishedAt, (DateTimeOffset?)null)
                    .SetProperty(j => j.PdfSha256, (string?)null)
                    .SetProperty(j => j.PdfSize, (long?)null)
                    .SetProperty(j => j.RequestedAt, now)
                    .SetProperty(j => j.RequestedById, requester)
                    .SetProperty(j => j.RequestedByName, actor.DisplayName), ct);
                db.ChangeTracker.Clear();
                job = await db.Set<DocumentJob>().AsNoTracking().SingleAsync(j => j.Id == job.Id, ct);
                requeue = true;
            }
        }
        if (requeue)
        {
            signal.Notify();
        }
        return PdfJobView.Of(job);
    }

    public async Task<PdfJobView> GetAsync(Guid jobId, Actor actor, CancellationToken ct) => PdfJobView.Of(await LoadVisibleAsync(jobId, actor, ct));

    /// <summary>The PDF of a done job, checked against its SHA-256; 409 while it is not ready.</summary>
    public async Task<(PdfJobView Job, byte[] Pdf)> OpenPdfAsync(Guid jobId, Actor actor, CancellationToken ct)
    {
        var job = await LoadVisibleAsync(jobId, actor, ct);
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

    /// <summary>The latest job of each document of a case the caller has already been allowed to see.</summary>
    public async Task<IReadOnlyDictionary<(DocumentKind Kind, int Instance), PdfJobView>> LatestForCaseAsync(Guid caseId, CancellationToken ct)
    {
        var jobs = await db.Set<DocumentJob>().AsNoTracking().Where(j => j.CaseId == caseId).ToListAsync(ct);
        return jobs.GroupBy(j => (j.Kind, j.Instance))
            .ToDictionary(g => g.Key, g => PdfJobView.Of(g.OrderByDescending(j => j.RequestedAt).ThenByDescending(j => j.FinishedAt).First()));
    }

    private async Task<DocumentJob> LoadVisibleAsync(Guid jobId, Actor actor, CancellationToken ct)
    {
        var job = await db.Set<DocumentJob>().AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, ct);
        var c = job is null ? null : await db.Cases.AsNoTracking().Where(CaseAccess.VisibleTo(actor)).SingleOrDefaultAsync(c => c.Id == job.CaseId, ct);
        if (job is null || c is null)
        {
            throw DomainException.NotFound("document-job-not-found", "找不到该 PDF 生成任务，或您无权查看。");
        }
        actor.EnsureShows(c, CaseDisclosure.SectionOf(job.Kind));
        return job;
    }

    private Task<DocumentJob?> FindAsync(Guid caseId, DocumentKind kind, int instance, string hash, CancellationToken ct) =>
        db.Set<DocumentJob>().AsNoTracking().SingleOrDefaultAsync(j => j.CaseId == caseId && j.Kind == kind && j.Instance == instance && j.DocxSha256 == hash, ct);

    private async Task<int> InstancesAsync(Guid caseId, DocumentKind kind, CancellationToken ct) => kind switch
    {
        DocumentKind.GuidanceRequest => await db.Set<GuidanceRequest>().CountAsync(g => g.CaseId == caseId, ct),
        DocumentKind.SupplementNotice => await db.Set<SupplementRequest>().CountAsync(s => s.CaseId == caseId, ct),
        _ => 1,
    };

    private static Guid? RequesterId(Actor actor) => actor.UserId == Guid.Empty ? null : actor.UserId;
}

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

/// <summary>What the case page shows for the PDF of one document (the partial <c>_PdfJob</c>).</summary>
public sealed record PdfSlot(Guid CaseId, DocumentKind Kind, int Instance, PdfJobView? Job, string? Refusal = null)
{
    /// <summary>The slot of a job's document, showing the job.</summary>
    public static PdfSlot Of(PdfJobView job) =>
        new(job.CaseId, DocumentKinds.TryParse(job.Kind, out var kind) ? kind : throw new InvalidOperationException($"unknown kind {job.Kind}"), job.Instance, job);

    public string Slug => Kind.Slug();

    /// <summary>The HTML id of the slot, which htmx replaces.</summary>
    public string ElementId => $"pdf-{Slug}-{Instance}";

    /// <summary>The page handler that asks for the PDF; the instance only for documents a case has several of.</summary>
    public string RequestUrl => $"/Cases/{CaseId}?handler=Pdf&kind={Slug}" + (PdfJobService.IsPerInstance(Kind) ? $"&instance={Instance}" : "");

    public string? PollUrl => Job is { InProgress: true } j ? $"/Cases/{CaseId}?handler=PdfJob&jobId={j.JobId}" : null;

    public string? DownloadUrl => Job is { Status: DocumentJobStatus.Done } j ? $"/Cases/{CaseId}?handler=PdfFile&jobId={j.JobId}" : null;
}

public static class PdfJobsSetup
{
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

    /// <summary>The background worker that makes the PDFs; only for the web host.</summary>
    public static IServiceCollection AddPdfWorker(this IServiceCollection services) => services.AddHostedService<PdfWorker>();
}
