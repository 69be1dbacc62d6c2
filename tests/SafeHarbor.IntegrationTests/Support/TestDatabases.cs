using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SafeHarbor.Infrastructure.Persistence;
using Xunit.Sdk;
using Xunit.v3;

namespace SafeHarbor.IntegrationTests.Support;

public enum Db
{
    Sqlite,
    Postgres,
}

/// <summary>Runs a theory once on a real SQLite file and once on the real PostgreSQL server.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AllDatabasesAttribute : DataAttribute
{
    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker) =>
        new([new TheoryDataRow(Db.Sqlite), new TheoryDataRow(Db.Postgres)]);

    public override bool SupportsDiscoveryEnumeration() => true;
}

/// <summary>A database of its own for one test: a new SQLite file, or a new PostgreSQL database cloned from a migrated template.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? templateName;

    private TestDatabase(Db kind, string connectionString, string name)
    {
        Kind = kind;
        ConnectionString = connectionString;
        Name = name;
    }

    public Db Kind { get; }
    public string ConnectionString { get; }
    public string Name { get; }

    /// <summary>The PostgreSQL server that ./test.sh starts; without it the PostgreSQL half of the tests fails, never silently skips.</summary>
    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("SAFEHARBOR_TEST_POSTGRES")
        ?? throw new InvalidOperationException(
            "SAFEHARBOR_TEST_POSTGRES is not set: run the tests with ./test.sh, which starts PostgreSQL on 127.0.0.1 and sets it.");

    public static async Task<TestDatabase> CreateAsync(Db kind)
    {
        var name = $"sh_{Guid.NewGuid():N}";
        if (kind == Db.Sqlite)
        {
            var directory = Path.Combine(Path.GetTempPath(), "safeharbor-tests");
            Directory.CreateDirectory(directory);
            var path = Path.Combine(directory, name + ".db");
            return new TestDatabase(kind, new SqliteConnectionStringBuilder { DataSource = path }.ToString(), path);
        }
        var template = await EnsureTemplateAsync();
        await using (var admin = new NpgsqlConnection(PostgresServer))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        return new TestDatabase(kind, new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ToString(), name);
    }

    /// <summary>Migrates one template database per migration set; every test database is a copy of it.</summary>
    private static async Task<string> EnsureTemplateAsync()
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (templateName is not null)
            {
                return templateName;
            }
            var options = new DbContextOptionsBuilder<PostgresSafeHarborDb>().UseNpgsql(PostgresServer).Options;
            string lastMigration;
            await using (var probe = new PostgresSafeHarborDb(options))
            {
                lastMigration = probe.Database.GetMigrations().Last();
            }
            var name = $"sh_template_{lastMigration.ToLowerInvariant()}";
            await using var admin = new NpgsqlConnection(PostgresServer);
            await admin.OpenAsync();
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", admin);
            exists.Parameters.AddWithValue("n", name);
            if (await exists.ExecuteScalarAsync() is null)
            {
                var building = name + "_building";
                await Execute(admin, $"DROP DATABASE IF EXISTS \"{building}\" WITH (FORCE)");
                await Execute(admin, $"CREATE DATABASE \"{building}\"");
                var buildingConnection = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = building, Pooling = false }.ToString();
                await using (var db = new PostgresSafeHarborDb(new DbContextOptionsBuilder<PostgresSafeHarborDb>().UseNpgsql(buildingConnection).Options))
                {
                    await db.Database.MigrateAsync();
                }
                await Execute(admin, $"ALTER DATABASE \"{building}\" RENAME TO \"{name}\"");
            }
            templateName = name;
            return name;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Kind == Db.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(Name + suffix);
            }
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(PostgresServer);
        await admin.OpenAsync();
        await Execute(admin, $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }
}
