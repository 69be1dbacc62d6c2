using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Durability;

/// <summary>
/// SQLite runs in WAL with <c>synchronous=FULL</c>: a commit answered with 2xx is in the fsynced log, so a power cut
/// does not take it back (NORMAL, WAL's default, fsyncs only at checkpoints). Read from the app's own context.
/// </summary>
public sealed class SqlitePragmaTests
{
    [SqliteOnly("journal_mode and synchronous are SQLite pragmas; PostgreSQL commits durably by its own settings (fsync, synchronous_commit)")]
    public async Task SqlitePragma_every_connection_of_the_apps_context_runs_in_wal_with_synchronous_full()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        // Several scopes: the first connection and connections handed back by the pool.
        for (var i = 0; i < 3; i++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SafeHarborDb>();
            await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
            try
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = "PRAGMA synchronous";
                Assert.Equal(2L, await command.ExecuteScalarAsync(TestContext.Current.CancellationToken)); // 2 = FULL
                command.CommandText = "PRAGMA journal_mode";
                Assert.Equal("wal", await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}
