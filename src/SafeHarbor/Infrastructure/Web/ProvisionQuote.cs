namespace SafeHarbor.Infrastructure.Web;

/// <summary>
/// Which article of the policy a page quotes (<see cref="PolicyRules.ProvisionCodes"/>), from the version with
/// <paramref name="PolicyId"/> (a case's own) or else the version in force today; see _Provision.cshtml.
/// </summary>
public sealed record ProvisionQuote(string Code, string TestId, string? PolicyId = null);
