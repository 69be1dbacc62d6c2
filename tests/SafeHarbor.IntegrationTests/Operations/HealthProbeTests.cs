using SafeHarbor.IntegrationTests.Cli;
using SafeHarbor.IntegrationTests.Persistence;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Operations;

/// <summary>
/// <c>/health/live</c> answers while the process serves; <c>/health/ready</c> says whether this node can serve:
/// the database reachable and migrated, LibreOffice present. With <c>Database:MigrateAtStart=false</c> a node never
/// migrates: it starts, is not ready with the reason in Chinese, and becomes ready once <c>migrate</c> has run.
/// </summary>
public sealed class HealthProbeTests
{
    /// <summary>Any file that exists stands in for soffice: the probe asks whether LibreOffice is there, it does not run it.</summary>
    private static readonly string PresentLibreOffice = Environment.ProcessPath!;

    private static string Check(System.Text.Json.JsonElement body, string name) =>
        body.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name).GetProperty("status").GetString()!;

    private static string Reason(System.Text.Json.JsonElement body, string name) =>
        body.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name).GetProperty("description").GetString()!;

    [Theory, AllDatabases]
    public async Task With_migrations_at_start_off_an_empty_database_is_left_alone_and_ready_says_why_until_migrate_has_run(Db db)
    {
        await using var database = await EmptyDatabase.CreateAsync(db);
        var settings = database.Settings();
        settings["Database:MigrateAtStart"] = "false";
        settings["Documents:LibreOffice"] = PresentLibreOffice;
        await using var host = BareHost.Start(settings);

        var live = await host.ProbeAsync("/health/live");
        var notReady = await host.ProbeAsync("/health/ready");

        Assert.Equal(200, live.Status);
        Assert.Equal("Healthy", live.Body.GetProperty("status").GetString());
        Assert.Equal(503, notReady.Status);
        Assert.Equal("Unhealthy", notReady.Body.GetProperty("status").GetString());
        Assert.Equal("Unhealthy", Check(notReady.Body, "database"));
        Assert.StartsWith("数据库结构不是最新：有 ", Reason(notReady.Body, "database"));
        Assert.Contains("请运行 safeharbor migrate", Reason(notReady.Body, "database"));
        Assert.False(await database.HasAnyTableAsync(), "the node migrated although Database:MigrateAtStart is false");

        var migrate = await AdminCli.RunAsync(["migrate"], settings);
        Assert.True(migrate.ExitCode == 0, migrate.ToString());

        var ready = await host.ProbeAsync("/health/ready");
        Assert.Equal(200, ready.Status);
        Assert.Equal("Healthy", ready.Body.GetProperty("status").GetString());
        Assert.Equal("数据库可以访问，结构是最新的。", Reason(ready.Body, "database"));
        Assert.Equal("Healthy", Check(ready.Body, "libreoffice"));
    }

    [Theory, AllDatabases]
    public async Task With_migrations_at_start_on_by_default_a_new_database_is_migrated_and_ready(Db db)
    {
        await using var database = await EmptyDatabase.CreateAsync(db);
        var settings = database.Settings();
        settings["Documents:LibreOffice"] = PresentLibreOffice;
        await using var host = BareHost.Start(settings);

        var ready = await host.ProbeAsync("/health/ready");

        Assert.Equal(200, ready.Status);
        Assert.Equal("Healthy", ready.Body.GetProperty("status").GetString());
        Assert.True(await database.HasAnyTableAsync());
    }

    [Theory, AllDatabases]
    public async Task A_database_that_does_not_answer_makes_the_node_not_ready_but_still_live(Db db)
    {
        await using var database = await EmptyDatabase.CreateAsync(db);
        var settings = database.Settings();
        settings["Database:MigrateAtStart"] = "false";
        settings["Documents:LibreOffice"] = PresentLibreOffice;
        if (db == Db.Sqlite)
        {
            var notADatabase = Path.Combine(database.WorkDirectory, "not-a-database.db");
            await File.WriteAllTextAsync(notADatabase, "this file is not an SQLite database, as a disk gone wrong would leave it ............................................................................................");
            settings["Database:ConnectionString"] = $"Data Source={notADatabase}";
        }
        else
        {
            settings["Database:ConnectionString"] = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = "sh_no_such_database", Timeout = 3 }.ToString();
        }
        await using var host = BareHost.Start(settings);

        var live = await host.ProbeAsync("/health/live");
        var ready = await host.ProbeAsync("/health/ready");

        Assert.Equal(200, live.Status);
        Assert.Equal(503, ready.Status);
        Assert.StartsWith("无法连接数据库", Reason(ready.Body, "database"));
    }

    [SqliteOnly("whether LibreOffice is installed does not depend on the database")]
    public async Task Without_libreoffice_the_node_stays_ready_as_degraded_unless_libreoffice_is_required()
    {
        await using var database = await EmptyDatabase.CreateAsync(Db.Sqlite);
        var settings = database.Settings();
        settings["Documents:LibreOffice"] = Path.Combine(database.WorkDirectory, "no-soffice");
        await using (var host = BareHost.Start(settings))
        {
            var ready = await host.ProbeAsync("/health/ready");

            Assert.Equal(200, ready.Status);
            Assert.Equal("Degraded", ready.Body.GetProperty("status").GetString());
            Assert.Equal("Degraded", Check(ready.Body, "libreoffice"));
            Assert.StartsWith("未找到 LibreOffice（Documents:LibreOffice 指向的 ", Reason(ready.Body, "libreoffice"));
            Assert.Contains("无法生成 PDF", Reason(ready.Body, "libreoffice"));
        }

        settings["Health:RequireLibreOffice"] = "true";
        await using (var strict = BareHost.Start(settings))
        {
            var ready = await strict.ProbeAsync("/health/ready");

            Assert.Equal(503, ready.Status);
            Assert.Equal("Unhealthy", Check(ready.Body, "libreoffice"));
        }
    }
}
