using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Documents;
using SafeHarbor.Features.Incentives;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Security;
using SafeHarbor.Infrastructure.Web;
using SafeHarbor.Organisation;

namespace SafeHarbor.Pages.Incentives;

/// <summary>Which pages of 关爱激励 the menu row shows, and which is open.</summary>
public sealed record IncentiveNav(string Current, bool Workspace, bool IsPerson);

/// <summary>A person in a picker: name, post and unit, front-line or not.</summary>
public sealed record PersonOption(Guid Id, string Name, string Post, Guid UnitId, string UnitName, int UnitOrder, bool FrontLine);

/// <summary>
/// 关爱激励 (Art. 13): talks, commendations and support measures, one tab each with its list (filtered by
/// unit and year) and the form to record one when the user may. 人事科, 局党组成员 and 局办公室 see the whole
/// bureau; a leader the units they oversee (and records talks there); anyone else is refused (403).
/// </summary>
public sealed class IndexModel(CurrentActor current, SafeHarborDb db, CommandRunner runner, TimeProvider time, BureauOptions bureau) : PageModel
{
    public const string TalksTab = "talks";
    public const string CommendationsTab = "commendations";
    public const string SupportTab = "support";

    public sealed class TalkInput
    {
        public Guid? PersonId { get; set; }
        public DateOnly? HeldOn { get; set; }
        public Guid? TalkerPersonId { get; set; }
        public string? Topics { get; set; }
        public string? FollowUp { get; set; }
    }

    public sealed class CommendationInput
    {
        public CommendationKind? Kind { get; set; }
        public Guid? PersonId { get; set; }
        public Guid? UnitId { get; set; }
        public string? Title { get; set; }
        public string? Basis { get; set; }
        public string? AwardedBy { get; set; }
        public DateOnly? AwardedOn { get; set; }
    }

    public sealed class SupportInput
    {
        public string? Kind { get; set; }
        public Guid? PersonId { get; set; }
        public Guid? UnitId { get; set; }
        public string? Description { get; set; }
        public DateOnly? ProvidedOn { get; set; }
    }

    [BindProperty(SupportsGet = true)] public string? Tab { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? UnitId { get; set; }

    /// <summary>The calendar year; this year when the query does not name one, every year when it is empty.</summary>
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    [BindProperty] public TalkInput Talk { get; set; } = new();
    [BindProperty] public CommendationInput Commendation { get; set; } = new();
    [BindProperty] public SupportInput Support { get; set; } = new();

    public Actor Actor { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public bool BureauWide { get; private set; }
    public bool MayRecordTalks { get; private set; }
    public bool MayRecordAwards { get; private set; }
    public IReadOnlyList<Unit> FilterUnits { get; private set; } = [];
    public IReadOnlyList<Unit> AllUnits { get; private set; } = [];
    public IReadOnlyList<PersonOption> TalkPeople { get; private set; } = [];
    public IReadOnlyList<PersonOption> AllPeople { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<IncentiveQueries.TalkView> Talks { get; private set; } = [];
    public IReadOnlyList<IncentiveQueries.CommendationView> Commendations { get; private set; } = [];
    public IReadOnlyList<IncentiveQueries.SupportMeasureView> SupportMeasures { get; private set; } = [];

    public string CurrentTab => Tab is CommendationsTab or SupportTab ? Tab : TalksTab;

    public IEnumerable<PersonOption> FrontLinePeople => AllPeople.Where(p => p.FrontLine);

    public IEnumerable<Unit> EnforcementUnits => AllUnits.Where(u => IncentiveAccess.IsEnforcementUnit(u.Type));

    public string ScopeText =>
        (UnitId is { } u ? FilterUnits.FirstOrDefault(x => x.Id == u)?.Name ?? "所选单位" : BureauWide ? "全局各单位" : "本人分管的单位")
        + " · " + (Year is { } y ? $"{y}年" : "全部年度");

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Request.Query.ContainsKey(nameof(Year)))
        {
            Year = ChinaClock.Today(time).Year;
        }
        var actor = await current.GetAsync(ct);
        if (!await LoadAsync(actor, ct))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        Talk.HeldOn = Today;
        Talk.TalkerPersonId = actor.PersonId;
        Commendation.AwardedOn = Today;
        Commendation.AwardedBy = bureau.Name;
        Support.ProvidedOn = Today;
        return Page();
    }

    public Task<IActionResult> OnPostTalkAsync(CancellationToken ct) =>
        RecordAsync(TalksTab, nameof(Talk), async actor =>
        {
            var t = await IncentiveCommands.RecordTalkAsync(
                new IncentiveCommands.TalkRequest(Talk.PersonId, Talk.HeldOn, Talk.TalkerPersonId, Talk.Topics, Talk.FollowUp), actor, runner, ct);
            return $"已登记{t.TalkerName}与{t.PersonName}的谈心谈话（{t.HeldOn:yyyy-MM-dd}）。";
        }, ct);

    public Task<IActionResult> OnPostCommendationAsync(CancellationToken ct) =>
        RecordAsync(CommendationsTab, nameof(Commendation), async actor =>
        {
            var c = await IncentiveCommands.RecordCommendationAsync(
                new IncentiveCommands.CommendationRequest(Commendation.Kind, Commendation.PersonId, Commendation.UnitId, Commendation.Title,
                    Commendation.Basis, Commendation.AwardedBy, Commendation.AwardedOn), actor, runner, ct);
            return $"已登记{c.KindName}：{c.RecipientName}，{c.Title}。";
        }, ct);

    public Task<IActionResult> OnPostSupportAsync(CancellationToken ct) =>
        RecordAsync(SupportTab, nameof(Support), async actor =>
        {
            var s = await IncentiveCommands.RecordSupportMeasureAsync(
                new IncentiveCommands.SupportMeasureRequest(Support.Kind, Support.PersonId, Support.UnitId, Support.Description, Support.ProvidedOn),
                actor, runner, ct);
            return $"已登记支持保障措施（{s.Kind}）：{s.RecipientName}。";
        }, ct);

    /// <summary>Runs the command; success goes back to the list (post, redirect, get), a refusal shows next to the fields.</summary>
    private async Task<IActionResult> RecordAsync(string tab, string prefix, Func<Actor, Task<string>> record, CancellationToken ct)
    {
        Tab = tab;
        var actor = await current.GetAsync(ct);
        try
        {
            TempData["Notice"] = await record(actor);
            return Redirect(Link(tab));
        }
        catch (DomainException e) when (e.Kind is ErrorKind.Invalid or ErrorKind.Forbidden or ErrorKind.Conflict)
        {
            // The handler's Chinese messages replace the binder's (an unreadable date arrives as none).
            ModelState.Clear();
            ModelState.AddDomainErrors(e, prefix);
            if (!await LoadAsync(actor, ct))
            {
                return StatusCode(StatusCodes.Status403Forbidden);
            }
            return Page();
        }
    }

    private async Task<bool> LoadAsync(Actor actor, CancellationToken ct)
    {
        Actor = actor;
        if (!IncentiveAccess.MayUseWorkspace(actor))
        {
            return false;
        }
        Today = ChinaClock.Today(time);
        BureauWide = IncentiveAccess.ReadsAll(actor);
        MayRecordTalks = IncentiveAccess.MayRecordTalks(actor);
        MayRecordAwards = IncentiveAccess.MayRecordAwards(actor);
        AllUnits = await db.Units.AsNoTracking().OrderBy(u => u.SortOrder).ThenBy(u => u.Name).ToListAsync(ct);
        FilterUnits = BureauWide ? AllUnits : AllUnits.Where(u => actor.OverseenUnitIds.Contains(u.Id)).ToList();
        var units = AllUnits.ToDictionary(u => u.Id);
        AllPeople = (await db.Persons.AsNoTracking().ToListAsync(ct))
            .Where(p => units.ContainsKey(p.UnitId))
            .Select(p => new PersonOption(p.Id, p.Name, p.Post, p.UnitId, units[p.UnitId].Name, units[p.UnitId].SortOrder,
                IncentiveAccess.IsFrontLine(units[p.UnitId].Type, p.Post)))
            .OrderBy(p => p.UnitOrder).ThenBy(p => p.UnitName, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
        TalkPeople = AllPeople.Where(p => IncentiveAccess.MayRecordTalkIn(actor, p.UnitId)).ToList();

        var filter = new IncentiveQueries.Filter(UnitId, Year);
        Talks = await IncentiveQueries.TalksAsync(db, actor, filter, ct);
        Commendations = await IncentiveQueries.CommendationsAsync(db, actor, filter, ct);
        SupportMeasures = await IncentiveQueries.SupportMeasuresAsync(db, actor, filter, ct);
        Years = Enumerable.Range(Today.Year - 5, 6).Concat(Year is { } y ? [y] : []).Distinct().OrderByDescending(x => x).ToList();
        return true;
    }

    /// <summary>The page with the current filters and the given tab.</summary>
    public string Link(string tab, string? handler = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Tab"] = tab,
            ["UnitId"] = UnitId?.ToString(),
            ["Year"] = Year?.ToString() ?? "",
            ["handler"] = handler,
        };
        return "/Incentives" + QueryString.Create(values.Where(v => v.Value is not null));
    }

    /// <summary>People for a picker, grouped by unit.</summary>
    public static IEnumerable<IGrouping<string, PersonOption>> ByUnit(IEnumerable<PersonOption> people) =>
        people.GroupBy(p => p.UnitName);
}
