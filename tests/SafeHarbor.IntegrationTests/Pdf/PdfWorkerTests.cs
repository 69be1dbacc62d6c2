using System.Diagnostics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SafeHarbor.Documents;
using SafeHarbor.Features.CaseDocuments;
using SafeHarbor.Host;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Web;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Pdf;

/// <summary>
/// The queue and the worker without a web host or LibreOffice: a converter that answers according
/// to the DOCX it is given, jobs put straight into the table as another process would.
/// </summary>
public sealed class PdfWorkerTests
{
    [Theory, AllDatabases]
    public async Task A_job_whose_conversion_throws_ends_failed_with_the_message_and_the_next_job_is_still_made(Db db)
    {
        await using var queue = await Queue.StartAsync(db);
        var bad = await queue.AddAsync("throw");
        var unavailable = await queue.AddAsync("unavailable");
        var notPdf = await queue.AddAsync("not-a-pdf");
        var noDocx = await queue.AddAsync("gone", deleteDocx: true);
        var good = await queue.AddAsync("good");

        await using (var scope = queue.Services.CreateAsyncScope())
        {
            var processor = scope.ServiceProvider.GetRequiredService<PdfJobProcessor>();
            for (var i = 0; i < 5; i++)
            {
                Assert.True(await processor.RunNextAsync(CancellationToken.None));
            }
            Assert.False(await processor.RunNextAsync(CancellationToken.None));
        }

        var jobs = await queue.JobsAsync();
        Assert.Equal(DocumentJobStatus.Failed, jobs[bad].Status);
        Assert.Equal($"PDF 生成失败：{FakeConverter.Boom}", jobs[bad].Error);
        Assert.Equal(DocumentJobStatus.Failed, jobs[unavailable].Status);
        Assert.Equal(FakeConverter.NotInstalled, jobs[unavailable].Error);
        Assert.Equal(DocumentJobStatus.Failed, jobs[notPdf].Status);
        Assert.Equal("转换结果不是 PDF 文件，请重新生成 PDF 或联系系统管理员。", jobs[notPdf].Error);
        Assert.Equal(DocumentJobStatus.Failed, jobs[noDocx].Status);
        Assert.Contains("找不到待转换的 DOCX 文件", jobs[noDocx].Error);
        foreach (var failed in new[] { bad, unavailable, notPdf, noDocx })
        {
            Assert.Null(jobs[failed].PdfSha256);
            Assert.NotNull(jobs[failed].FinishedAt);
            Assert.Equal(1, jobs[failed].Attempts);
        }
        Assert.Equal(DocumentJobStatus.Done, jobs[good].Status);
        Assert.Null(jobs[good].Error);
        var stored = (await queue.Services.GetRequiredService<PdfStore>().ReadPdfCheckedAsync(good, jobs[good].PdfSha256, CancellationToken.None))!;
        Assert.Equal(FakeConverter.PdfOf("good"), stored);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stored)), jobs[good].PdfSha256);
    }

    [Theory, AllDatabases]
    public async Task The_worker_takes_over_jobs_left_running_without_a_lease_survives_bad_jobs_wakes_on_a_signal_and_finds_jobs_of_other_processes_by_polling(Db db)
    {
        await using var queue = await Queue.StartAsync(db);
        var leftRunning = await queue.AddAsync("good", status: DocumentJobStatus.Running);
        var bad = await queue.AddAsync("throw");
        var good = await queue.AddAsync("good");
        var worker = ActivatorUtilities.CreateInstance<PdfWorker>(queue.Services, NullLogger<PdfWorker>.Instance);

        await worker.StartAsync(CancellationToken.None);
        try
        {
            await queue.WaitUntilAsync(jobs => jobs.Count == 3 && jobs.Values.All(j => j.Status is DocumentJobStatus.Done or DocumentJobStatus.Failed));
            var jobs = await queue.JobsAsync();
            Assert.Equal(DocumentJobStatus.Done, jobs[leftRunning].Status);
            Assert.Equal(1, jobs[leftRunning].Attempts);
            Assert.Equal(DocumentJobStatus.Failed, jobs[bad].Status);
            Assert.Equal($"PDF 生成失败：{FakeConverter.Boom}", jobs[bad].Error);
            Assert.Equal(DocumentJobStatus.Done, jobs[good].Status);

            // Queued here: the signal wakes the worker.
            var signalled = await queue.AddAsync("good");
            queue.Services.GetRequiredService<PdfJobSignal>().Notify();
            // Queued by another process (no signal here): the worker finds it when it polls.
            var polled = await queue.AddAsync("good");
            await queue.WaitUntilAsync(all => all[signalled].Status == DocumentJobStatus.Done && all[polled].Status == DocumentJobStatus.Done);
            Assert.Null(worker.ExecuteTask!.Exception);
            Assert.False(worker.ExecuteTask.IsCompleted, "the worker stopped after a bad job");
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }
    }

    [Theory, AllDatabases]
    public async Task A_running_job_is_left_to_its_node_until_the_lease_runs_out_and_then_taken_over(Db db)
    {
        await using var queue = await Queue.StartAsync(db);
        var held = await queue.AddAsync("good", DocumentJobStatus.Running, owner: "node-gone", leaseUntil: DateTimeOffset.UtcNow.AddMinutes(10));

        await using (var scope = queue.Services.CreateAsyncScope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<PdfJobProcessor>().RunNextAsync(CancellationToken.None));
        }
        Assert.Equal("node-gone", (await queue.JobsAsync())[held].Owner);

        await queue.SetLeaseAsync(held, DateTimeOffset.UtcNow.AddSeconds(-1));
        await using (var scope = queue.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<PdfJobProcessor>().RunNextAsync(CancellationToken.None));
        }

        var job = (await queue.JobsAsync())[held];
        Assert.Equal(DocumentJobStatus.Done, job.Status);
        Assert.Equal(1, job.Attempts);
        Assert.Null(job.Owner);
        Assert.Null(job.LeaseUntil);
    }

    [Theory, AllDatabases]
    public async Task Of_two_nodes_claiming_one_job_at_once_exactly_one_gets_it(Db db)
    {
        await using var a = await Queue.StartAsync(db, node: "node-a");
        await using var b = a.OtherNode(db, "node-b");
        for (var round = 0; round < 5; round++)
        {
            var id = await a.AddAsync("good");
            await using var scopeA = a.Services.CreateAsyncScope();
            await using var scopeB = b.Services.CreateAsyncScope();
            var claims = await Task.WhenAll(
                Task.Run(() => scopeA.ServiceProvider.GetRequiredService<PdfJobProcessor>().ClaimAsync(id, 0, CancellationToken.None)),
                Task.Run(() => scopeB.ServiceProvider.GetRequiredService<PdfJobProcessor>().ClaimAsync(id, 0, CancellationToken.None)));

            Assert.Equal(1, claims.Count(c => c));
            var job = (await a.JobsAsync())[id];
            Assert.Equal(DocumentJobStatus.Running, job.Status);
            Assert.Equal(claims[0] ? "node-a" : "node-b", job.Owner);
            Assert.Equal(1, job.Attempts);
        }
    }

    [Theory, AllDatabases]
    public async Task A_job_stays_with_its_node_while_it_converts_because_the_lease_is_renewed(Db db)
    {
        var converter = new HeldConverter();
        await using var a = await Queue.StartAsync(db, node: "node-a", leaseSeconds: 0.6, converter: converter);
        await using var b = a.OtherNode(db, "node-b", leaseSeconds: 0.6);
        var id = await a.AddAsync("good");
        await using var scopeA = a.Services.CreateAsyncScope();
        var running = scopeA.ServiceProvider.GetRequiredService<PdfJobProcessor>().RunNextAsync(CancellationToken.None);
        await converter.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // Three lease lengths later the job is still node A's: B finds nothing to take.
        await Task.Delay(TimeSpan.FromSeconds(1.8));
        await using (var scopeB = b.Services.CreateAsyncScope())
        {
            Assert.False(await scopeB.ServiceProvider.GetRequiredService<PdfJobProcessor>().RunNextAsync(CancellationToken.None));
        }
        Assert.Equal("node-a", (await a.JobsAsync())[id].Owner);

        converter.Release();
        Assert.True(await running);
        var job = (await a.JobsAsync())[id];
        Assert.Equal(DocumentJobStatus.Done, job.Status);
        Assert.Equal(1, job.Attempts);
        Assert.Equal(1, converter.Finished);
    }

    [Theory, AllDatabases]
    public async Task A_node_that_lost_its_job_stops_converting_and_records_nothing(Db db)
    {
        var converter = new HeldConverter();
        await using var a = await Queue.StartAsync(db, node: "node-a", leaseSeconds: 0.6, converter: converter);
        var id = await a.AddAsync("good");
        await using var scopeA = a.Services.CreateAsyncScope();
        var running = scopeA.ServiceProvider.GetRequiredService<PdfJobProcessor>().RunNextAsync(CancellationToken.None);
        await converter.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // As if A had stalled past its lease and node B had taken the job over.
        await a.SetLeaseAsync(id, DateTimeOffset.UtcNow.AddMinutes(10), owner: "node-b");

        Assert.True(await running.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(converter.Cancelled);
        var job = (await a.JobsAsync())[id];
        Assert.Equal(DocumentJobStatus.Running, job.Status);
        Assert.Equal("node-b", job.Owner);
        Assert.Null(job.PdfSha256);
        Assert.Equal(0, converter.Finished);
    }

    [NoDatabase("hashes two renderings in memory")]
    public void The_docx_hash_is_the_same_for_two_renderings_of_one_document_and_differs_when_the_text_does()
    {
        var document = new OfficialDocument("结果反馈通知书", DocumentLayout.Document, "中共测试市市场监督管理局党组", DocumentNumber.Create("测市监容反", 2026, 1),
            "关于容错免责申请认定结果的通知", "何执法：", [new Paragraph("经局党组集体研究，认定对你予以容错免责。")], "中共测试市市场监督管理局党组", new DateOnly(2026, 9, 21), null);
        var fonts = DocumentFonts.Choose(new HashSet<string>());
        var first = Gbt9704Writer.Write(document, fonts, "测试局");
        var second = Gbt9704Writer.Write(document, fonts, "测试局");
        var other = Gbt9704Writer.Write(document with { Body = [new Paragraph("经局党组集体研究，认定对你从轻处理。")] }, fonts, "测试局");
        var renumbered = Gbt9704Writer.Write(document with { Number = DocumentNumber.Create("测市监容反", 2026, 2) }, fonts, "测试局");

        Assert.NotEqual(first, second); // the writer stamps the time and random part ids into each file
        Assert.Equal(DocxContentHash.Of(first), DocxContentHash.Of(second));
        Assert.NotEqual(DocxContentHash.Of(first), DocxContentHash.Of(other));
        Assert.NotEqual(DocxContentHash.Of(first), DocxContentHash.Of(renumbered));
        Assert.Matches("^[0-9a-f]{64}$", DocxContentHash.Of(first));
    }

    /// <summary>Answers according to the DOCX text: "throw", "unavailable", "not-a-pdf", or a small PDF.</summary>
    /// <summary>Converts only when let go (or its token is cancelled), and counts the conversions it finished.</summary>
    private sealed class HeldConverter : IDocxToPdf
    {
        private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Finished;

        public bool Cancelled;

        public void Release() => release.TrySetResult();

        public async Task<byte[]> ConvertAsync(byte[] docx, CancellationToken ct)
        {
            Started.TrySetResult();
            try
            {
                await release.Task.WaitAsync(ct);
            }
            catch (OperationCanceledException)
            {
                Cancelled = true;
                throw;
            }
            Interlocked.Increment(ref Finished);
            return FakeConverter.PdfOf(Encoding.UTF8.GetString(docx));
        }
    }

    private sealed class FakeConverter : IDocxToPdf
    {
        public const string Boom = "模拟的转换错误";
        public const string NotInstalled = "服务器未安装 LibreOffice，无法生成 PDF；DOCX 文书仍可下载。";

        public static byte[] PdfOf(string text) => Encoding.UTF8.GetBytes("%PDF-1.7\n% " + text);

        public Task<byte[]> ConvertAsync(byte[] docx, CancellationToken ct) => Encoding.UTF8.GetString(docx) switch
        {
            "throw" => throw new InvalidOperationException(Boom),
            "unavailable" => throw new PdfUnavailableException(NotInstalled),
            "not-a-pdf" => Task.FromResult("<html></html>"u8.ToArray()),
            var text => Task.FromResult(PdfOf(text)),
        };
    }

    /// <summary>The application's services over a database of its own, with <see cref="FakeConverter"/> and a 0.2 s poll.</summary>
    private sealed class Queue : IAsyncDisposable
    {
        private readonly TestDatabase? database;
        private readonly ServiceProvider services;
        private int added;

        private Queue(TestDatabase? database, ServiceProvider services, string directory)
        {
            this.database = database;
            this.services = services;
            Directory = directory;
        }

        public IServiceProvider Services => services;
        public string Directory { get; }

        public static async Task<Queue> StartAsync(Db kind, string node = "node-a", double leaseSeconds = 120, IDocxToPdf? converter = null)
        {
            var database = await TestDatabase.CreateAsync(kind);
            var directory = Path.Combine(Path.GetTempPath(), "safeharbor-tests", "pdf-" + Guid.NewGuid().ToString("N"));
            var services = Build(kind, database.ConnectionString, directory, node, leaseSeconds, converter);
            await using (var scope = services.CreateAsyncScope())
            {
                await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<SafeHarborDb>());
            }
            return new Queue(database, services, directory);
        }

        /// <summary>Another node over the same database and storage (it does not own the database).</summary>
        public Queue OtherNode(Db kind, string node, double leaseSeconds = 120, IDocxToPdf? converter = null) =>
            new(null, Build(kind, services.GetRequiredService<IConfiguration>()["Database:ConnectionString"]!, Directory, node, leaseSeconds, converter), Directory);

        private static ServiceProvider Build(Db kind, string connectionString, string directory, string node, double leaseSeconds, IDocxToPdf? converter)
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = kind.ToString(),
                ["Database:ConnectionString"] = connectionString,
                ["Storage:Directory"] = directory,
                ["Documents:PdfPollSeconds"] = "0.2",
                ["Documents:PdfLeaseSeconds"] = leaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Node:Name"] = node,
            }).Build();
            return new ServiceCollection()
                .AddSingleton<IConfiguration>(configuration)
                .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
                .AddSafeHarborCore()
                .AddSingleton(converter ?? new FakeConverter())
                .BuildServiceProvider();
        }

        /// <summary>The bureau the jobs belong to: the worker converts every bureau's jobs.</summary>
        private static readonly Guid Bureau = Guid.NewGuid();

        /// <summary>Puts a job in the table with its DOCX on disk, as a process that requested it would.</summary>
        public async Task<Guid> AddAsync(string docxText, DocumentJobStatus status = DocumentJobStatus.Pending, bool deleteDocx = false, string? owner = null, DateTimeOffset? leaseUntil = null)
        {
            var n = ++added;
            var job = new DocumentJob
            {
                Id = Guid.NewGuid(), BureauId = Bureau, CaseId = Guid.NewGuid(), Kind = DocumentKind.FeedbackNotice, Instance = 0,
                DocxSha256 = n.ToString("x64"), FileName = $"第{n}份.pdf", Status = status, RequestedByName = "测试",
                RequestedAt = new DateTimeOffset(2026, 9, 21, 2, 0, n, TimeSpan.Zero),
                StartedAt = status == DocumentJobStatus.Running ? new DateTimeOffset(2026, 9, 21, 2, 0, 0, TimeSpan.Zero) : null,
            };
            var store = services.GetRequiredService<PdfStore>();
            job.Owner = owner;
            job.LeaseUntil = leaseUntil;
            await store.SaveDocxAsync(job.Id, Encoding.UTF8.GetBytes(docxText), CancellationToken.None);
            if (deleteDocx)
            {
                await store.DeleteDocxAsync(job.Id, CancellationToken.None);
            }
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SafeHarborDb>();
            db.Add(job);
            await db.SaveChangesAsync();
            return job.Id;
        }

        public async Task SetLeaseAsync(Guid id, DateTimeOffset until, string? owner = null)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SafeHarborDb>();
            await db.Set<DocumentJob>().Where(j => j.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.LeaseUntil, until)
                .SetProperty(j => j.Owner, j => owner ?? j.Owner));
        }

        public async Task<Dictionary<Guid, DocumentJob>> JobsAsync()
        {
            await using var scope = services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<SafeHarborDb>().Set<DocumentJob>().AsNoTracking().ToDictionaryAsync(j => j.Id);
        }

        /// <summary>Reads the table until the condition holds; bounded, so a stuck worker fails the test instead of hanging it.</summary>
        public async Task WaitUntilAsync(Func<Dictionary<Guid, DocumentJob>, bool> condition)
        {
            var waited = Stopwatch.StartNew();
            while (true)
            {
                var jobs = await JobsAsync();
                if (condition(jobs))
                {
                    return;
                }
                Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30),
                    "the jobs did not get there: " + string.Join("; ", jobs.Values.Select(j => $"{j.FileName} {j.Status} {j.Error}")));
                await Task.Delay(50);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await services.DisposeAsync();
            if (database is null)
            {
                return;
            }
            await database.DisposeAsync();
            if (System.IO.Directory.Exists(Directory))
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
        }
    }
}
