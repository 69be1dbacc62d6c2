using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Dashboard;

/// <summary>统计分析: aggregates of the cases in scope, filtered by year and business field on the server.</summary>
public sealed class DashboardModel(Actor actor, SafeHarborDb db, WorkingDayCalendar calendar, PolicyCatalog policies, TimeProvider time) : PageModel
{
    /// <summary>The year the accountability procedure started (启动问责年度).</summary>
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? BusinessField { get; set; }

    public DashboardSeries Series { get; private set; } = null!;

    /// <summary>The figures of Art. 8–13: correction, prevention flags, result uses, grades, incentives.</summary>
    public AfterDecisionSeries After { get; private set; } = null!;
    public IReadOnlyList<int> Years { get; private set; } = [];
    public bool BureauWide { get; private set; }
    public DateOnly Today { get; private set; }

    /// <summary>A city bureau's counties, under the same filter (Art. 15).</summary>
    public IReadOnlyList<Shared.CountyFigures.Row> Counties { get; private set; } = [];

    /// <summary>What the figures cover, in words, for the page and for print.</summary>
    public string ScopeText =>
        (Year is { } y ? $"{y}年启动问责" : "全部年度") + " · " + (string.IsNullOrWhiteSpace(BusinessField) ? "全部业务领域" : BusinessField.Trim());

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!DashboardQuery.MayView(actor))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        Today = ChinaClock.Today(time);
        var result = await DashboardQuery.RunAsync(new DashboardQuery.Filter(Year, BusinessField), actor, db, calendar, Today, ct);
        Series = result.Series;
        Years = result.Years;
        BureauWide = result.BureauWide;
        var filter = new DashboardQuery.Filter(Year, BusinessField);
        Counties = await Shared.CountyFigures.RunAsync(actor, db, cases => DashboardQuery.ByFilter(cases, filter), ct);
        After = await AfterDecisionQuery.RunAsync(new DashboardQuery.Filter(Year, BusinessField), actor, db, policies, Today, ct);
        return Page();
    }

    /// <summary>A number as the tables and the chart script read it: invariant, one decimal at most.</summary>
    public static string Number(double value) => value.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
