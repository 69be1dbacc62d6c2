using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace SafeHarbor.Infrastructure.Telemetry;

/// <summary>
/// OpenTelemetry traces, metrics and logs, exported by OTLP only when an endpoint is configured
/// (<c>OpenTelemetry:OtlpEndpoint</c>, or the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> with the other OTEL_*
/// variables). Without one nothing is collected for export and nothing leaves the server; the meter still exists
/// for <c>dotnet-counters</c>.
/// </summary>
public static class TelemetrySetup
{
    public const string ServiceName = "SafeHarbor";

    /// <summary>The meter every host has (the command runner counts into it).</summary>
    public static IServiceCollection AddSafeHarborMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddSingleton<SafeHarborMetrics>();
        return services;
    }

    /// <summary>The endpoint to export to, or null: export is off.</summary>
    public static string? OtlpEndpoint(IConfiguration configuration) =>
        configuration["OpenTelemetry:OtlpEndpoint"] is { Length: > 0 } own ? own
        : configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] is { Length: > 0 } standard ? standard
        : null;

    public static IServiceCollection AddOpenTelemetryExport(this IServiceCollection services, IConfiguration configuration)
    {
        var endpoint = OtlpEndpoint(configuration);
        if (endpoint is null)
        {
            return services;
        }
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
        {
            throw new InvalidOperationException($"OpenTelemetry 导出地址“{endpoint}”不是完整的 URL（例如 http://otel-collector:4317）。");
        }
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName, serviceVersion: typeof(TelemetrySetup).Assembly.GetName().Version?.ToString()))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                .AddEntityFrameworkCoreInstrumentation())
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Microsoft.EntityFrameworkCore")
                .AddNpgsqlInstrumentation()
                .AddMeter(SafeHarborMetrics.MeterName));
        if (configuration["OpenTelemetry:OtlpEndpoint"] is { Length: > 0 })
        {
            var protocol = configuration["OpenTelemetry:OtlpProtocol"] is "http/protobuf" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
            telemetry.UseOtlpExporter(protocol, uri);
        }
        else
        {
            // The OTEL_EXPORTER_OTLP_* variables (endpoint, protocol, headers) as the specification defines them.
            telemetry.UseOtlpExporter();
        }
        return services;
    }
}
