using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Web;

namespace SafeHarbor.Features.Prevention;

/// <summary>防错分析 (Art. 9): where errors recur or concentrate, the flags of the thresholds, and the thresholds themselves.</summary>
public sealed class IndexModel(PageServices services) : PageModel
{
    public sealed class ThresholdInput
    {
        public PreventionDimension? Dimension { get; set; } = PreventionDimension.ErrorKind;
        public string? BusinessField { get; set; }
        public string? ErrorKind { get; set; }
        public string? UnitName { get; set; }
        public int? Count { get; set; } = 3;
        public int? Months { get; set; } = 12;

        public static ThresholdInput Of(Thresholds.View t)
        {
            var input = new ThresholdInput { Dimension = t.Dimension, Count = t.Count, Months = t.Months };
            switch (t.Dimension)
            {
                case PreventionDimension.BusinessField: input.BusinessField = t.Value; break;
                case PreventionDimension.ErrorKind: input.ErrorKind = t.Value; break;
                case PreventionDimension.Unit: input.UnitName = t.Value; break;
                case PreventionDimension.FieldAndKind when t.Value?.Split(PreventionAnalysis.Separator) is [var f, var k]:
                    input.BusinessField = f;
                    input.ErrorKind = k;
                    break;
            }
            return input;
        }

        public SetThreshold.Request ToRequest()
        {
            static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
            var value = Dimension switch
            {
                PreventionDimension.BusinessField => Clean(BusinessField),
                PreventionDimension.ErrorKind => Clean(ErrorKind),
                PreventionDimension.Unit => Clean(UnitName),
                PreventionDimension.FieldAndKind when Clean(BusinessField) is null && Clean(ErrorKind) is null => null,
                PreventionDimension.FieldAndKind => $"{Clean(BusinessField)}{PreventionAnalysis.Separator}{Clean(ErrorKind)}",
                _ => null,
            };
            return new SetThreshold.Request(Dimension, value, Count, Months);
        }

        /// <summary>The form field a refusal of the value belongs to.</summary>
        public string ValueField => Dimension switch
        {
            PreventionDimension.Unit => "unitName",
            PreventionDimension.ErrorKind => "errorKind",
            _ => "businessField",
        };
    }

    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public PeriodGrouping? Period { get; set; }

    [BindProperty] public ThresholdInput Input { get; set; } = new();
    [BindProperty] public ThresholdInput Edit { get; set; } = new();

    /// <summary>The threshold whose edit form answered with a refusal (opened again).</summary>
    public Guid? EditingId { get; private set; }

    public PreventionQuery.AnalysisView Analysis { get; private set; } = null!;
    public IReadOnlyList<Thresholds.View> ThresholdList { get; private set; } = [];
    public IReadOnlyList<string> UnitNames { get; private set; } = [];
    public bool CanSetThresholds { get; private set; }
    public bool CanRecord { get; private set; }
    public DateOnly Today { get; private set; }

    /// <summary>A city bureau's counties, counted over the same period (Art. 15).</summary>
    public IReadOnlyList<Shared.CountyFigures.Row> Counties { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = services.Actor;
        if (!PreventionAccess.MayViewAnalysis(actor))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        try
        {
            await LoadAsync(ct);
        }
        catch (DomainException e) when (e.Kind == ErrorKind.Invalid)
        {
            ModelState.AddModelError(nameof(From), e.Errors?.Values.FirstOrDefault()?.FirstOrDefault() ?? e.Message);
            From = null;
            To = null;
            await LoadAsync(ct);
        }
        return Page();
    }

    public Task<IActionResult> OnPostThresholdAsync(CancellationToken ct) =>
        CommandAsync(actor => SetThreshold.HandleAsync(Input.ToRequest(), actor, services.Runner, ct), "已设定预警阈值。", "Input", Input, null, ct);

    public Task<IActionResult> OnPostEditThresholdAsync(Guid id, CancellationToken ct) =>
        CommandAsync(actor => UpdateThreshold.HandleAsync(id, Edit.ToRequest(), actor, services.Runner, ct), "已修改预警阈值。", "Edit", Edit, id, ct);

    public Task<IActionResult> OnPostDeactivateAsync(Guid id, CancellationToken ct) =>
        CommandAsync(actor => SetThresholdActive.HandleAsync(id, false, actor, services.Runner, ct), "已停用该预警阈值。", "Input", null, null, ct);

    public Task<IActionResult> OnPostActivateAsync(Guid id, CancellationToken ct) =>
        CommandAsync(actor => SetThresholdActive.HandleAsync(id, true, actor, services.Runner, ct), "已重新启用该预警阈值。", "Input", null, null, ct);

    private async Task<IActionResult> CommandAsync(Func<Actor, Task<Thresholds.View>> command, string notice, string prefix, ThresholdInput? input, Guid? editing, CancellationToken ct)
    {
        var actor = services.Actor;
        if (!PreventionAccess.MaySetThresholds(actor))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        try
        {
            await command(actor);
            TempData["Notice"] = notice;
            return Redirect("/Prevention" + QueryString() + "#thresholds");
        }
        catch (DomainException e) when (e.Kind is ErrorKind.Invalid or ErrorKind.Conflict)
        {
            ModelState.Clear();
            ModelState.AddDomainErrors(e, prefix, key => key == "value" && input is not null ? input.ValueField : key);
            EditingId = editing;
            await LoadAsync(ct);
            return Page();
        }
    }

    private string QueryString()
    {
        var parts = new List<string>();
        if (From is { } f) { parts.Add($"from={f:yyyy-MM-dd}"); }
        if (To is { } t) { parts.Add($"to={t:yyyy-MM-dd}"); }
        if (Period is { } p) { parts.Add($"period={p}"); }
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var actor = services.Actor;
        Today = ChinaClock.Today(services.Time);
        Analysis = await PreventionQuery.RunAsync(new PreventionQuery.Filter(From, To, Period), actor, services.Db, Today, ct);
        ThresholdList = await ListThresholds.HandleAsync(actor, services.Db, ct);
        var (from, to) = (Analysis.From, Analysis.To);
        Counties = await Shared.CountyFigures.RunAsync(actor, services.Db,
            cases => cases.Where(c => (from == null || c.AccountabilityStartedOn >= from) && (to == null || c.AccountabilityStartedOn <= to)), ct);
        UnitNames = await services.Db.Units.AsNoTracking().OrderBy(u => u.SortOrder).ThenBy(u => u.Name).Select(u => u.Name).ToListAsync(ct);
        CanSetThresholds = PreventionAccess.MaySetThresholds(actor);
        CanRecord = PreventionAccess.MayRecord(actor, services.Policies.InForceOrLatest(Today));
    }
}
