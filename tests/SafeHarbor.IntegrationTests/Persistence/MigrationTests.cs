using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.IntegrationTests.Cli;
using SafeHarbor.IntegrationTests.Documents;
using SafeHarbor.IntegrationTests.Support;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.IntegrationTests.Persistence;

/// <summary>Each provider keeps its own migrations; they must build the current model exactly, on an empty database and at app start.</summary>
public sealed class MigrationTests
{
    [Theory, AllDatabases]
    public async Task The_started_app_has_applied_every_migration_and_the_model_has_no_changes_missing_from_them(Db db)
    {
        await using var app = await TestApp.StartAsync(db);

        await app.WithDbAsync(async context =>
        {
            Assert.IsType(db == Db.Sqlite ? typeof(SqliteSafeHarborDb) : typeof(PostgresSafeHarborDb), context);
            Assert.Equal(db == Db.Sqlite, context.Database.IsSqlite());
            Assert.Equal(db == Db.Postgres, context.Database.IsNpgsql());
            Assert.Empty(await context.Database.GetPendingMigrationsAsync());
            Assert.Equal(context.Database.GetMigrations(), await context.Database.GetAppliedMigrationsAsync());
            Assert.False(context.Database.HasPendingModelChanges(), $"the {db} model has changes no migration contains: add a migration for it");
        });
    }

    [Theory, AllDatabases]
    public async Task The_migrate_command_builds_an_empty_database_to_the_current_model_and_can_run_again(Db db)
    {
        await using var fresh = await EmptyDatabase.CreateAsync(db);
        Assert.False(await fresh.HasAnyTableAsync());

        var first = await AdminCli.RunAsync(["migrate"], fresh.Settings());
        var second = await AdminCli.RunAsync(["migrate"], fresh.Settings());

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal([$"数据库已是最新结构（{db}）。"], second.OutputLines);
        await using var context = fresh.Open();
        Assert.Equal(context.Database.GetMigrations(), await context.Database.GetAppliedMigrationsAsync());
        Assert.False(context.Database.HasPendingModelChanges());
        Assert.Equal(0, await context.Cases.CountAsync());
        Assert.Equal(0, await context.AuditEntries.CountAsync());
    }

    [Theory, AllDatabases]
    public async Task Decisions_taken_before_the_meeting_title_was_kept_get_it_from_the_meetings_table(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var procedure = new Support.Procedure(app);
        foreach (var subject in new[] { "staffA", "staffB" })
        {
            await procedure.DecideAtMeetingAsync(await procedure.ReportedCaseAsync(subject), Outcome.Exempted);
        }
        // Unscoped: after the way down and up the rows belong to the bureau the Bureaus migration makes for old data.
        async Task<T> Unscoped<T>(Func<SafeHarborDb, Task<T>> work)
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await work(scope.ServiceProvider.GetRequiredService<SafeHarborDb>());
        }
        var expected = await Unscoped(async context =>
        {
            var meetings = await context.Set<Features.Determination.Meeting>().AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.Title);
            return (await context.Cases.AsNoTracking().Where(c => c.Decision != null).ToListAsync())
                .ToDictionary(c => c.Number, c => meetings[c.Decision!.MeetingId]);
        });
        Assert.Equal(2, expected.Count);

        // Back to the database as it was before the column and before bureaus (ADR 11: migrations are kept), then forward again.
        await Unscoped(async context =>
        {
            var migrator = context.GetService<IMigrator>();
            await migrator.MigrateAsync(context.Database.GetMigrations().Single(m => m.EndsWith("_Initial", StringComparison.Ordinal)));
            await migrator.MigrateAsync();
            return 0;
        });

        var titles = await Unscoped(async context =>
            (await context.Cases.AsNoTracking().Where(c => c.Decision != null).ToListAsync()).ToDictionary(c => c.Number, c => c.Decision!.MeetingTitle));
        Assert.Equal(expected, titles);
        // A single-bureau database's rows, chain and accounts all belong to the one bureau the migration writes.
        var (bureaus, owners) = await Unscoped(async context => (
            await context.Bureaus.AsNoTracking().Select(b => b.Code + " " + b.Name).ToListAsync(),
            await context.Cases.AsNoTracking().Select(c => c.BureauId).Concat(context.AuditEntries.Select(e => e.BureauId)).Concat(context.Users.Select(u => u.BureauId)).Distinct().ToListAsync()));
        Assert.Equal(["qh 青禾市市场监督管理局"], bureaus);
        Assert.Equal([MigrationData.LegacyBureauId], owners);
    }

    [SqliteOnly("write-ahead logging is a property of the SQLite file")]
    public async Task The_sqlite_database_runs_in_write_ahead_logging_mode()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);

        // journal_mode=WAL is stored in the file itself: a brand-new connection that sets nothing reports it.
        SqliteConnection.ClearPool(new SqliteConnection(app.Database.ConnectionString));
        await using var connection = new SqliteConnection(app.Database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var pragma = new SqliteCommand("PRAGMA journal_mode", connection);
        Assert.Equal("wal", await pragma.ExecuteScalarAsync(TestContext.Current.CancellationToken) as string);
        Assert.True(File.Exists(app.Database.Name + "-wal") || File.Exists(app.Database.Name + "-shm"),
            "a database in WAL mode keeps its -wal and -shm files beside it while open");
    }
}
