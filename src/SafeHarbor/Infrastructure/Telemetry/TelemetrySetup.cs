using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace SafeHarbor.Infrastructure.Telemetry;

/// <summary>
/// OpenTelemetry traces (ASP.NET Core, EF Core) and metrics (ASP.NET Core, EF Core, Npgsql, .NET runtime, the
/// <c>SafeHarbor</c> meter), exported by OTLP only when an endpoint is configured: <c>OpenTelemetry:OtlpEndpoint</c>
/// (with <c>OpenTelemetry:OtlpProtocol</c> grpc or http/protobuf), or the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>,
/// <c>OTEL_EXPORTER_OTLP_PROTOCOL</c> and <c>OTEL_EXPORTER_OTLP_HEADERS</c>. Without one, no span is sampled, no metric
/// is collected and nothing leaves the server; the meter still serves <c>dotnet-counters</c>. The endpoint is read
/// when the providers are built, like the database settings, so a host that adds configuration late is honoured.
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

    public static IServiceCollection AddSafeHarborTelemetry(this IServiceCollection services)
    {
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName, serviceVersion: typeof(TelemetrySetup).Assembly.GetName().Version?.ToString()))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                .AddEntityFrameworkCoreInstrumentation()
                .Deferred((sp, builder) =>
                {
                    if (ExporterOptions(sp.GetRequiredService<IConfiguration>(), "traces") is { } options)
                    {
                        builder.AddProcessor(new BatchActivityExportProcessor(new OtlpTraceExporter(options)));
                    }
                    else
                    {
                        builder.SetSampler(new AlwaysOffSampler());
                    }
                }))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Microsoft.EntityFrameworkCore")
                .AddNpgsqlInstrumentation()
                .AddMeter(SafeHarborMetrics.MeterName)
                .Deferred((sp, builder) =>
                {
                    if (ExporterOptions(sp.GetRequiredService<IConfiguration>(), "metrics") is { } options)
                    {
                        builder.AddReader(new PeriodicExportingMetricReader(new OtlpMetricExporter(options)));
                    }
                }));
        return services;
    }

    private static TracerProviderBuilder Deferred(this TracerProviderBuilder builder, Action<IServiceProvider, TracerProviderBuilder> configure) =>
        ((IDeferredTracerProviderBuilder)builder).Configure(configure);

    private static MeterProviderBuilder Deferred(this MeterProviderBuilder builder, Action<IServiceProvider, MeterProviderBuilder> configure) =>
        ((IDeferredMeterProviderBuilder)builder).Configure(configure);

    /// <summary>The endpoint to export to, or null: export is off.</summary>
    public static string? OtlpEndpoint(IConfiguration configuration) =>
        configuration["OpenTelemetry:OtlpEndpoint"] is { Length: > 0 } own ? own
        : configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] is { Length: > 0 } standard ? standard
        : null;

    private static OtlpExporterOptions? ExporterOptions(IConfiguration configuration, string signal)
    {
        if (OtlpEndpoint(configuration) is not { } endpoint)
        {
            return null;
        }
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
        {
            throw new InvalidOperationException($"OpenTelemetry 导出地址“{endpoint}”不是完整的 URL（例如 http://otel-collector:4317）。");
        }
        var protocol = (configuration["OpenTelemetry:OtlpEndpoint"] is { Length: > 0 } ? configuration["OpenTelemetry:OtlpProtocol"] : configuration["OTEL_EXPORTER_OTLP_PROTOCOL"])
            is "http/protobuf" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        var options = new OtlpExporterOptions { Protocol = protocol };
        // Over HTTP each signal has its own path under the base address (the specification's rule for the base endpoint).
        options.Endpoint = protocol == OtlpExportProtocol.HttpProtobuf ? new Uri(uri, uri.AbsolutePath.TrimEnd('/') + "/v1/" + signal) : uri;
        if (configuration["OTEL_EXPORTER_OTLP_HEADERS"] is { Length: > 0 } headers)
        {
            options.Headers = headers;
        }
        return options;
    }
}
