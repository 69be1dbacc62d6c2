using Microsoft.Extensions.Configuration;
using SafeHarbor.Infrastructure.Storage;

namespace SafeHarbor.Tests.Storage;

/// <summary>The folder store keeps whole files under its root only, and the store and node name follow configuration.</summary>
public sealed class FileStoreTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "safeharbor-folder-store-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task A_file_put_is_read_back_whole_replaced_whole_and_deleted_and_no_temporary_file_stays()
    {
        var store = new FolderFileStore(root);

        await store.PutAsync("evidence/a.bin", [1, 2, 3], CancellationToken.None);
        await store.PutAsync("evidence/a.bin", [4, 5], CancellationToken.None);

        Assert.Equal([4, 5], await store.ReadAllAsync("evidence/a.bin", CancellationToken.None));
        Assert.Equal([Path.Combine(root, "evidence", "a.bin")], Directory.GetFiles(root, "*", SearchOption.AllDirectories));
        await store.DeleteAsync("evidence/a.bin", CancellationToken.None);
        Assert.Null(await store.ReadAllAsync("evidence/a.bin", CancellationToken.None));
        await store.DeleteAsync("evidence/a.bin", CancellationToken.None);
    }

    [Theory]
    [InlineData("../keys/key.xml")]
    [InlineData("/etc/passwd")]
    [InlineData("evidence/../../x")]
    [InlineData("evidence\\x.bin")]
    [InlineData("")]
    public async Task A_key_that_could_leave_the_root_is_refused(string key)
    {
        var store = new FolderFileStore(root);

        await Assert.ThrowsAsync<ArgumentException>(() => store.PutAsync(key, [1], CancellationToken.None));
        Assert.False(Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories).Any());
    }

    [Theory]
    [InlineData("Postgres", null, StorageKind.Database)]
    [InlineData("Sqlite", null, StorageKind.Folder)]
    [InlineData(null, null, StorageKind.Folder)]
    [InlineData("Postgres", "Folder", StorageKind.Folder)]
    [InlineData("Sqlite", "database", StorageKind.Database)]
    public void Files_go_to_the_database_on_postgres_and_to_the_folder_on_sqlite_unless_configured(string? provider, string? kind, StorageKind expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["Storage:Kind"] = kind,
        }).Build();

        Assert.Equal(expected, StorageSetup.KindFrom(configuration));
    }

    [Fact]
    public void An_unknown_storage_kind_is_refused_in_chinese()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Kind"] = "S3" }).Build();

        var e = Assert.Throws<InvalidOperationException>(() => StorageSetup.KindFrom(configuration));
        Assert.Equal("Storage:Kind 的值“S3”无效，应为 Database 或 Folder。", e.Message);
    }

    [Fact]
    public void A_node_is_named_by_configuration_or_else_by_machine_process_and_a_random_suffix()
    {
        var named = NodeIdentity.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Node:Name"] = " app-1 " }).Build());
        var empty = new ConfigurationBuilder().Build();

        Assert.Equal("app-1", named.Name);
        Assert.StartsWith($"{Environment.MachineName}-{Environment.ProcessId}-", NodeIdentity.From(empty).Name);
        Assert.NotEqual(NodeIdentity.From(empty), NodeIdentity.From(empty));
    }
}
