using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SafeHarbor.Infrastructure.Persistence;

/// <summary>Ready when the database answers and every migration of this version is applied (<c>/health/ready</c>).</summary>
public sealed class DatabaseHealthCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var reason = await DatabaseSetup.NotReadyReasonAsync(scope.ServiceProvider.GetRequiredService<SafeHarborDb>(), cancellationToken);
        return reason is null
            ? HealthCheckResult.Healthy("数据库可以访问，结构是最新的。")
            : new HealthCheckResult(context.Registration.FailureStatus, reason);
    }
}
