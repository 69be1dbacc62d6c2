using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SafeHarbor.Calendar;
using SafeHarbor.IntegrationTests.Policies;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Startup;

/// <summary>
/// Start-up never dies on data: a broken policy file, holiday file or document template is one Chinese line and a
/// degraded <c>/health</c>, and what does not depend on the broken file keeps working.
/// </summary>
public sealed class DataFileStartupTests
{
    [Theory, AllDatabases]
    public async Task A_malformed_policy_file_leaves_the_app_running_and_health_says_what_is_wrong(Db db)
    {
        using var files = MalformedPolicyTests.WithUnknownRule();
        await using var host = await StartedHost.StartAsync(db, files.Settings);

        var health = await host.HealthAsync();

        Assert.Equal("Degraded", health.GetProperty("status").GetString());
        var problem = Assert.Single(health.GetProperty("problems").EnumerateArray());
        Assert.Equal("policies", problem.GetProperty("part").GetString());
        var message = problem.GetProperty("message").GetString()!;
        Assert.StartsWith("容错免责办法文件有误，办理功能暂不可用", message);
        Assert.Contains("other-bureau-2026.json", message);
        Assert.Contains("rule“Art4NoSuchRule”不存在", message);
    }

    [Theory, AllDatabases]
    public async Task A_broken_added_holiday_file_is_left_out_and_its_year_falls_back_on_the_law(Db db)
    {
        var added = Directory.CreateTempSubdirectory("safeharbor-added-calendar-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(added.FullName, "2027.json"), """{ "year": 2027, "notice": "x", "holidays": [ { "name": "元旦", "off": ["2027-01-01"] } ] }""");
            await using var host = await StartedHost.StartAsync(db, new Dictionary<string, string?> { ["Calendar:AddedDirectory"] = added.FullName });

            var health = await host.HealthAsync();

            Assert.Equal("Degraded", health.GetProperty("status").GetString());
            var problem = Assert.Single(health.GetProperty("problems").EnumerateArray());
            Assert.Equal("calendar", problem.GetProperty("part").GetString());
            Assert.Contains("2027.json", problem.GetProperty("message").GetString());
            Assert.Contains("已暂不采用", problem.GetProperty("message").GetString());
            var calendar = host.Services.GetRequiredService<WorkingDayCalendar>();
            Assert.True(calendar.Describe(new DateOnly(2027, 1, 1)) is { Kind: DayKind.Holiday, Provisional: true });
        }
        finally
        {
            added.Delete(recursive: true);
        }
    }

    [Theory, AllDatabases]
    public async Task A_broken_document_template_leaves_the_app_running_and_health_names_the_file(Db db)
    {
        var templates = Directory.CreateTempSubdirectory("safeharbor-templates-");
        try
        {
            foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Documents", "Templates"), "*.json"))
            {
                File.Copy(file, Path.Combine(templates.FullName, Path.GetFileName(file)));
            }
            await File.WriteAllTextAsync(Path.Combine(templates.FullName, "feedback-notice.json"), "{ \"kind\": ");
            await using var host = await StartedHost.StartAsync(db, new Dictionary<string, string?> { ["Documents:TemplateDirectory"] = templates.FullName });

            var health = await host.HealthAsync();

            Assert.Equal("Degraded", health.GetProperty("status").GetString());
            var problem = Assert.Single(health.GetProperty("problems").EnumerateArray());
            Assert.Equal("templates", problem.GetProperty("part").GetString());
            Assert.Contains("feedback-notice.json", problem.GetProperty("message").GetString());
        }
        finally
        {
            templates.Delete(recursive: true);
        }
    }

    [Theory, AllDatabases]
    public async Task With_every_data_file_in_order_health_is_healthy_and_says_how_far_the_calendar_reaches(Db db)
    {
        await using var host = await StartedHost.StartAsync(db, new Dictionary<string, string?>());

        var health = await host.HealthAsync();

        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.Empty(health.GetProperty("problems").EnumerateArray());
        Assert.StartsWith("节假日安排：已载入 2018–", health.GetProperty("calendar").GetString());
    }

    /// <summary>The app as Program starts it (migrations, data-file checks, no demo), on its own database and folders.</summary>
    private sealed class StartedHost : WebApplicationFactory<Program>
    {
        private readonly Dictionary<string, string?> settings;
        private readonly TestDatabase database;
        private readonly string work;

        private StartedHost(TestDatabase database, string work, IDictionary<string, string?> overrides)
        {
            this.database = database;
            this.work = work;
            settings = HostSettings.For(database, work, seedDemo: false, overrides);
        }

        public static async Task<StartedHost> StartAsync(Db db, IDictionary<string, string?> overrides)
        {
            var host = new StartedHost(await TestDatabase.CreateAsync(db), HostSettings.NewWorkDirectory(), overrides);
            _ = host.Server;
            return host;
        }

        public async Task<JsonElement> HealthAsync()
        {
            using var client = CreateClient();
            var response = await client.GetAsync("/health");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(settings));
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await database.DisposeAsync();
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }
}
