using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Audit;
using SafeHarbor.Infrastructure.Security;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Security;

/// <summary>What the sign-in and security tests share: clients from a given address, the security events of the chain.</summary>
internal static class SecurityTestKit
{
    /// <summary>A client whose requests come from <paramref name="address"/> (as the socket's peer), not signed in.</summary>
    public static HttpClient From(TestApp app, string address) =>
        new(app.Server.CreateHandler(http => http.Connection.RemoteIpAddress = IPAddress.Parse(address))) { BaseAddress = app.Server.BaseAddress };

    /// <summary>A client signed in by the API as the account is, pending steps left pending (unlike <see cref="TestApp.As"/>).</summary>
    public static async Task<HttpClient> SignedInAsIsAsync(TestApp app, string userName, string password)
    {
        var client = app.CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", app.Cast.LoginBody(userName, password)).OkAsync();
        client.DefaultRequestHeaders.Authorization = new("Bearer", login.GetProperty("accessToken").GetString());
        return client;
    }

    public sealed record Event(string Kind, string Subject, string ActorName, JsonElement Details);

    /// <summary>The security events of the cast's bureau's chain, oldest first.</summary>
    public static Task<List<Event>> EventsAsync(TestApp app, string? kind = null) => app.WithDbAsync(async db =>
        (await db.AuditEntries.Where(e => e.EntityType == SecurityEventKinds.EntityType && (kind == null || e.Action == kind)).OrderBy(e => e.Sequence)
            .Select(e => new { e.Action, e.EntityId, e.ActorName, e.Details }).ToListAsync())
        .Select(e => new Event(e.Action, e.EntityId, e.ActorName, JsonDocument.Parse(e.Details).RootElement.Clone())).ToList());

    /// <summary>The cast's bureau's chain, security events included, still verifies.</summary>
    public static async Task AssertChainIntactAsync(TestApp app)
    {
        var verification = await app.WithDbAsync(db => AuditLog.VerifyAsync(db, app.Cast.BureauId, default));
        Assert.True(verification.IsIntact, verification.ToString());
    }
}
