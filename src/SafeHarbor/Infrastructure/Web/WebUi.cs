using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Security;
using SafeHarbor.Organisation;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Infrastructure.Web;

/// <summary>The Razor Pages UI: cookie sign-in, antiforgery on every form, a friendly error page.</summary>
public static class WebUi
{
    public static IServiceCollection AddWebUi(this IServiceCollection services)
    {
        // Pages live in their feature's folder (ADR 12); every page names its URL in @page.
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.ConfigureFilter(new DomainExceptionPageFilter());
            o.Conventions.ConfigureFilter(new RefusedTextPageFilter());
            o.Conventions.AuthorizeFolder("/", SecuritySetup.WebPolicy);
            o.Conventions.AllowAnonymousToPage("/Auth/Login");
            o.Conventions.AllowAnonymousToPage("/Shared/Error");
        });
        services.AddAntiforgery(o =>
        {
            o.HeaderName = "RequestVerificationToken";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        // Chinese text goes into the HTML as it is, not as &#x…; entities: smaller and readable.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        return services;
    }

    /// <summary>Puts a refusal from a handler next to the fields it names (keys like <c>claims[0].explanation</c>).</summary>
    public static void AddDomainErrors(this ModelStateDictionary modelState, DomainException e, string prefix = "Input", Func<string, string>? mapKey = null)
    {
        if (e.Errors is { Count: > 0 } errors)
        {
            foreach (var (key, messages) in errors)
            {
                var field = string.Join('.', (mapKey?.Invoke(key) ?? key).Split('.').Select(Pascal));
                var name = field.StartsWith('[') ? prefix + field : $"{prefix}.{field}";
                foreach (var message in messages)
                {
                    modelState.AddModelError(name, message);
                }
            }
        }
        modelState.AddModelError(string.Empty, e.Message);
    }

    private static string Pascal(string segment) => segment.Length == 0 ? segment : char.ToUpperInvariant(segment[0]) + segment[1..];

    public static string BadgeClass(CaseStatus status) => status switch
    {
        CaseStatus.Registered or CaseStatus.AwaitingSupplement => "text-bg-info",
        CaseStatus.Refused or CaseStatus.Withdrawn => "text-bg-secondary",
        CaseStatus.Archived => "text-bg-dark",
        CaseStatus.Decided or CaseStatus.FeedbackIssued or CaseStatus.Delivered or CaseStatus.Acknowledged or CaseStatus.Published => "text-bg-success",
        _ => "text-bg-primary",
    };

    public static string VerdictClass(Verdict verdict) => verdict switch
    {
        Verdict.Met => "text-bg-success",
        Verdict.NotMet => "text-bg-danger",
        _ => "text-bg-warning",
    };

    /// <summary>
    /// A date as every page shows it: <c>2027-01-07</c>, or <c>2027-01-07</c> with a 暂定 badge whose tooltip says why,
    /// when it was counted through a year without a holiday notice.
    /// </summary>
    public static IHtmlContent Dated(DateOnly date, string? provisionalReason)
    {
        var text = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (provisionalReason is null)
        {
            return new HtmlString(text);
        }
        var reason = System.Net.WebUtility.HtmlEncode(provisionalReason);
        return new HtmlString($"{text}<span class=\"badge text-bg-warning ms-1\" data-testid=\"provisional\" title=\"{reason}\">暂定</span>");
    }

    /// <summary><see cref="Dated(DateOnly, string?)"/> of a counted date.</summary>
    public static IHtmlContent Dated(Calendar.ComputedDate date) => Dated(date.Date, date.ProvisionalReason);

    /// <summary>Overdue in red, due within 2 working days in amber.</summary>
    public static string DeadlineClass(DeadlineStatus? deadline) => deadline switch
    {
        null => "text-bg-light",
        { IsOverdue: true } => "text-bg-danger",
        { WorkingDaysLeft: <= 2 } => "text-bg-warning",
        _ => "text-bg-light border",
    };

    public static bool IsAdministrator(Actor actor) =>
        actor.Has(Role.SystemAdmin) || actor.Has(Role.SecurityAdmin) || actor.Has(Role.AuditAdmin);
}

/// <summary>One entry of the menu bar; an entry with children is a drop-down.</summary>
public sealed record MenuItem(string Text, string Href, string Icon, IReadOnlyList<MenuItem>? Children = null);

/// <summary>The menu bar of every page. The host composes it, since it names the features' pages.</summary>
public interface INavigation
{
    /// <summary>Only the menus the user's roles may use, grouped so the bar stays on one line.</summary>
    IReadOnlyList<MenuItem> Menu(Actor actor, PolicyVersion policy);
}

