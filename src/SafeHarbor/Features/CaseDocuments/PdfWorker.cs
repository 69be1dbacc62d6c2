namespace SafeHarbor.Features.CaseDocuments;

/// <summary>
/// Makes the queued PDFs, one at a time (LibreOffice takes a core while it converts). It wakes at
/// once when this process queues a job (<see cref="PdfJobSignal"/>) and otherwise looks at the queue
/// every <c>Documents:PdfPollSeconds</c> (default 5), so jobs queued by another node are made too, and so
/// are jobs whose node died (their lease ran out, <see cref="PdfJobProcessor"/>). A failing job ends Failed; a failing
/// database is logged and tried again at the next poll; nothing stops the host.
/// </summary>
public sealed class PdfWorker(IServiceScopeFactory scopes, PdfJobSignal signal, IConfiguration configuration, ILogger<PdfWorker> log) : BackgroundService
{
    public const double DefaultPollSeconds = 5;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting before the first query.
        await Task.Yield();
        var poll = TimeSpan.FromSeconds(configuration.GetValue("Documents:PdfPollSeconds", DefaultPollSeconds) is > 0 and var seconds ? seconds : DefaultPollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            var worked = false;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var processor = scope.ServiceProvider.GetRequiredService<PdfJobProcessor>();
                worked = await processor.RunNextAsync(stoppingToken);
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                log.LogError(e, "The PDF worker could not read or update its queue; it tries again in {Poll}", poll);
            }
            if (worked)
            {
                continue;
            }
            try
            {
                await signal.WaitAsync(poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
