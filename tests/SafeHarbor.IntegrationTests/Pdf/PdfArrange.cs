using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using SafeHarbor.Cases;
using SafeHarbor.IntegrationTests.Support;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.IntegrationTests.Pdf;

/// <summary>
/// A test app whose PDFs go to a folder of their own (removed afterwards), optionally with a
/// LibreOffice that is not there.
/// </summary>
internal sealed class PdfApp : IAsyncDisposable
{
    private PdfApp(TestApp app, string directory)
    {
        App = app;
        Directory = directory;
    }

    public TestApp App { get; }
    public string Directory { get; }

    public static async Task<PdfApp> StartAsync(Db db, string? libreOffice = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "safeharbor-tests", "pdf-" + Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?> { ["Storage:Directory"] = directory };
        if (libreOffice is not null)
        {
            settings["Documents:LibreOffice"] = libreOffice;
        }
        return new PdfApp(await TestApp.StartAsync(db, settings), directory);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}

internal static class PdfArrange
{
    /// <summary>The case title; the PDF may wrap it, so tests look for it in the text with whitespace removed.</summary>
    public const string Title = "城东分局食品抽检复查延迟";

    public const string ResultText = "经局党组集体研究，认定对你予以容错免责。";

    /// <summary>A case walked through the whole procedure to an exemption and its written feedback (结果反馈通知书).</summary>
    public static async Task<CaseRef> ExemptedCaseWithFeedbackAsync(TestApp app)
    {
        var flow = new Support.Procedure(app);
        var c = await flow.RegisterAsync(title: Title);
        await flow.ApplyAsync(c);
        await flow.VerifyAsync(c);
        await flow.ReportAsync(c, Outcome.Exempted);
        await flow.DecideAtMeetingAsync(c, Outcome.Exempted);
        await app.As("office").PostJsonAsync($"{c.Url}/feedback", new
        {
            resultText = ResultText,
            explanation = "依照第五条第（四）项书面反馈并答复解释。",
        }).OkAsync();
        return c;
    }

    /// <summary>A case with an application, so its 容错免责申请书 can be made.</summary>
    public static async Task<CaseRef> AppliedCaseAsync(TestApp app)
    {
        var flow = new Support.Procedure(app);
        var c = await flow.RegisterAsync(title: Title);
        await flow.ApplyAsync(c);
        return c;
    }

    /// <summary>How long a test waits for a job at most: LibreOffice may start slowly on a busy machine.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    /// <summary>Polls a job until it is done or failed; fails the test if that takes longer than <see cref="Patience"/>.</summary>
    public static async Task<JsonElement> WaitUntilFinishedAsync(HttpClient client, Guid jobId)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var job = await client.GetOkAsync($"/api/document-jobs/{jobId}");
            var status = job.GetProperty("status").GetString();
            if (status is "Done" or "Failed")
            {
                return job;
            }
            Assert.True(waited.Elapsed < Patience, $"the PDF job is still {status} after {Patience}");
            await Task.Delay(200);
        }
    }

    public static async Task<(HttpResponseMessage Response, JsonElement Job)> RequestPdfAsync(HttpClient client, CaseRef c, string kind)
    {
        var response = await client.PostAsync($"{c.Url}/documents/{kind}/pdf", null);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return (response, JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>
    /// Renders page 1 of a PDF to PNG with pdftoppm (80 dpi) and keeps it, with the PDF, under
    /// test-artifacts/documents/ at the repository root (git-ignored) for a person to look at.
    /// </summary>
    public static async Task<string> KeepFirstPageAsync(byte[] pdf, string name)
    {
        var directory = Path.Combine(Repo.Root, "test-artifacts", "documents");
        System.IO.Directory.CreateDirectory(directory);
        var pdfPath = Path.Combine(directory, name + ".pdf");
        await File.WriteAllBytesAsync(pdfPath, pdf);
        var prefix = Path.Combine(directory, name);
        var info = new ProcessStartInfo("pdftoppm") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdfPath, prefix })
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException("pdftoppm did not start");
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"pdftoppm failed ({process.ExitCode}): {error}");
        return prefix + ".png";
    }

    /// <summary>Width and height of a PNG, from its IHDR chunk.</summary>
    public static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.True(png.Length > 24 && png.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), "not a PNG file");
        return (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }

    public static Task<T?> ReadAsync<T>(HttpResponseMessage response) => response.Content.ReadFromJsonAsync<T>(Http.Json);
}
