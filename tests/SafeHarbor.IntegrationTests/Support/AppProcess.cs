using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace SafeHarbor.IntegrationTests.Support;

/// <summary>
/// The built app (<c>dotnet SafeHarbor.dll</c>) as a real process on a free port of 127.0.0.1: one node of
/// several behind a load balancer. Configuration comes as environment variables, like a deployment's.
/// Several of them on one PostgreSQL database show what a node shares with the others (the keys, the
/// files, the calendar, the PDF queue) and what it must not keep to itself.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder log = new();

    private AppProcess(string name, Process process, int port)
    {
        Name = name;
        this.process = process;
        Port = port;
        Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(BaseUrl) };
    }

    public string Name { get; }
    public int Port { get; }
    public string BaseUrl => $"http://127.0.0.1:{Port}";

    /// <summary>A client without cookies or redirects: each request carries what the test gives it.</summary>
    public HttpClient Client { get; }

    public bool HasExited => process.HasExited;

    /// <summary>What the process wrote so far (standard output and error).</summary>
    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    /// <summary>
    /// The environment of a node on <paramref name="database"/>: <c>Node__Name</c> is the node's name, files in
    /// the database (PostgreSQL's default), no demo data unless asked, quick password hashing.
    /// </summary>
    public static Dictionary<string, string> EnvironmentFor(TestDatabase database, string node, bool seedDemo = false) => new()
    {
        ["Database__Provider"] = database.Kind.ToString(),
        ["Database__ConnectionString"] = database.ConnectionString,
        ["Demo__Seed"] = seedDemo ? "true" : "false",
        ["Node__Name"] = node,
        ["Security__PasswordHashIterations"] = "1000",
        // Clients of these processes sign in and write in bursts from 127.0.0.1 (see HostSettings).
        ["Security__RateLimits__SignInPerAddress"] = "1000000",
        ["Security__RateLimits__SignInPerAccount"] = "1000000",
        ["Security__RateLimits__ApiPerUser"] = "1000000",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__SafeHarbor"] = "Information",
    };

    /// <summary>Starts the node and waits until it answers (migrations and start-up tasks done).</summary>
    public static async Task<AppProcess> StartAsync(string name, IDictionary<string, string> environment, string workDirectory)
    {
        Directory.CreateDirectory(workDirectory);
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "SafeHarbor.dll"), "--urls", $"http://127.0.0.1:{port}" })
        {
            info.ArgumentList.Add(a);
        }
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        var node = new AppProcess(name, Process.Start(info)!, port);
        node.process.OutputDataReceived += (_, e) => node.Append(e.Data);
        node.process.ErrorDataReceived += (_, e) => node.Append(e.Data);
        node.process.BeginOutputReadLine();
        node.process.BeginErrorReadLine();
        await node.WaitUntilServingAsync();
        return node;
    }

    /// <summary>Ends the process at once, as a crash or a pulled cable would: nothing is released or finished.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
        await process.WaitForExitAsync();
    }

    /// <summary>A bearer token from <c>POST /api/auth/login</c> on this node.</summary>
    public async Task<string> BearerTokenAsync(string userName, string password)
    {
        using var response = await Client.PostAsJsonAsync("/api/auth/login", new { userName, password });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{Name}: login of {userName} failed ({(int)response.StatusCode}): {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("accessToken").GetString()!;
    }

    /// <summary>Signs in on the sign-in page of this node and answers the cookie header it set.</summary>
    public async Task<string> SignInCookieAsync(string userName, string password)
    {
        using var page = await Client.GetAsync("/Account/Login");
        var html = await page.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var antiforgery = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.UserName"] = userName,
                ["Input.Password"] = password,
                ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", antiforgery);
        using var signedIn = await Client.SendAsync(post);
        Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"{Name}: sign-in of {userName} answered {(int)signedIn.StatusCode}: {await signedIn.Content.ReadAsStringAsync()}");
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("SafeHarbor=", StringComparison.Ordinal));
        return cookie;
    }

    /// <summary>A request with a bearer token.</summary>
    public HttpRequestMessage Bearer(HttpMethod method, string url, string token)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await KillAsync();
        process.Dispose();
    }

    private void Append(string? line)
    {
        lock (log)
        {
            log.AppendLine(line);
        }
    }

    private async Task WaitUntilServingAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                Assert.Fail($"{Name} stopped: {Log}");
            }
            try
            {
                using var response = await Client.GetAsync("/health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(250);
        }
        Assert.Fail($"{Name} did not start within 120 seconds: {Log}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
