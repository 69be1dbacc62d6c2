using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Nodes;

/// <summary>
/// Two processes of the built app on one PostgreSQL database, as behind a load balancer: whatever one node
/// issued or stored, the other serves; a PDF job of a node that died is finished by the other, once.
/// </summary>
public sealed class TwoNodeTests
{
    private const string Password = "Demo@2026";

    [PostgresOnly("several app processes on one database: a SQLite file serves one node only; also starts the built executable and LibreOffice")]
    public async Task A_second_node_accepts_the_first_nodes_cookie_and_token_serves_its_evidence_and_finishes_its_pdf_job_after_it_died()
    {
        await using var database = await TestDatabase.CreateAsync(Db.Postgres);
        var work = Directory.CreateTempSubdirectory("safeharbor-nodes-");
        // Node A's "LibreOffice" never finishes: A claims the job and holds it until it is killed.
        var hang = Path.Combine(work.FullName, "hanging-soffice.sh");
        await File.WriteAllTextAsync(hang, "#!/bin/sh\nexec sleep 600\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(hang, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        const double lease = 3;
        var a = AppProcess.EnvironmentFor(database, "node-a", seedDemo: true);
        a["Documents__LibreOffice"] = hang;
        a["Documents__PdfLeaseSeconds"] = lease.ToString(System.Globalization.CultureInfo.InvariantCulture);
        a["Documents__PdfPollSeconds"] = "0.5";
        var b = AppProcess.EnvironmentFor(database, "node-b");
        b["Documents__PdfLeaseSeconds"] = lease.ToString(System.Globalization.CultureInfo.InvariantCulture);
        b["Documents__PdfPollSeconds"] = "0.5";
        AppProcess? nodeB = null;
        try
        {
            await using var nodeA = await AppProcess.StartAsync("node-a", a, Path.Combine(work.FullName, "a"));

            // A PDF job queued on A, taken by A's worker (which then hangs in its converter).
            var token = await nodeA.BearerTokenAsync("liuzg", Password);
            var verifying = await FirstCaseAsync(nodeA, token, "Verifying");
            var kind = await FirstAvailableDocumentAsync(nodeA, token, verifying);
            using var queued = await nodeA.Client.SendAsync(nodeA.Bearer(HttpMethod.Post, $"/api/cases/{verifying}/documents/{kind}/pdf", token));
            var queuedText = await queued.Content.ReadAsStringAsync();
            Assert.True(queued.IsSuccessStatusCode, queuedText);
            var jobId = JsonDocument.Parse(queuedText).RootElement.GetProperty("jobId").GetGuid();
            await WaitForAsync(database, jobId, j => j.Status == "Running" && j.Owner == "node-a", "node A claims the job", nodeA);

            nodeB = await AppProcess.StartAsync("node-b", b, Path.Combine(work.FullName, "b"));

            // A cookie from A's sign-in page opens a page on B.
            var cookie = await nodeA.SignInCookieAsync("liuzg", Password);
            using (var page = new HttpRequestMessage(HttpMethod.Get, "/Cases"))
            {
                page.Headers.Add("Cookie", cookie);
                using var shown = await nodeB.Client.SendAsync(page);
                Assert.True(shown.StatusCode == HttpStatusCode.OK, $"B answered {(int)shown.StatusCode} to A's cookie (Location: {shown.Headers.Location})");
            }

            // A bearer token from A's login works on B.
            using (var list = await nodeB.Client.SendAsync(nodeB.Bearer(HttpMethod.Get, "/api/cases", token)))
            {
                Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            }

            // Evidence uploaded on A downloads from B, byte for byte.
            var content = "%PDF-1.4\n% evidence uploaded on node A\n%%EOF\n"u8.ToArray();
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "file", "核查笔录.pdf");
            form.Add(new StringContent("两节点测试"), "description");
            var upload = nodeA.Bearer(HttpMethod.Post, $"/api/cases/{verifying}/evidence", token);
            upload.Content = form;
            using var uploaded = await nodeA.Client.SendAsync(upload);
            var uploadedText = await uploaded.Content.ReadAsStringAsync();
            Assert.True(uploaded.StatusCode == HttpStatusCode.Created, uploadedText);
            var fileId = JsonDocument.Parse(uploadedText).RootElement.GetProperty("id").GetGuid();
            using (var download = await nodeB.Client.SendAsync(nodeB.Bearer(HttpMethod.Get, $"/api/cases/{verifying}/evidence/{fileId}", token)))
            {
                Assert.Equal(HttpStatusCode.OK, download.StatusCode);
                Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
                Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), Assert.Single(download.Headers.GetValues("X-Content-SHA256")));
            }

            // While A lives, it renews its lease: B leaves the job alone for well over a lease length.
            await Task.Delay(TimeSpan.FromSeconds(lease * 2.5));
            var held = await JobAsync(database, jobId);
            Assert.Equal(("Running", "node-a", 1), (held.Status, held.Owner, held.Attempts));

            // A dies mid-conversion; once its lease ran out B takes the job and makes the PDF.
            await nodeA.KillAsync();
            var done = await WaitForAsync(database, jobId, j => j.Status is "Done" or "Failed", "node B finishes the job", nodeB, TimeSpan.FromSeconds(150));
            Assert.True(done.Status == "Done", $"the job ended {done.Status}: {done.Error}\n{nodeB.Log}");
            // Claimed twice (A, then B after A's lease ran out), converted once: A never finished, B did.
            Assert.Equal(2, done.Attempts);
            Assert.Null(done.Owner);
            Assert.Contains("taken over from node-a", nodeB.Log);
            using var pdf = await nodeB.Client.SendAsync(nodeB.Bearer(HttpMethod.Get, $"/api/document-jobs/{jobId}/pdf", token));
            var bytes = await pdf.Content.ReadAsByteArrayAsync();
            Assert.True(pdf.StatusCode == HttpStatusCode.OK, System.Text.Encoding.UTF8.GetString(bytes));
            Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
        }
        finally
        {
            if (nodeB is not null)
            {
                await nodeB.DisposeAsync();
            }
            work.Delete(recursive: true);
        }
    }

    private sealed record JobRow(string Status, string? Owner, int Attempts, string? Error);

    private static async Task<JobRow> JobAsync(TestDatabase database, Guid id)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT "Status", "Owner", "Attempts", "Error" FROM "DocumentJobs" WHERE "Id" = @id""", connection);
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"job {id} not found");
        return new JobRow(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetString(3));
    }

    private static async Task<JobRow> WaitForAsync(TestDatabase database, Guid id, Func<JobRow, bool> condition, string what, AppProcess node, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var job = await JobAsync(database, id);
            if (condition(job))
            {
                return job;
            }
            Assert.True(DateTime.UtcNow < deadline, $"{what} did not happen: {job}\n{node.Name}:\n{node.Log}");
            await Task.Delay(200);
        }
    }

    private static async Task<Guid> FirstCaseAsync(AppProcess node, string token, string status)
    {
        using var response = await node.Client.SendAsync(node.Bearer(HttpMethod.Get, $"/api/cases?status={status}", token));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("items")[0].GetProperty("id").GetGuid();
    }

    private static async Task<string> FirstAvailableDocumentAsync(AppProcess node, string token, Guid caseId)
    {
        using var response = await node.Client.SendAsync(node.Bearer(HttpMethod.Get, $"/api/cases/{caseId}/documents", token));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.EnumerateArray().First(d => d.GetProperty("available").GetBoolean()).GetProperty("slug").GetString()!;
    }
}
