using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using SafeHarbor.Documents;
using SafeHarbor.Features.CaseDocuments;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Operations;

/// <summary>
/// The <c>SafeHarbor</c> meter as a collector sees it, read with a <see cref="MeterListener"/> from the running app:
/// every command counted by its use case, refusals by their error code, the PDF queue read from the database.
/// OpenTelemetry exports only when an OTLP endpoint is configured.
/// </summary>
public sealed class MetricsTests
{
    /// <summary>Everything this app's SafeHarbor meter records, summed per instrument and tags.</summary>
    private sealed class Recorded : IDisposable
    {
        private readonly MeterListener listener = new();
        private readonly ConcurrentDictionary<string, long> sums = new();

        public Recorded(IServiceProvider app)
        {
            // Other test apps in this process have a SafeHarbor meter too: only this app's factory's counts.
            var factory = app.GetRequiredService<IMeterFactory>();
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "SafeHarbor" && ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
            listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Add(instrument, value, tags, replace: true));
            listener.Start();
        }

        private void Add(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, bool replace = false)
        {
            var key = instrument.Name + string.Concat(tags.ToArray().OrderBy(t => t.Key).Select(t => $" {t.Key}={t.Value}"));
            sums.AddOrUpdate(key, value, (_, old) => replace ? value : old + value);
        }

        public long this[string key] => sums.GetValueOrDefault(key);

        public void Observe() => listener.RecordObservableInstruments();

        public void Dispose() => listener.Dispose();
    }

    [Theory, AllDatabases]
    public async Task Commands_are_counted_by_use_case_refusals_by_error_code_and_the_pdf_queue_is_read_from_the_database(Db db)
    {
        // The worker looks at the queue once at start and then waits: the jobs added below stay queued.
        await using var app = await TestApp.StartAsync(db, new Dictionary<string, string?> { ["Documents:PdfPollSeconds"] = "3600" });
        using var recorded = new Recorded(app.Services);
        var admin = app.As("sysadmin");

        await admin.PostJsonAsync("/api/admin/units", new { name = "城南分局", type = "Branch", parentId = app.Cast.Units["测试市局"] }).OkAsync();
        await admin.PostJsonAsync("/api/admin/units", new { name = "城北分局", type = "Branch", parentId = app.Cast.Units["测试市局"] }).OkAsync();
        await admin.PostJsonAsync("/api/admin/users", new { userName = "INV", displayName = "重名", password = "Start@2026x" })
            .ProblemAsync(System.Net.HttpStatusCode.BadRequest);

        Assert.Equal(2, recorded["safeharbor.commands command=CreateUnit"]);
        Assert.Equal(1, recorded["safeharbor.commands command=CreateUser"]);
        Assert.Equal(1, recorded["safeharbor.command.failures code=validation-failed command=CreateUser"]);
        Assert.Equal(0, recorded["safeharbor.command.failures code=validation-failed command=CreateUnit"]);

        recorded.Observe();
        Assert.Equal(0, recorded["safeharbor.pdf.queue.length"]);
        await app.WithDbAsync(async d =>
        {
            foreach (var status in new[] { DocumentJobStatus.Pending, DocumentJobStatus.Pending, DocumentJobStatus.Done, DocumentJobStatus.Failed })
            {
                d.Set<DocumentJob>().Add(new DocumentJob
                {
                    Id = Guid.NewGuid(), CaseId = Guid.NewGuid(), Kind = DocumentKind.FeedbackNotice, DocxSha256 = Guid.NewGuid().ToString("N"),
                    FileName = "反馈通知书.pdf", Status = status, RequestedByName = "测试", RequestedAt = app.Clock.GetUtcNow(),
                });
            }
            await d.SaveChangesAsync();
        });
        recorded.Observe();
        Assert.Equal(2, recorded["safeharbor.pdf.queue.length"]);
    }

    [SqliteOnly("whether telemetry is exported is configuration alone")]
    public async Task Traces_and_metrics_go_by_otlp_to_the_configured_endpoint()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var app = await TestApp.StartAsync(Db.Sqlite, new Dictionary<string, string?>
        {
            ["OpenTelemetry:OtlpEndpoint"] = receiver.Address,
            ["OpenTelemetry:OtlpProtocol"] = "http/protobuf",
        });

        await app.As("sysadmin").GetOkAsync("/api/admin/users");
        Assert.True(app.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000));
        Assert.True(app.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000));

        Assert.Contains("/v1/traces", receiver.Received);
        Assert.Contains("/v1/metrics", receiver.Received);
    }

    /// <summary>An OTLP/HTTP collector that keeps the paths of what it is sent.</summary>
    private sealed class OtlpReceiver : IAsyncDisposable
    {
        private readonly WebApplication web;
        private readonly ConcurrentQueue<string> received = new();

        private OtlpReceiver(WebApplication web) => this.web = web;

        public string Address => web.Urls.First();
        public IReadOnlyCollection<string> Received => received.ToArray();

        public static async Task<OtlpReceiver> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var web = builder.Build();
            var receiver = new OtlpReceiver(web);
            web.MapPost("/v1/{signal}", async (HttpContext http) =>
            {
                using var body = new MemoryStream();
                await http.Request.Body.CopyToAsync(body);
                if (body.Length > 0)
                {
                    receiver.received.Enqueue(http.Request.Path);
                }
                return Results.Ok();
            });
            await web.StartAsync();
            return receiver;
        }

        public async ValueTask DisposeAsync() => await web.DisposeAsync();
    }
}
