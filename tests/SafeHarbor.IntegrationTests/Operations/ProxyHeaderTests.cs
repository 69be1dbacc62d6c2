using System.Net;
using Microsoft.AspNetCore.Http;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Operations;

/// <summary>
/// Behind nginx: X-Forwarded-For and X-Forwarded-Proto are believed from a trusted proxy only (loopback by default,
/// others from <c>ForwardedHeaders:KnownProxies</c> or <c>KnownNetworks</c>), so a client cannot claim another address.
/// </summary>
public sealed class ProxyHeaderTests
{
    private static async Task<HttpContext> FromAsync(TestApp app, string peer)
    {
        return await app.Server.SendAsync(http =>
        {
            http.Connection.RemoteIpAddress = IPAddress.Parse(peer);
            http.Request.Method = "GET";
            http.Request.Path = "/health/live";
            http.Request.Headers["X-Forwarded-For"] = "203.0.113.9";
            http.Request.Headers["X-Forwarded-Proto"] = "https";
        });
    }

    [SqliteOnly("the proxy headers are read before any database is opened")]
    public async Task Forwarded_headers_are_believed_from_loopback_and_configured_proxies_only()
    {
        await using (var defaults = await TestApp.StartAsync(Db.Sqlite))
        {
            var viaLocalNginx = await FromAsync(defaults, "127.0.0.1");
            Assert.Equal(IPAddress.Parse("203.0.113.9"), viaLocalNginx.Connection.RemoteIpAddress);
            Assert.Equal("https", viaLocalNginx.Request.Scheme);

            var stranger = await FromAsync(defaults, "10.1.2.3");
            Assert.Equal(IPAddress.Parse("10.1.2.3"), stranger.Connection.RemoteIpAddress);
            Assert.Equal("http", stranger.Request.Scheme);
        }

        await using var configured = await TestApp.StartAsync(Db.Sqlite, new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownProxies:0"] = "10.1.2.3",
            ["ForwardedHeaders:KnownNetworks"] = "192.168.50.0/24, 172.16.0.0/12",
        });
        Assert.Equal(IPAddress.Parse("203.0.113.9"), (await FromAsync(configured, "10.1.2.3")).Connection.RemoteIpAddress);
        Assert.Equal(IPAddress.Parse("203.0.113.9"), (await FromAsync(configured, "192.168.50.7")).Connection.RemoteIpAddress);
        Assert.Equal(IPAddress.Parse("203.0.113.9"), (await FromAsync(configured, "172.20.0.1")).Connection.RemoteIpAddress);
        var outside = await FromAsync(configured, "10.1.2.4");
        Assert.Equal(IPAddress.Parse("10.1.2.4"), outside.Connection.RemoteIpAddress);
        Assert.Equal("http", outside.Request.Scheme);
    }
}
