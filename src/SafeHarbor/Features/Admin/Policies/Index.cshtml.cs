using Microsoft.AspNetCore.Mvc.RazorPages;
using SafeHarbor.Calendar;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Admin.Policies;

/// <summary>The loaded policy versions and the one in force today (Art. 14–15); every signed-in user may read them.</summary>
public sealed class IndexModel(PolicyCatalog policies, TimeProvider time) : PageModel
{
    public IReadOnlyList<PolicyVersion> Versions { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public void OnGet()
    {
        Today = ChinaClock.Today(time);
        Versions = policies.All;
    }

    public static (string Text, string Badge) StatusOn(PolicyVersion p, DateOnly today) =>
        p.IsInForceOn(today) ? ("现行", "text-bg-success")
        : p.EffectiveFrom > today ? ("尚未施行", "text-bg-info")
        : ("已停止施行", "text-bg-secondary");

    public static string Period(PolicyVersion p) =>
        $"{p.EffectiveFrom:yyyy-MM-dd} 起{(p.EffectiveTo is { } to ? $"，至 {to:yyyy-MM-dd} 止" : "")}";
}
