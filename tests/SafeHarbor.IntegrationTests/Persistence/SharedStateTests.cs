using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeHarbor.Infrastructure.Storage;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Persistence;

/// <summary>What several nodes share through the database: the keys that sign cookies and tokens, and stored files.</summary>
public sealed class SharedStateTests
{
    [Theory, AllDatabases]
    public async Task The_keys_that_sign_tokens_are_rows_of_the_database(Db db)
    {
        await using var app = await TestApp.StartAsync(db);

        await app.As("staffA").GetOkAsync("/api/cases");

        var keys = await app.WithDbAsync(d => d.DataProtectionKeys.Select(k => k.Xml).ToListAsync());
        Assert.NotEmpty(keys);
        Assert.All(keys, xml => Assert.Contains("<key id=", xml));
    }

    [Theory, AllDatabases]
    public async Task The_database_store_keeps_files_whole_replaces_and_deletes_them(Db db)
    {
        await using var app = await TestApp.StartAsync(db, new Dictionary<string, string?> { ["Storage:Kind"] = "Database" });
        var store = app.Services.GetRequiredService<IFileStore>();
        Assert.IsType<DatabaseFileStore>(store);
        var big = new byte[3 * 1024 * 1024];
        Random.Shared.NextBytes(big);

        await store.PutAsync("documents/x.docx", [1, 2, 3], CancellationToken.None);
        await store.PutAsync("documents/x.docx", big, CancellationToken.None);

        Assert.Equal(big, await store.ReadAllAsync("documents/x.docx", CancellationToken.None));
        Assert.Equal(["documents/x.docx"], await app.StoredKeysAsync("documents/"));
        await store.DeleteAsync("documents/x.docx", CancellationToken.None);
        Assert.Null(await store.OpenAsync("documents/x.docx", CancellationToken.None));
        Assert.Empty(await app.StoredKeysAsync(""));
        Assert.False(Directory.Exists(app.StorageDirectory));
    }
}
