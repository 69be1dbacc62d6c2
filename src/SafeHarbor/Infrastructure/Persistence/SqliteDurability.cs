using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SafeHarbor.Infrastructure.Persistence;

/// <summary>
/// Every SQLite connection of the app runs with <c>PRAGMA synchronous=FULL</c>. In WAL mode SQLite's default,
/// NORMAL, fsyncs the log only at checkpoints, so a power cut can lose transactions that were already answered
/// with 2xx; FULL fsyncs the log at every commit, so a committed command survives the loss of power. The pragma
/// is not stored in the file and Microsoft.Data.Sqlite's connection string has no keyword for it, hence this
/// interceptor on each opening (also of a pooled connection: it costs one statement, no disk access).
/// Journal mode WAL itself is stored in the file (<see cref="DatabaseSetup.MigrateAsync"/>).
/// </summary>
public sealed class SqliteDurability : DbConnectionInterceptor
{
    public static readonly SqliteDurability Instance = new();

    /// <summary>The statement each connection runs when it opens.</summary>
    public const string Pragma = "PRAGMA synchronous=FULL;";

    private SqliteDurability()
    {
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }
}
