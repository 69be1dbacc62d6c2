using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using OtpNet;

namespace SafeHarbor.IntegrationTests.Support;

/// <summary>
/// The user's phone: computes authenticator codes (RFC 6238, with Otp.NET, independently of the app's Identity code)
/// from the key the app showed at enrolment.
/// </summary>
public static class Authenticator
{
    /// <summary>The code of now for a key as the app shows it (base32, any case, spaces allowed).</summary>
    public static string Code(string key) => new Totp(Base32Encoding.ToBytes(key.Replace(" ", "").ToUpperInvariant())).ComputeTotp();

    /// <summary>
    /// An account's first sign-in through the API, as a person with a new account does it: sign in with the initial
    /// password, choose a new one, enrol the authenticator when the account must have one, sign in again with both
    /// factors. Answers the bearer token and the authenticator key (null when the account needs none).
    /// </summary>
    public static async Task<(string Token, string? Key)> FirstSignInAsync(HttpClient http, string userName, string initialPassword, string newPassword)
    {
        var token = await TokenAsync(http, new { userName, password = initialPassword });
        using (var change = Bearer(HttpMethod.Post, "/api/auth/password", token, new { currentPassword = initialPassword, newPassword }))
        {
            using var changed = await http.SendAsync(change);
            Assert.True(changed.StatusCode == HttpStatusCode.NoContent, $"password change of {userName}: {(int)changed.StatusCode} {await changed.Content.ReadAsStringAsync()}");
        }
        token = await TokenAsync(http, new { userName, password = newPassword }); // the change ended the first token
        using var state = await http.SendAsync(Bearer(HttpMethod.Get, "/api/auth/two-factor", token));
        var twoFactor = JsonDocument.Parse(await state.Content.ReadAsStringAsync()).RootElement;
        if (!twoFactor.GetProperty("required").GetBoolean())
        {
            return (await TokenAsync(http, new { userName, password = newPassword }), null);
        }
        var key = twoFactor.GetProperty("sharedKey").GetString()!;
        using (var confirm = Bearer(HttpMethod.Post, "/api/auth/two-factor", token, new { code = Code(key) }))
        {
            using var confirmed = await http.SendAsync(confirm);
            Assert.True(confirmed.IsSuccessStatusCode, $"enrolment of {userName}: {(int)confirmed.StatusCode} {await confirmed.Content.ReadAsStringAsync()}");
        }
        return (await TokenAsync(http, new { userName, password = newPassword, twoFactorCode = Code(key) }), key);
    }

    private static async Task<string> TokenAsync(HttpClient http, object body)
    {
        using var response = await http.PostAsJsonAsync("/api/auth/login", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"login: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("accessToken").GetString()!;
    }

    private static HttpRequestMessage Bearer(HttpMethod method, string url, string token, object? body = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }
}

/// <summary>
/// An app whose harness keeps the authenticator keys its accounts enrolled, as their phones would: the cast's
/// administrators are seeded enrolled; the demo's enrol at their first sign-in, as real administrators do.
/// </summary>
public interface IAuthenticatorKeys
{
    Dictionary<string, string> AuthenticatorKeyOf { get; }

    /// <summary>Whether an account asked to enrol after its password is enrolled by the harness (the demo's administrators).</summary>
    bool EnrolsOnFirstSignIn { get; }
}
