using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace SafeHarbor.Infrastructure.Web;

/// <summary>
/// Behind nginx or another reverse proxy: the client's address and scheme come from X-Forwarded-For and
/// X-Forwarded-Proto, but only when the request comes from a trusted proxy. Loopback is trusted (the framework's
/// default, a proxy on the same server); others are added with <c>ForwardedHeaders:KnownProxies</c> (addresses) and
/// <c>ForwardedHeaders:KnownNetworks</c> (CIDR), each a list or one comma-separated value. A header from anyone
/// else is ignored, so a client cannot pass itself off as another address.
/// </summary>
public static class ProxyHeaders
{
    public static IServiceCollection AddProxyHeaders(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((o, configuration) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var text in List(configuration.GetSection("ForwardedHeaders:KnownProxies")))
            {
                o.KnownProxies.Add(IPAddress.TryParse(text, out var address)
                    ? address
                    : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies 中的“{text}”不是 IP 地址。"));
            }
            foreach (var text in List(configuration.GetSection("ForwardedHeaders:KnownNetworks")))
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(text, out var network)
                    ? network
                    : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks 中的“{text}”不是 CIDR 网段（例如 10.0.0.0/24）。"));
            }
        });
        return services;
    }

    /// <summary>A list in JSON (<c>["10.0.0.5"]</c>), in environment variables (<c>…__0</c>) or one value with commas.</summary>
    private static IEnumerable<string> List(IConfigurationSection section)
    {
        // appsettings.json's empty list is the value "" beside any items a later source adds: items win.
        var items = section.GetChildren().Select(c => c.Value ?? "").ToList();
        return (items.Count > 0 ? items : [section.Value ?? ""])
            .SelectMany(v => v.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
