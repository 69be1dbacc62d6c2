using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace SafeHarbor.IntegrationTests.Support;

/// <summary>
/// The app exactly as Program starts it on the settings given, over appsettings.json and nothing seeded by the test
/// (no <see cref="Cast"/>): what an operator has on a new installation. The test owns the database.
/// </summary>
public sealed class BareHost(IDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    /// <summary>Starts Program (migrations and start-up tasks as configured).</summary>
    public static BareHost Start(IDictionary<string, string?> settings)
    {
        var host = new BareHost(settings);
        _ = host.Server;
        return host;
    }

    /// <summary>The status code and JSON body of a health probe.</summary>
    public async Task<(int Status, JsonElement Body)> ProbeAsync(string path)
    {
        using var client = CreateClient();
        using var response = await client.GetAsync(path);
        return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(c => c
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" })
            .AddInMemoryCollection(settings));
    }
}
