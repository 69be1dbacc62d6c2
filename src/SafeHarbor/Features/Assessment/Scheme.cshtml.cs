using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Web;
using SafeHarbor.Organisation;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Assessment;

/// <summary>A scheme (考核方案): its scope, indicators, grade lines, 优秀 quota and the uses that protect exempted matters; new, edit, deactivate.</summary>
public sealed class SchemeModel(PageServices services) : PageModel
{
    public sealed class IndicatorRow
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public decimal? MaxScore { get; set; }
        public string? Description { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Code) && string.IsNullOrWhiteSpace(Name) && MaxScore is null && string.IsNullOrWhiteSpace(Description);
    }

    public sealed class SchemeInput
    {
        public string? Name { get; set; }
        public List<UnitType> UnitTypes { get; set; } = [];
        public string? PostKeyword { get; set; }
        public bool LeadersOnly { get; set; }
        public List<IndicatorRow> Indicators { get; set; } = [];
        public decimal? ExcellentLine { get; set; } = 90;
        public decimal? CompetentLine { get; set; } = 75;
        public decimal? BasicLine { get; set; } = 60;
        public int? ExcellentQuotaPercent { get; set; } = 20;
        public List<string> ProtectedByUses { get; set; } = [.. AssessmentAccess.DefaultProtectedByUses];
    }

    private const int BlankRows = 3;

    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public SchemeInput Input { get; set; } = new();
    [BindProperty] public string? ETag { get; set; }

    public Schemes.SchemeView? Scheme { get; private set; }
    public IReadOnlyList<PolicyItem> Uses { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        if (Scheme is { } s)
        {
            ETag = s.ETag;
            Input = new SchemeInput
            {
                Name = s.Name, UnitTypes = [.. s.UnitTypes], PostKeyword = s.PostKeyword, LeadersOnly = s.LeadersOnly,
                Indicators = s.Indicators.Select(i => new IndicatorRow { Code = i.Code, Name = i.Name, MaxScore = i.MaxScore, Description = i.Description }).ToList(),
                ExcellentLine = s.ExcellentLine, CompetentLine = s.CompetentLine, BasicLine = s.BasicLine, ExcellentQuotaPercent = s.ExcellentQuotaPercent,
                ProtectedByUses = s.ProtectedByUses.Select(u => u.Code).ToList(),
            };
        }
        PadRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        // Blank rows are spare lines of the form; errors name the kept rows by their place among the kept ones.
        var kept = Input.Indicators.Select((row, index) => (row, index)).Where(x => !x.row.IsBlank).ToList();
        var request = new CreateScheme.Request(Input.Name, Input.UnitTypes, Input.PostKeyword, Input.LeadersOnly,
            kept.Select(x => new CreateScheme.IndicatorInput(x.row.Code, x.row.Name, x.row.MaxScore, x.row.Description)).ToList(),
            Input.ExcellentLine, Input.CompetentLine, Input.BasicLine, Input.ExcellentQuotaPercent, Input.ProtectedByUses);
        var actor = services.Actor;
        try
        {
            var saved = Id is { } id
                ? await UpdateScheme.HandleAsync(id, ETag, request, actor, services.Runner, ct)
                : await CreateScheme.HandleAsync(request, actor, services.Runner, ct);
            TempData["Notice"] = Id is null ? $"已建立考核方案“{saved.Name}”。" : $"已保存考核方案“{saved.Name}”。";
            return Redirect($"/Assessment/Schemes/{saved.Id}");
        }
        catch (DomainException e) when (e.Kind is ErrorKind.Invalid or ErrorKind.Conflict)
        {
            ModelState.AddDomainErrors(e, "Input", key => MapRow(key, kept.Select(x => x.index).ToList()));
            PadRows();
            return Page();
        }
    }

    public Task<IActionResult> OnPostDeactivateAsync(CancellationToken ct) => SetActiveAsync(false, ct);

    public Task<IActionResult> OnPostActivateAsync(CancellationToken ct) => SetActiveAsync(true, ct);

    private async Task<IActionResult> SetActiveAsync(bool active, CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Id is null)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        try
        {
            await SetSchemeActive.HandleAsync(Id.Value, active, services.Actor, services.Runner, ct);
            TempData["Notice"] = active ? "方案已启用。" : "方案已停用，今后不再适用于新的考核；已按本方案进行的考核不受影响。";
        }
        catch (DomainException e) when (e.Kind == ErrorKind.Conflict)
        {
            TempData["Notice"] = e.Message;
        }
        return Redirect($"/Assessment/Schemes/{Id}");
    }

    private static string MapRow(string key, IReadOnlyList<int> keptIndexes)
    {
        const string prefix = "indicators[";
        if (!key.StartsWith(prefix, StringComparison.Ordinal))
        {
            return key;
        }
        var close = key.IndexOf(']', StringComparison.Ordinal);
        return int.TryParse(key[prefix.Length..close], out var i) && i < keptIndexes.Count
            ? $"indicators[{keptIndexes[i]}]{key[(close + 1)..]}"
            : key;
    }

    private void PadRows()
    {
        var blank = Input.Indicators.Count(r => r.IsBlank);
        for (var i = blank; i < BlankRows; i++)
        {
            Input.Indicators.Add(new IndicatorRow());
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!AssessmentAccess.IsPersonnel(services.Actor))
        {
            return false;
        }
        Uses = AssessmentAccess.ResultUses(services.Policies);
        Scheme = Id is { } id ? await GetScheme.HandleAsync(id, services.Actor, services.Db, services.Policies, ct) : null;
        return true;
    }
}
