using System.Diagnostics.Metrics;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Telemetry;

namespace SafeHarbor.Features.CaseDocuments;

/// <summary>
/// <c>safeharbor.pdf.queue.length</c>: PDF jobs waiting for a worker, read when the metric is collected (one
/// COUNT over the (Status, RequestedAt) index). A hosted service only so the web host makes the instrument at start;
/// a database that does not answer gives no measurement rather than an error in the exporter.
/// </summary>
public sealed class PdfQueueGauge : IHostedService
{
    private readonly IServiceScopeFactory scopes;

    public PdfQueueGauge(SafeHarborMetrics metrics, IServiceScopeFactory scopes)
    {
        this.scopes = scopes;
        metrics.Meter.CreateObservableGauge("safeharbor.pdf.queue.length", Observe, "{job}", "PDF jobs queued (Pending), across all nodes");
    }

    private IEnumerable<Measurement<int>> Observe()
    {
        int queued;
        try
        {
            using var scope = scopes.CreateScope();
            queued = scope.ServiceProvider.GetRequiredService<SafeHarborDb>().Set<DocumentJob>().Count(j => j.Status == DocumentJobStatus.Pending);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            return [];
        }
        return [new Measurement<int>(queued)];
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
