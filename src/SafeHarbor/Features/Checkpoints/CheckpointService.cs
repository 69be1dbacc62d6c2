using SafeHarbor.Audit;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Features.Checkpoints;

/// <summary>
/// Creates the installation's key at the first start when missing, then signs the due chain heads every
/// <see cref="AuditOptions.CheckpointPollSeconds"/>. Every node may run it: checkpoint files are idempotent.
/// </summary>
public sealed class CheckpointService(IServiceScopeFactory scopes, AuditSigningKey key, CheckpointStore store, AuditOptions options, TimeProvider time,
    ILogger<CheckpointService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (key.EnsureExists())
            {
                log.LogWarning("已生成本系统的审计签名密钥 {Path}（SM2，公钥指纹 {Fingerprint}）。请备份该文件并妥善保管，不要放入版本库。",
                    Path.GetFullPath(key.Path), key.Signer.Fingerprint);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            log.LogError("无法读取或生成审计签名密钥 {Path}：{Reason}。不会签名检查点。", Path.GetFullPath(key.Path), e.Message);
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(0.1, options.CheckpointPollSeconds)));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<SafeHarborDb>();
                var outcome = await SignCheckpoints.RunAsync(db, key, store, options, time.GetUtcNow(), force: false, stoppingToken);
                foreach (var refused in outcome.Refused)
                {
                    log.LogError("{Reason}", refused.Reason);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next tick tries again (a database briefly unreachable, a full disk).
                log.LogError(e, "签名审计检查点失败");
            }
        }
    }
}
