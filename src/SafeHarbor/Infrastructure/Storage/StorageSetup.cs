using SafeHarbor.Infrastructure.Persistence;

namespace SafeHarbor.Infrastructure.Storage;

/// <summary>
/// Chooses the file store from configuration when it is first used: <c>Storage:Kind</c> = <c>Database</c>
/// or <c>Folder</c>; unset, PostgreSQL keeps files in the database (several nodes share nothing else) and
/// SQLite in the folder <c>Storage:Directory</c> (default <c>data</c>): a SQLite database serves one node
/// only, and a 50 MB file written into it would hold its single write lock for every other command.
/// </summary>
public static class StorageSetup
{
    public const string DefaultDirectory = "data";

    public static StorageKind KindFrom(IConfiguration configuration)
    {
        var value = configuration["Storage:Kind"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return DatabaseSetup.ProviderFrom(configuration) == DatabaseProvider.Postgres ? StorageKind.Database : StorageKind.Folder;
        }
        return Enum.TryParse<StorageKind>(value, ignoreCase: true, out var kind) && Enum.IsDefined(kind)
            ? kind
            : throw new InvalidOperationException($"Storage:Kind 的值“{value}”无效，应为 Database 或 Folder。");
    }

    public static string DirectoryFrom(IConfiguration configuration) =>
        configuration["Storage:Directory"] is { Length: > 0 } directory ? directory : DefaultDirectory;

    public static IServiceCollection AddFileStorage(this IServiceCollection services)
    {
        services.AddSingleton<IFileStore>(sp =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();
            return KindFrom(configuration) == StorageKind.Database
                ? ActivatorUtilities.CreateInstance<DatabaseFileStore>(sp)
                : new FolderFileStore(DirectoryFrom(configuration));
        });
        services.AddSingleton(sp => NodeIdentity.From(sp.GetRequiredService<IConfiguration>()));
        return services;
    }
}

/// <summary>
/// The name this process gives itself among the nodes of one database, e.g. as the owner of a PDF job it
/// converts: <c>Node:Name</c>, or the machine name, the process id and a random suffix (a restarted
/// process on the same machine is another node: its predecessor's work is not its own).
/// </summary>
public sealed record NodeIdentity(string Name)
{
    public static NodeIdentity From(IConfiguration configuration) =>
        new(configuration["Node:Name"] is { Length: > 0 } name
            ? name.Trim()
            : $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}");

    public override string ToString() => Name;
}
