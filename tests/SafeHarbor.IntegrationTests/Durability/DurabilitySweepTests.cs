using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeHarbor.Infrastructure.Storage;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Durability;

/// <summary>
/// A file is stored before the row that names it commits; what a request cut off in between leaves (a file without a
/// row, a temporary file) is removed by <see cref="LeftoverSweeper"/> once it is older than <c>Storage:SweepAfterMinutes</c>,
/// and nothing a row names, or that is young enough to belong to a write in progress, is touched.
/// </summary>
public sealed class DurabilitySweepTests
{
    private static readonly byte[] SmallPdf = "%PDF-1.4\n%%EOF\n"u8.ToArray();

    /// <summary>Makes a stored file look stored two hours ago, on the clock its store measures age with.</summary>
    private static async Task AgeAsync(TestApp app, string key)
    {
        if (app.Files is FolderFileStore folder)
        {
            BackdateTwoHours(folder.PathOf(key));
            return;
        }
        var twoHoursAgo = app.Clock.GetUtcNow().AddHours(-2);
        await app.WithDbAsync(db => db.Set<StoredFileRecord>().Where(f => f.Key == key).ExecuteUpdateAsync(s => s.SetProperty(f => f.StoredAt, twoHoursAgo)));
    }

    /// <summary>
    /// Sets a file's time two hours back, as read back. A clock faker (libfaketime, which the suite runs under to prove it
    /// does not depend on today) shifts the times it is given by its offset, so the shift seen is taken off once more.
    /// </summary>
    private static void BackdateTwoHours(string path)
    {
        var target = DateTime.UtcNow.AddHours(-2);
        File.SetLastWriteTimeUtc(path, target);
        var shift = File.GetLastWriteTimeUtc(path) - target;
        if (shift.Duration() > TimeSpan.FromSeconds(1))
        {
            File.SetLastWriteTimeUtc(path, target - shift);
        }
        Assert.True((File.GetLastWriteTimeUtc(path) - target).Duration() < TimeSpan.FromSeconds(1), $"{path}: {File.GetLastWriteTimeUtc(path):O}, not {target:O}");
    }

    [Theory, AllDatabases]
    public async Task Durability_sweep_removes_old_files_no_row_names_and_old_temporaries_and_keeps_named_and_recent_ones(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var c = await new Support.Procedure(app).RegisterAsync("staffA");
        using (var form = new MultipartFormDataContent())
        {
            form.Add(new ByteArrayContent(SmallPdf), "file", "决定书.pdf");
            await app.As("staffA").PostAsync($"{c.Url}/evidence", form).OkAsync();
        }
        var named = Assert.Single(await app.StoredKeysAsync("evidence/"));
        await AgeAsync(app, named);

        // An upload whose row never committed (stored, then the process died), one that is still in progress, and the
        // DOCX of a PDF job that never committed.
        const string orphan = "evidence/0123456789abcdef0123456789abcdef.bin";
        const string inProgress = "evidence/fedcba9876543210fedcba9876543210.bin";
        var orphanDocx = $"documents/{Guid.NewGuid():N}.docx";
        foreach (var key in new[] { orphan, inProgress, orphanDocx })
        {
            await app.Files.PutAsync(key, SmallPdf, CancellationToken.None);
        }
        await AgeAsync(app, orphan);
        await AgeAsync(app, orphanDocx);

        // Half-written files of the folder store and of an upload being received, from a crash two hours ago and from now.
        var temporaries = new List<string>();
        var recentTemporaries = new List<string>();
        if (app.Files is FolderFileStore folder)
        {
            var old = folder.PathOf(orphan) + ".aaaa" + FolderFileStore.TemporarySuffix;
            var recent = folder.PathOf(orphan) + ".bbbb" + FolderFileStore.TemporarySuffix;
            File.WriteAllBytes(old, SmallPdf);
            File.WriteAllBytes(recent, SmallPdf);
            BackdateTwoHours(old);
            temporaries.Add(old);
            recentTemporaries.Add(recent);
        }
        var oldBuffer = UploadBuffer.NewPath();
        var recentBuffer = UploadBuffer.NewPath();
        File.WriteAllBytes(oldBuffer, SmallPdf);
        File.WriteAllBytes(recentBuffer, SmallPdf);
        BackdateTwoHours(oldBuffer);
        temporaries.Add(oldBuffer);
        recentTemporaries.Add(recentBuffer);
        try
        {
            var result = await app.Services.GetRequiredService<LeftoverSweeper>().SweepAsync(TestContext.Current.CancellationToken);

            Assert.Equal(2, result.Unreferenced);
            Assert.True(result.Temporaries >= temporaries.Count, result.Chinese);
            var kept = (await app.StoredKeysAsync("evidence/")).Where(k => !k.EndsWith(FolderFileStore.TemporarySuffix, StringComparison.Ordinal));
            Assert.Equal(new[] { inProgress, named }.Order(StringComparer.Ordinal), kept.Order(StringComparer.Ordinal));
            Assert.Empty(await app.StoredKeysAsync("documents/"));
            Assert.All(temporaries, t => Assert.False(File.Exists(t), t));
            Assert.All(recentTemporaries, t => Assert.True(File.Exists(t), t));
            Assert.Matches(@"^清理中断上传的残留文件：临时文件 \d+ 个，无记录引用的文件 2 个。$", result.Chinese);

            // The named file still downloads.
            var detail = await new Support.Procedure(app).GetAsync(c, "staffA");
            var id = detail.GetProperty("evidence").EnumerateArray().Single().GetProperty("id").GetGuid();
            using var download = await app.As("staffA").GetAsync($"{c.Url}/evidence/{id}");
            Assert.Equal(SmallPdf, await download.Content.ReadAsByteArrayAsync());
        }
        finally
        {
            foreach (var t in recentTemporaries)
            {
                File.Delete(t);
            }
        }
    }
}
