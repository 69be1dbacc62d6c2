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
        services.AddRazorPages(o =>
        {
            o.Conventions.ConfigureFilter(new DomainExceptionPageFilter());
            o.Conventions.AuthorizeFolder("/", SecuritySetup.WebPolicy);
            o.Conventions.AllowAnonymousToPage("/Account/Login");
            o.Conventions.AllowAnonymousToPage("/Error");
        });
        services.AddAntiforgery(o => o.HeaderName = "RequestVerificationToken");
        // Chinese text goes into the HTML as it is, not as &#x…; entities: smaller and readable.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddScoped<Pages.Cases.CasePageServices>();
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

    public sealed record MenuItem(string Text, string Href, string Icon, IReadOnlyList<MenuItem>? Children = null);

    /// <summary>Only the menus the user's roles may use, grouped so the bar stays on one line.</summary>
    public static IReadOnlyList<MenuItem> Menu(Actor actor, PolicyVersion policy)
    {
        var items = new List<MenuItem> { new("首页", "/", "house") };
        if (!IsAdministrator(actor))
        {
            items.Add(new("案件", "/Cases", "folder2-open"));
        }
        if (policy.RolesFor(Duty.Register).Any(actor.Has))
        {
            items.Add(new("登记问责事项", "/Cases/New", "plus-square"));
        }
        if (actor.SeesAllCases)
        {
            items.Add(new("党组会议", "/Meetings", "people"));
        }

        var after = new List<MenuItem>();
        if (actor.SeesAllCases)
        {
            after.Add(new("纠错整改", "/Correction", "wrench-adjustable"));
        }
        if (actor.SeesAllCases || actor.Has(Role.PolicyOwner))
        {
            after.Add(new("防错分析", "/Prevention", "shield-exclamation"));
        }
        if (actor.IsLeader && !actor.SeesAllCases)
        {
            after.Add(new("警示提醒", "/Prevention/Warnings", "bell"));
        }
        if (actor.Has(Role.Investigator) || actor.Has(Role.GuidanceGroup))
        {
            after.Add(new("举报核查", "/AbuseReports", "megaphone"));
        }
        if (actor.SeesAllCases || actor.Has(Role.Personnel))
        {
            after.Add(new("结果运用", "/ResultUses", "patch-check"));
        }
        if (actor.Has(Role.Personnel))
        {
            after.Add(new("考核", "/Assessment", "clipboard-data"));
        }
        if (Features.Incentives.IncentiveAccess.MayUseWorkspace(actor))
        {
            after.Add(new("关爱激励", "/Incentives", "heart"));
        }
        if (after.Count > 0)
        {
            items.Add(new("纠错与激励", "#", "arrow-repeat", after));
        }
        if (Features.Dashboard.DashboardQuery.MayView(actor))
        {
            items.Add(new("统计分析", "/Dashboard", "bar-chart"));
        }
        if (actor.PersonId is { } me)
        {
            items.Add(new("我的", "#", "person-badge",
            [
                new("我的档案", $"/People/{me}", "person-vcard"),
                new("我的整改措施", "/Correction/Mine", "list-check"),
                new("我的考核", "/Assessment/Mine", "clipboard-check"),
                new("我的关爱激励", "/Incentives/Mine", "heart"),
            ]));
        }

        var system = new List<MenuItem>();
        if (actor.Has(Role.SystemAdmin))
        {
            system.Add(new("单位人员", "/Admin/People", "diagram-3"));
            system.Add(new("账号角色", "/Admin/Accounts", "person-gear"));
            system.Add(new("节假日", "/Admin/Calendar", "calendar3"));
        }
        system.Add(new("容错免责办法", "/Admin/Policies", "journal-text"));
        items.Add(system.Count == 1 ? system[0] : new("系统管理", "#", "gear", system));
        return items;
    }

    public static bool IsAdministrator(Actor actor) =>
        actor.Has(Role.SystemAdmin) || actor.Has(Role.SecurityAdmin) || actor.Has(Role.AuditAdmin);
}
