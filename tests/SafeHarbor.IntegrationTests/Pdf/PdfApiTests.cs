using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Documents;
using SafeHarbor.Features.CaseDocuments;
using SafeHarbor.IntegrationTests.Support;
using UglyToad.PdfPig;

namespace SafeHarbor.IntegrationTests.Pdf;

/// <summary>PDFs of the documents: made by the background worker with LibreOffice, one job per DOCX, only for users who see the case.</summary>
public sealed partial class PdfApiTests
{
    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();

    /// <summary>The conversion itself runs on SQLite only (LibreOffice takes seconds); the queue's behaviour on both databases is below.</summary>
    [SqliteOnly("LibreOffice takes seconds per conversion; PdfWorkerTests and the failed-PDF page test run the queue on both databases")]
    public async Task The_feedback_notice_pdf_is_made_in_the_background_on_a4_with_the_case_facts_and_the_same_docx_finds_the_same_job()
    {
        await using var pdfApp = await PdfApp.StartAsync(Db.Sqlite);
        var app = pdfApp.App;
        var c = await PdfArrange.ExemptedCaseWithFeedbackAsync(app);
        var office = app.As("office");

        // The DOCX is there at once, whatever becomes of the PDF.
        using (var docx = await office.GetAsync($"{c.Url}/documents/feedback-notice"))
        {
            Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
            Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType?.MediaType);
        }

        var (first, queued) = await PdfArrange.RequestPdfAsync(office, c, "feedback-notice");
        using (first)
        {
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
            var jobId = queued.GetProperty("jobId").GetGuid();
            Assert.Equal($"/api/document-jobs/{jobId}", first.Headers.Location?.OriginalString);
        }
        var id = queued.GetProperty("jobId").GetGuid();
        Assert.Equal("Pending", queued.GetProperty("status").GetString());
        Assert.Equal("排队中", queued.GetProperty("statusName").GetString());
        Assert.Equal("feedback-notice", queued.GetProperty("kind").GetString());
        Assert.Equal("孙秘书", queued.GetProperty("requestedBy").GetString());
        Assert.Matches("^[0-9a-f]{64}$", queued.GetProperty("docxSha256").GetString());

        // Asked again before it is made: the same job, not a second conversion.
        var (secondResponse, second) = await PdfArrange.RequestPdfAsync(office, c, "feedback-notice");
        secondResponse.Dispose();
        Assert.Equal(id, second.GetProperty("jobId").GetGuid());

        var done = await PdfArrange.WaitUntilFinishedAsync(office, id);
        Assert.True(done.GetProperty("status").GetString() == "Done", $"the job failed: {done}");
        Assert.Equal("已完成", done.GetProperty("statusName").GetString());
        Assert.Equal(1, done.GetProperty("attempts").GetInt32());
        Assert.Equal($"/api/document-jobs/{id}/pdf", done.GetProperty("pdfUrl").GetString());

        using var download = await office.GetAsync($"/api/document-jobs/{id}/pdf");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.Equal(done.GetProperty("pdfSha256").GetString(), sha256);
        Assert.Equal(sha256, download.Headers.GetValues("X-Content-SHA256").Single());
        Assert.Equal(bytes.Length, done.GetProperty("pdfSize").GetInt64());
        Assert.EndsWith("结果反馈通知书.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);

        using (var pdf = PdfDocument.Open(bytes))
        {
            var page = pdf.GetPage(1);
            Assert.InRange(page.Width, 594, 596);   // A4: 210 mm = 595 pt
            Assert.InRange(page.Height, 841, 843);  // 297 mm = 842 pt
            var text = Spaces().Replace(string.Concat(pdf.GetPages().Select(p => p.Text)), "");
            Assert.Contains(PdfArrange.Title, text);
            Assert.Contains("予以容错免责", text);
            Assert.Contains(c.Number, text);
            Assert.Contains(done.GetProperty("documentNumber").GetString()!, text);
        }

        var png = await PdfArrange.KeepFirstPageAsync(bytes, "pdf-worker-feedback-notice");
        var (width, height) = PdfArrange.PngSize(await File.ReadAllBytesAsync(png));
        Assert.InRange(width, 660, 663);    // 8.27 in at 80 dpi
        Assert.InRange(height, 934, 937);   // 11.69 in at 80 dpi

        // Asked again once made, with the same DOCX: the finished job at once (200), nothing queued.
        var (thirdResponse, third) = await PdfArrange.RequestPdfAsync(office, c, "feedback-notice");
        using (thirdResponse)
        {
            Assert.Equal(HttpStatusCode.OK, thirdResponse.StatusCode);
        }
        Assert.Equal(id, third.GetProperty("jobId").GetGuid());
        Assert.Equal("Done", third.GetProperty("status").GetString());
        Assert.Equal(1, third.GetProperty("attempts").GetInt32());
    }

    [Theory, AllDatabases]
    public async Task Without_libreoffice_the_job_fails_with_the_reason_in_chinese_asking_again_queues_it_again_and_other_units_do_not_see_it(Db db)
    {
        const string missing = "/nonexistent/libreoffice/soffice";
        await using var pdfApp = await PdfApp.StartAsync(db, libreOffice: missing);
        var app = pdfApp.App;
        var c = await PdfArrange.AppliedCaseAsync(app);
        var inv = app.As("inv");
        var staffB = app.As("staffB");
        var reason = (await Assert.ThrowsAsync<PdfUnavailableException>(() => new PdfConverter(missing).ConvertAsync([], CancellationToken.None))).Message;

        // Someone of another unit: the case does not exist for them, and nothing is queued.
        var refused = await staffB.PostAsync($"{c.Url}/documents/application/pdf", null).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("case-not-found", refused.Code);

        var (response, queued) = await PdfArrange.RequestPdfAsync(inv, c, "application");
        using (response)
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }
        var id = queued.GetProperty("jobId").GetGuid();

        var hidden = await staffB.GetAsync($"/api/document-jobs/{id}").ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("document-job-not-found", hidden.Code);
        Assert.Equal("document-job-not-found", (await staffB.GetAsync($"/api/document-jobs/{id}/pdf").ProblemAsync(HttpStatusCode.NotFound)).Code);

        // The applicant sees the case: the same DOCX, the same job (queued again if it has failed already).
        var (mineResponse, mine) = await PdfArrange.RequestPdfAsync(app.As("staffA"), c, "application");
        mineResponse.Dispose();
        Assert.Equal(id, mine.GetProperty("jobId").GetGuid());

        // Not ready (queued, or already failed): 409 with a Chinese reason.
        var early = await inv.GetAsync($"/api/document-jobs/{id}/pdf").ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains(early.Code, new[] { "pdf-not-ready", "pdf-failed" });
        Assert.Matches(Chinese(), early.Title);

        var failed = await PdfArrange.WaitUntilFinishedAsync(inv, id);
        Assert.Equal("Failed", failed.GetProperty("status").GetString());
        Assert.Equal("失败", failed.GetProperty("statusName").GetString());
        Assert.Equal(reason, failed.GetProperty("error").GetString());
        Assert.Equal(JsonValueKind.Null, failed.GetProperty("pdfUrl").ValueKind);
        var late = await inv.GetAsync($"/api/document-jobs/{id}/pdf").ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("pdf-failed", late.Code);
        Assert.Contains(reason, late.Title);

        // Asking again queues the same job again (one job per DOCX); it fails again for the same reason.
        var (againResponse, again) = await PdfArrange.RequestPdfAsync(inv, c, "application");
        using (againResponse)
        {
            Assert.Equal(HttpStatusCode.Accepted, againResponse.StatusCode);
        }
        Assert.Equal(id, again.GetProperty("jobId").GetGuid());
        Assert.Equal("Pending", again.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, again.GetProperty("error").ValueKind);
        var failedAgain = await PdfArrange.WaitUntilFinishedAsync(inv, id);
        Assert.Equal("Failed", failedAgain.GetProperty("status").GetString());
        Assert.Equal(failed.GetProperty("attempts").GetInt32() + 1, failedAgain.GetProperty("attempts").GetInt32());

        // The DOCX does not depend on LibreOffice.
        using var docx = await inv.GetAsync($"{c.Url}/documents/application");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);

        // A document the case cannot produce yet: refused before any job, and no number issued.
        var unavailable = await inv.PostAsync($"{c.Url}/documents/feedback-notice/pdf", null).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("document-unavailable", unavailable.Code);
        Assert.Equal(1, await app.WithDbAsync(d => d.Set<DocumentJob>().CountAsync()));
    }
}
