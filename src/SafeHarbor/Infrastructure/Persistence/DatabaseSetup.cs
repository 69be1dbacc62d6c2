using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace SafeHarbor.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Chooses the provider from configuration: SQLite under ./data by default,
/// PostgreSQL with <c>Database:Provider=Postgres</c> and <c>Database:ConnectionString</c>.
/// </summary>
public static class DatabaseSetup
{
    public const string DefaultSqlitePath = "data/safeharbor.db";

    public static DatabaseProvider ProviderFrom(IConfiguration configuration)
    {
        var value = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return DatabaseProvider.Sqlite;
        }
        return Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider)
            ? provider
            : throw new InvalidOperationException($"Database:Provider 的值“{value}”无效，应为 Sqlite 或 Postgres。");
    }

    public static string ConnectionStringFrom(IConfiguration configuration, DatabaseProvider provider)
    {
        var configured = configuration["Database:ConnectionString"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }
        if (provider == DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException("使用 PostgreSQL 时须配置 Database:ConnectionString（例如 Host=127.0.0.1;Database=safeharbor;Username=...）。");
        }
        return new SqliteConnectionStringBuilder { DataSource = DefaultSqlitePath }.ToString();
    }

    /// <summary>
    /// Registers both providers' contexts and picks one per scope from configuration read when it is
    /// resolved, so hosts that add configuration late (tests, the CLI) are honoured.
    /// </summary>
    public static IServiceCollection AddPersistence(this IServiceCollection services)
    {
        services.AddDbContext<SqliteSafeHarborDb>((sp, o) =>
        {
            var connectionString = ConnectionStringFrom(sp.GetRequiredService<IConfiguration>(), DatabaseProvider.Sqlite);
            EnsureSqliteDirectory(connectionString);
            o.UseSqlite(connectionString, s => s.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
                .AddInterceptors(SqliteDurability.Instance);
        });
        services.AddDbContext<PostgresSafeHarborDb>((sp, o) =>
            o.UseNpgsql(ConnectionStringFrom(sp.GetRequiredService<IConfiguration>(), DatabaseProvider.Postgres),
                n => n.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)));
        services.AddScoped<SafeHarborDb>(sp => ProviderFrom(sp.GetRequiredService<IConfiguration>()) == DatabaseProvider.Postgres
            ? sp.GetRequiredService<PostgresSafeHarborDb>()
            : sp.GetRequiredService<SqliteSafeHarborDb>());
        services.AddSingleton<WriteLock>();
        services.AddScoped<CommandRunner>();
        return services;
    }

    /// <summary>
    /// Applies pending migrations; on SQLite also switches the file to write-ahead logging (kept in the file, so
    /// every later connection is in WAL; <c>synchronous=FULL</c> is per connection: <see cref="SqliteDurability"/>).
    /// </summary>
    public static async Task MigrateAsync(SafeHarborDb db, CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }

    /// <summary>
    /// Why this node cannot serve from the database now, in Chinese; null when it is reachable and every migration
    /// of this version is applied. Start-up (with <c>Database:MigrateAtStart=false</c>) and <c>/health/ready</c> ask it.
    /// </summary>
    public static async Task<string?> NotReadyReasonAsync(SafeHarborDb db, CancellationToken ct = default)
    {
        try
        {
            List<string> pending;
            if (await db.Database.CanConnectAsync(ct))
            {
                pending = [.. await db.Database.GetPendingMigrationsAsync(ct)];
            }
            else if (db.Database.IsSqlite()
                && !File.Exists(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource))
            {
                // A file not made yet is a new database, every migration pending. Not opened here, which would create it.
                // (An existing file that cannot be opened — not a database, unreadable — is a connection failure.)
                pending = [.. db.Database.GetMigrations()];
            }
            else
            {
                return $"无法连接数据库（{ProviderOf(db)}），请检查 Database:ConnectionString 和数据库服务。";
            }
            return pending.Count == 0
                ? null
                : $"数据库结构不是最新：有 {pending.Count} 个迁移尚未应用（{string.Join("、", pending.Select(m => m[(m.IndexOf('_') + 1)..]))}）。"
                  + "请运行 safeharbor migrate，完成后本节点自动就绪。";
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            return $"无法连接数据库（{ProviderOf(db)}）：{e.Message}";
        }
    }

    private static string ProviderOf(SafeHarborDb db) => db.Database.IsNpgsql() ? "PostgreSQL" : "SQLite";

    private static void EnsureSqliteDirectory(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }
}

/// <summary>
/// On SQLite, which has one writer at a time, serialises this process's writes so none waits on a busy
/// database file. On PostgreSQL it lets everything through: a command locks its bureau's chain head row
/// (<see cref="CommandRunner"/>), which holds across processes and leaves other bureaus free.
/// </summary>
public sealed class WriteLock(IConfiguration configuration)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Lazy<bool> serialises = new(() => DatabaseSetup.ProviderFrom(configuration) == DatabaseProvider.Sqlite);

    public async Task<IDisposable> AcquireAsync(CancellationToken ct)
    {
        if (!serialises.Value)
        {
            return new Releaser(null);
        }
        await gate.WaitAsync(ct);
        return new Releaser(gate);
    }

    private sealed class Releaser(SemaphoreSlim? gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (gate is not null && Interlocked.Exchange(ref released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
