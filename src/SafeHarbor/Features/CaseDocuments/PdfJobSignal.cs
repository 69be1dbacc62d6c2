namespace SafeHarbor.Features.CaseDocuments;

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
