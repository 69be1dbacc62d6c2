using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using SafeHarbor.Infrastructure.Security;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Security;

public sealed class SignInTimingTests
{
    /// <summary>
    /// A security property, not a speed goal: the time of a refusal must not tell whether the user name exists. Each
    /// name signs in from its own address so neither is locked; the medians of 15 tries must be within a factor of 3.
    /// </summary>
    [SqliteOnly("the difference measured is the password hash, the same on either database")]
    public async Task A_wrong_password_and_an_unknown_user_name_take_about_the_same_time()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        var iterations = int.Parse(app.Settings["Security:PasswordHashIterations"]!);
        // The dummy hash is made with the configured cost: version byte 1, PRF (4 bytes), iteration count (4 bytes, big-endian).
        var dummy = Convert.FromBase64String(app.Services.GetRequiredService<DummyPasswordHash>().Hash);
        Assert.Equal(iterations, (dummy[5] << 24) | (dummy[6] << 16) | (dummy[7] << 8) | dummy[8]);

        async Task<double> MedianAsync(string userName, int block)
        {
            var times = new List<double>();
            for (var i = 0; i < 15; i++)
            {
                using var from = SecurityTestKit.From(app, $"198.51.{block}.{i + 1}");
                var watch = Stopwatch.StartNew();
                using var response = await from.PostAsJsonAsync("/api/auth/login", new { userName, password = "Guess@2026x" });
                times.Add(watch.Elapsed.TotalMilliseconds);
                Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
            }
            return times.Order().ElementAt(times.Count / 2);
        }
        await MedianAsync("staffA", 90); // warm up both paths
        await MedianAsync("nobody-at-all", 91);
        var existing = await MedianAsync("staffB", 100);
        var unknown = await MedianAsync("nobody-here", 101);
        Assert.True(unknown * 3 >= existing && existing * 3 >= unknown, $"median {existing:F1} ms for an existing name, {unknown:F1} ms for an unknown one");
    }
}
