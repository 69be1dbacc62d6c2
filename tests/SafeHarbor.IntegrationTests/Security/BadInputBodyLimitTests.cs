using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.IntegrationTests.BrowserUi;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Security;

/// <summary>A JSON body over the limit (2 MB by default) is refused by the server with a Chinese 413 before it is read; nothing is written.</summary>
public sealed class BadInputBodyLimitTests
{
    [SqliteOnly("the limit is Kestrel's (the in-memory test server has none), and it is the same whichever database is behind it")]
    public async Task A_json_body_over_the_limit_gets_a_Chinese_413_and_nothing_is_written()
    {
        await using var app = await KestrelApp.StartAsync();
        using var arrange = new ApiArrange(app);
        var client = arrange.As("inv");
        async Task<(int Audit, int Cases)> CountAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SafeHarborDb>();
            return (await db.AuditEntries.IgnoreQueryFilters().CountAsync(), await db.Cases.IgnoreQueryFilters().CountAsync());
        }
        var before = await CountAsync();

        var body = $"{{\"title\": \"标题\", \"description\": \"{new string('x', 3 * 1024 * 1024)}\", \"businessField\": \"食品安全\", \"startedBy\": \"局党组\", "
            + $"\"accountabilityStartedOn\": \"{app.Clock.Today:yyyy-MM-dd}\", \"subjects\": [{{\"kind\": \"Person\", \"id\": \"{app.Cast.PersonOf["staffA"]}\"}}]}}";
        using var response = await client.PostAsync("/api/cases", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Null(await BadInput.ProblemWith(response, HttpStatusCode.RequestEntityTooLarge, "too-large"));

        // Under the limit, a long text is the field's own refusal, in Chinese.
        var shorter = body.Replace(new string('x', 3 * 1024 * 1024), new string('x', 60_000), StringComparison.Ordinal);
        using var refused = await client.PostAsync("/api/cases", new StringContent(shorter, Encoding.UTF8, "application/json"));
        Assert.Null(await BadInput.ProblemWith(refused, HttpStatusCode.BadRequest, "invalid-text"));
        Assert.Equal(before, await CountAsync());
    }
}
