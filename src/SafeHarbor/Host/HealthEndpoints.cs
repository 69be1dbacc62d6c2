using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SafeHarbor.Features.CaseDocuments;
using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Host;

/// <summary>
/// Probes for a load balancer or an orchestrator, beside <c>/health</c> (the data files): <c>/health/live</c> answers
/// while the process serves requests; <c>/health/ready</c> runs the checks tagged <see cref="Ready"/> (the database
/// reachable and current, LibreOffice present) and answers 503 while any is unhealthy. Both are anonymous and
/// answer JSON with a Chinese reason per check.
/// </summary>
public static class HealthEndpoints
{
    public const string Live = "live";
    public const string Ready = "ready";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IServiceCollection AddSafeHarborHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", HealthStatus.Unhealthy, [Ready])
            .AddCheck<LibreOfficeHealthCheck>("libreoffice", tags: [Ready]);
        return services;
    }

    public static IEndpointRouteBuilder MapProbes(this IEndpointRouteBuilder app)
    {
        // No check is tagged live: answering at all is the answer.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Live), ResponseWriter = WriteAsync })
            .AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync })
            .AllowAnonymous();
        return app;
    }

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        var answer = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return http.Response.WriteAsync(JsonSerializer.Serialize(answer, Json));
    }
}
