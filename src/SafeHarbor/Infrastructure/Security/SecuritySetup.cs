using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Organisation;

namespace SafeHarbor.Infrastructure.Security;

public static class SecuritySetup
{
    /// <summary>ASP.NET Core Identity with a cookie for pages and a bearer token for API clients, roles from the database.</summary>
    public static IServiceCollection AddSecurity(this IServiceCollection services)
    {
        services.AddIdentityApiEndpoints<AppUser>(o =>
            {
                // The bureau's rules (BureauPasswordValidator) say everything, once and in Chinese.
                o.Password.RequiredLength = 1;
                o.Password.RequiredUniqueChars = 1;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                // Failures are counted per user name and client address (SignInThrottle), not per account.
                o.Lockout.AllowedForNewUsers = false;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<SafeHarborDb>()
            .AddPasswordValidator<BureauPasswordValidator>()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddClaimsPrincipalFactory<SignInTimeClaimsFactory>();
        // Short-lived access tokens, renewed with the refresh token (POST /api/auth/refresh) until the absolute limit;
        // each request checks the security stamp (Sessions), so signing out or a role change ends a token at once.
        services.AddOptions<BearerTokenOptions>(IdentityConstants.BearerScheme).Configure<IConfiguration>((o, configuration) =>
        {
            o.BearerTokenExpiration = TimeSpan.FromMinutes(configuration.GetValue("Security:Tokens:AccessMinutes", 15));
            o.RefreshTokenExpiration = TimeSpan.FromHours(configuration.GetValue("Security:Tokens:RefreshHours", 12));
            o.Events.OnMessageReceived = Sessions.RefuseStaleBearerTokenAsync;
        });
        // Tests lower this to keep password hashing quick; production keeps the framework default.
        services.AddOptions<PasswordHasherOptions>().Configure<IConfiguration>((o, configuration) =>
        {
            if (configuration.GetValue<int?>("Security:PasswordHashIterations") is > 0 and var iterations)
            {
                o.IterationCount = iterations;
            }
        });
        // The API answers bearer tokens only, so a browser's cookie can never be used against it
        // (no cross-site request forgery on /api). Pages use the cookie and antiforgery tokens.
        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(new AuthorizationPolicyBuilder(IdentityConstants.BearerScheme).RequireAuthenticatedUser().Build())
            .AddPolicy(WebPolicy, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser());
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "SafeHarbor";
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/Denied";
            // The bureau's idle timeout and absolute limit are enforced by Sessions on every request; the ticket's own
            // expiry is only a ceiling (the longest absolute limit a bureau may set), renewed as the idle window slides.
            o.ExpireTimeSpan = TimeSpan.FromHours(MaxAbsoluteTimeoutHours);
            o.SlidingExpiration = false;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Events.OnValidatePrincipal = Sessions.ValidateCookieAsync;
            o.Events.OnRedirectToLogin = Sessions.RedirectToLoginAsync;
        });
        // Keys that sign cookies and bearer tokens are rows of the database every node shares: they survive
        // a restart, and a cookie or token one node issued is accepted by any other (ADR 13). The fixed
        // application name keeps the purpose strings equal whatever directory a node runs from.
        services.AddDataProtection().SetApplicationName("SafeHarbor").PersistKeysToDbContext<SafeHarborDb>();
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentActor>();
        services.AddSingleton<SecurityEventLog>();
        services.AddScoped<SignInThrottle>();
        services.AddSingleton<DummyPasswordHash>();
        return services;
    }

    /// <summary>The longest absolute session limit a bureau may set, in hours.</summary>
    public const int MaxAbsoluteTimeoutHours = 24;

    /// <summary>The authorization policy of the web pages: signed in with the cookie.</summary>
    public const string WebPolicy = "Web";

    public static TBuilder RequireRoles<TBuilder>(this TBuilder builder, params Role[] roles)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireRole(roles.Select(r => r.ToString())));
}

internal sealed class ChineseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"用户名“{userName}”已被使用。" };
    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = $"用户名“{userName}”无效，只能包含字母、数字和 -._@+。" };
    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "当前密码不正确。" };
    public override IdentityError RecoveryCodeRedemptionFailed() => new() { Code = nameof(RecoveryCodeRedemptionFailed), Description = "恢复码不正确或已用过。" };
    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = "账号操作失败。" };
}
