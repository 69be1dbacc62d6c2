using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Persistence;

/// <summary>
/// A database with no tables at all, as an administrator has before the first <c>migrate</c>: a SQLite
/// file that does not exist yet, or a new PostgreSQL database made from the server's empty template
/// (unlike <see cref="TestDatabase"/>, which clones an already migrated one). Also a temporary folder for keys and evidence.
/// </summary>
public sealed class EmptyDatabase : IAsyncDisposable
{
    private EmptyDatabase(Db kind, string connectionString, string name, string workDirectory)
    {
        Kind = kind;
        ConnectionString = connectionString;
        Name = name;
        WorkDirectory = workDirectory;
    }

    public Db Kind { get; }
    public string ConnectionString { get; }
    public string Name { get; }
    public string WorkDirectory { get; }

    public static async Task<EmptyDatabase> CreateAsync(Db kind)
    {
        var name = $"sh_empty_{Guid.NewGuid():N}";
        var work = Path.Combine(Path.GetTempPath(), "safeharbor-tests", name);
        Directory.CreateDirectory(work);
        if (kind == Db.Sqlite)
        {
            var path = Path.Combine(work, "fresh.db");
            return new EmptyDatabase(kind, new SqliteConnectionStringBuilder { DataSource = path }.ToString(), path, work);
        }
        await using (var admin = new NpgsqlConnection(TestDatabase.PostgresServer))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'", admin);
            await create.ExecuteNonQueryAsync();
        }
        return new EmptyDatabase(kind, new NpgsqlConnectionStringBuilder(TestDatabase.PostgresServer) { Database = name }.ToString(), name, work);
    }

    /// <summary>The settings an administrator would give the commands for this database.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Database:Provider"] = Kind.ToString(),
        ["Database:ConnectionString"] = ConnectionString,
        ["Security:PasswordHashIterations"] = "1000",
        ["Storage:Directory"] = Path.Combine(WorkDirectory, "files"),
    };

    /// <summary>The provider's own context over this database.</summary>
    public SafeHarborDb Open() => Kind == Db.Sqlite
        ? new SqliteSafeHarborDb(new DbContextOptionsBuilder<SqliteSafeHarborDb>().UseSqlite(ConnectionString).Options)
        : new PostgresSafeHarborDb(new DbContextOptionsBuilder<PostgresSafeHarborDb>().UseNpgsql(ConnectionString).Options);

    public async Task<bool> HasAnyTableAsync()
    {
        if (Kind == Db.Sqlite)
        {
            if (!File.Exists(Name))
            {
                return false;
            }
            await using var sqlite = new SqliteConnection(ConnectionString);
            await sqlite.OpenAsync();
            await using var count = new SqliteCommand("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'", sqlite);
            return Convert.ToInt64(await count.ExecuteScalarAsync()) > 0;
        }
        await using var pg = new NpgsqlConnection(ConnectionString);
        await pg.OpenAsync();
        await using var tables = new NpgsqlCommand("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'", pg);
        return Convert.ToInt64(await tables.ExecuteScalarAsync()) > 0;
    }

    public async ValueTask DisposeAsync()
    {
        if (Kind == Db.Sqlite)
        {
            SqliteConnection.ClearAllPools();
        }
        else
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(TestDatabase.PostgresServer);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        if (Directory.Exists(WorkDirectory))
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
    }
}
