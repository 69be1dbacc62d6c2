using System.Diagnostics;
using System.Net;
using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SafeHarbor.Documents;
using SafeHarbor.Features.CaseDocuments;
using SafeHarbor.IntegrationTests.Pages;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Pdf;

/// <summary>The 公文 table of the case page: 「生成 PDF」 beside each DOCX, the slot polling itself (htmx) until the PDF or the reason it failed shows.</summary>
public sealed class PdfPageTests
{
    [SqliteOnly("LibreOffice takes seconds per conversion; the failed-PDF page test below runs the same page on both databases")]
    public async Task The_case_page_asks_for_a_pdf_shows_it_being_made_and_then_the_download_link_while_the_docx_stays_at_hand()
    {
        await using var pdfApp = await PdfApp.StartAsync(Db.Sqlite);
        var app = pdfApp.App;
        var c = await PdfArrange.AppliedCaseAsync(app);
        var worker = app.Services.GetServices<IHostedService>().OfType<PdfWorker>().Single();
        using var inv = await Browser.SignedInAsync(app, "inv");

        var page = await inv.GetAsync($"/Cases/{c.Id}");
        var slot = page.Single("[data-testid=pdf-application]");
        Assert.NotNull(page.Find("[data-testid=docx-application]"));
        Assert.Null(slot.QuerySelector("[data-testid=pdf-download]"));
        Assert.Null(slot.GetAttribute("hx-get"));
        Assert.Equal("生成 PDF", Browser.Squash(slot.QuerySelector("[data-testid=pdf-request]")?.TextContent));
        var form = page.Form("[data-testid=pdf-application] form");
        var fields = FormFields.Of(form);
        Assert.Contains("__RequestVerificationToken", fields.Names);
        Assert.Equal($"#{slot.Id}", form.GetAttribute("hx-target"));

        // Without the antiforgery token the request is refused and nothing is queued.
        var forged = await inv.PostAsync(form.GetAttribute("action")!, new FormFields());
        Assert.Equal(HttpStatusCode.BadRequest, forged.Status);

        // The worker is held for a moment, so the page can be seen while the PDF waits.
        await worker.StopAsync(CancellationToken.None);
        var running = await HtmxAsync(inv, HttpMethod.Post, form.GetAttribute("hx-post")!, fields);
        Assert.Equal(slot.Id, running.Id);
        Assert.Equal("PDF 生成中…", Browser.Squash(running.TextContent));
        Assert.Equal("every 2s", running.GetAttribute("hx-trigger"));
        Assert.Equal("outerHTML", running.GetAttribute("hx-swap"));
        Assert.Null(running.QuerySelector("form"));
        var poll = running.GetAttribute("hx-get")!;
        Assert.StartsWith($"/Cases/{c.Id}?handler=PdfJob&jobId=", poll);

        // Loaded afresh, the page shows the same state and polls; the DOCX is still there at once.
        page = await inv.GetAsync($"/Cases/{c.Id}");
        slot = page.Single("[data-testid=pdf-application]");
        Assert.Equal("PDF 生成中…", Browser.Squash(slot.TextContent));
        Assert.Equal(poll, slot.GetAttribute("hx-get"));
        using (var docx = await inv.Client.GetAsync(page.Single("[data-testid=docx-application]").GetAttribute("href")))
        {
            Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        }
        Assert.Equal("PDF 生成中…", Browser.Squash((await HtmxAsync(inv, HttpMethod.Get, poll)).TextContent));

        // The worker comes back, finds the queued job, and the polled slot turns into the link.
        await worker.StartAsync(CancellationToken.None);
        var finished = await PollUntilAsync(inv, poll, s => s.QuerySelector("[data-testid=pdf-download], [data-testid=pdf-error]") is not null);
        Assert.Null(finished.QuerySelector("[data-testid=pdf-error]"));
        Assert.Null(finished.GetAttribute("hx-trigger"));
        var link = finished.QuerySelector("[data-testid=pdf-download]")!;
        Assert.Equal("下载 PDF", Browser.Squash(link.TextContent));
        var href = link.GetAttribute("href")!;
        using (var pdf = await inv.Client.GetAsync(href))
        {
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
            Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..5]));
            Assert.True(pdf.Headers.Contains("X-Content-SHA256"));
        }

        // Reloaded, the page offers the download; without JavaScript the form posts and the page comes back.
        page = await inv.GetAsync($"/Cases/{c.Id}");
        Assert.Equal(href, page.Single("[data-testid=pdf-application] [data-testid=pdf-download]").GetAttribute("href"));
        var plain = await inv.SubmitAsync(page, "[data-testid=pdf-application] form");
        Assert.Equal(HttpStatusCode.Redirect, plain.Status);
        var after = await inv.FollowAsync(plain);
        Assert.Contains("PDF 已生成", after.Text);
        Assert.Equal(href, after.Single("[data-testid=pdf-application] [data-testid=pdf-download]").GetAttribute("href"));

        // Someone of another unit reaches neither the slot nor the file.
        using var staffB = await Browser.SignedInAsync(app, "staffB");
        Assert.Equal(HttpStatusCode.NotFound, (await staffB.GetAsync(poll)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await staffB.GetAsync(href)).Status);
    }

    [Theory, AllDatabases]
    public async Task The_case_page_shows_in_chinese_why_a_pdf_could_not_be_made_and_offers_to_try_again(Db db)
    {
        const string missing = "/nonexistent/libreoffice/soffice";
        await using var pdfApp = await PdfApp.StartAsync(db, libreOffice: missing);
        var app = pdfApp.App;
        var c = await PdfArrange.AppliedCaseAsync(app);
        var reason = (await Assert.ThrowsAsync<PdfUnavailableException>(() => new PdfConverter(missing).ConvertAsync([], CancellationToken.None))).Message;
        using var staffA = await Browser.SignedInAsync(app, "staffA");

        var page = await staffA.GetAsync($"/Cases/{c.Id}");
        var form = page.Form("[data-testid=pdf-application] form");
        var queued = await HtmxAsync(staffA, HttpMethod.Post, form.GetAttribute("hx-post")!, FormFields.Of(form));
        Assert.Equal("PDF 生成中…", Browser.Squash(queued.TextContent));

        var failed = await PollUntilAsync(staffA, queued.GetAttribute("hx-get")!, s => s.QuerySelector("[data-testid=pdf-error]") is not null);
        Assert.Equal(reason, Browser.Squash(failed.QuerySelector("[data-testid=pdf-error]")!.TextContent));
        Assert.Null(failed.QuerySelector("[data-testid=pdf-download]"));
        Assert.Equal("生成 PDF", Browser.Squash(failed.QuerySelector("[data-testid=pdf-request]")?.TextContent));

        page = await staffA.GetAsync($"/Cases/{c.Id}");
        Assert.Equal(reason, page.TextOf("[data-testid=pdf-application] [data-testid=pdf-error]"));
        Assert.NotNull(page.Find("[data-testid=docx-application]"));
    }

    /// <summary>What htmx does: the request with HX-Request, the answer parsed as the PDF slot it replaces.</summary>
    private static async Task<IElement> HtmxAsync(Browser browser, HttpMethod method, string url, FormFields? fields = null)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Add("HX-Request", "true");
        if (fields is not null)
        {
            request.Content = new FormUrlEncodedContent(fields.Pairs);
        }
        using var response = await browser.Client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{method} {url}: {(int)response.StatusCode} {html}");
        return Browser.Parse(html).QuerySelector(".pdf-slot") ?? throw new InvalidOperationException($"no PDF slot in: {html}");
    }

    /// <summary>Polls the slot as its hx-trigger does (faster), until it shows what the test waits for; bounded by <see cref="PdfArrange.Patience"/>.</summary>
    private static async Task<IElement> PollUntilAsync(Browser browser, string url, Func<IElement, bool> until)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var slot = await HtmxAsync(browser, HttpMethod.Get, url);
            if (until(slot))
            {
                return slot;
            }
            Assert.True(waited.Elapsed < PdfArrange.Patience, $"after {PdfArrange.Patience} the PDF slot still shows: {Browser.Squash(slot.TextContent)}");
            await Task.Delay(200);
        }
    }
}
