using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Documents;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Web;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Incentives;

/// <summary>Which pages of 关爱激励 the menu row shows, and which is open.</summary>
public sealed record IncentiveNav(string Current, bool Workspace, bool IsPerson);

/// <summary>A person in a picker: name, post and unit, front-line or not.</summary>
public sealed record PersonOption(Guid Id, string Name, string Post, Guid UnitId, string UnitName, int UnitOrder, bool FrontLine);

/// <summary>
/// 关爱激励 (Art. 13): talks, commendations and support measures, one tab each with its list (filtered by
/// unit and year) and the form to record one when the user may. 人事科, 局党组成员 and 局办公室 see the whole
/// bureau; a leader the units they oversee (and records talks there); anyone else is refused (403).
/// Whoever may record a record corrects it (修改: the same form, prefilled, in place of the new one) and withdraws it
/// when entered in error (撤销: a reason, then confirmed); withdrawn records are hidden unless 人事科 asks to see them.
/// </summary>
public sealed class IndexModel(Actor actor, SafeHarborDb db, CommandRunner runner, TimeProvider time) : PageModel
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

    public sealed class WithdrawalInput
    {
        public string? Reason { get; set; }
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

    /// <summary>Withdrawn records too, struck through with their reason (人事科 only; ignored for anyone else).</summary>
    [BindProperty(SupportsGet = true)] public bool ShowWithdrawn { get; set; }

    /// <summary>The record of the tab whose correction form replaces the form for a new one.</summary>
    [BindProperty(SupportsGet = true)] public Guid? Edit { get; set; }

    /// <summary>The record of the tab to withdraw: its reason form replaces the form for a new one.</summary>
    [BindProperty(SupportsGet = true)] public Guid? Withdraw { get; set; }

    [BindProperty] public TalkInput Talk { get; set; } = new();
    [BindProperty] public CommendationInput Commendation { get; set; } = new();
    [BindProperty] public SupportInput Support { get; set; } = new();
    [BindProperty] public WithdrawalInput Withdrawal { get; set; } = new();

    /// <summary>The version of the record corrected or withdrawn, as the form showed it (the If-Match).</summary>
    [BindProperty] public int? RecordVersion { get; set; }

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

    /// <summary>人事科 may ask for the withdrawn records.</summary>
    public bool SeesWithdrawn { get; private set; }

    /// <summary>The record being corrected or withdrawn, when it is in the tab's list and the user may change it.</summary>
    public Guid? EditingId { get; private set; }
    public Guid? WithdrawingId { get; private set; }

    /// <summary>One line naming the record being withdrawn, for the reason form.</summary>
    public string? WithdrawingSummary { get; private set; }

    public string CurrentTab => Tab is CommendationsTab or SupportTab ? Tab : TalksTab;

    /// <summary>Who may be named talker: anyone for the bureau-wide recorders, else the leader's people, and the talker on record.</summary>
    public IEnumerable<PersonOption> TalkerPeople
    {
        get
        {
            var people = BureauWide ? AllPeople : TalkPeople;
            return Talk.TalkerPersonId is { } kept && EditingId is not null && people.All(p => p.Id != kept)
                ? AllPeople.Where(p => p.Id == kept).Concat(people)
                : people;
        }
    }

    public bool MayChange(IncentiveQueries.TalkView t) => !t.Withdrawn && IncentiveAccess.MayChangeTalk(Actor, t);

    public bool MayChange(IncentiveQueries.CommendationView c) => !c.Withdrawn && IncentiveAccess.MayChangeAwards(Actor);

    public bool MayChange(IncentiveQueries.SupportMeasureView s) => !s.Withdrawn && IncentiveAccess.MayChangeAwards(Actor);

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
        if (!await LoadAsync(actor, ct))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        if (Edit is { } edit && Prefill(edit))
        {
            EditingId = edit;
            return Page();
        }
        if (Withdraw is { } withdraw && Withdrawable(withdraw))
        {
            WithdrawingId = withdraw;
            return Page();
        }
        Talk.HeldOn = Today;
        Talk.TalkerPersonId = actor.PersonId;
        Commendation.AwardedOn = Today;
        Commendation.AwardedBy = (await db.Bureaus.AsNoTracking().SingleAsync(b => b.Id == actor.BureauId)).Name;
        Support.ProvidedOn = Today;
        return Page();
    }

    /// <summary>Fills the tab's form with the record to correct; false when it is not in the list or the user may not change it.</summary>
    private bool Prefill(Guid id)
    {
        switch (CurrentTab)
        {
            case TalksTab when Talks.FirstOrDefault(t => t.Id == id) is { } t && MayChange(t):
                Talk = new TalkInput { PersonId = t.PersonId, HeldOn = t.HeldOn, TalkerPersonId = t.TalkerPersonId, Topics = t.Topics, FollowUp = t.FollowUp };
                RecordVersion = t.Version;
                return true;
            case CommendationsTab when Commendations.FirstOrDefault(c => c.Id == id) is { } c && MayChange(c):
                Commendation = new CommendationInput
                {
                    Kind = c.Kind, PersonId = c.PersonId, UnitId = c.ToUnit ? c.UnitId : null,
                    Title = c.Title, Basis = c.Basis, AwardedBy = c.AwardedBy, AwardedOn = c.AwardedOn,
                };
                RecordVersion = c.Version;
                return true;
            case SupportTab when SupportMeasures.FirstOrDefault(s => s.Id == id) is { } s && MayChange(s):
                Support = new SupportInput
                {
                    Kind = s.Kind, PersonId = s.PersonId, UnitId = s.ToUnit ? s.UnitId : null, Description = s.Description, ProvidedOn = s.ProvidedOn,
                };
                RecordVersion = s.Version;
                return true;
            default:
                return false;
        }
    }

    /// <summary>Names the record to withdraw for its reason form; false when it is not in the list or the user may not change it.</summary>
    private bool Withdrawable(Guid id)
    {
        (WithdrawingSummary, var version) = CurrentTab switch
        {
            TalksTab when Talks.FirstOrDefault(t => t.Id == id) is { } t && MayChange(t) =>
                ($"{t.HeldOn:yyyy-MM-dd} {t.TalkerName}与{t.PersonName}（{t.UnitName}）的谈心谈话", t.Version),
            CommendationsTab when Commendations.FirstOrDefault(c => c.Id == id) is { } c && MayChange(c) =>
                ($"{c.AwardedOn:yyyy-MM-dd} {c.KindName}：{c.RecipientName}，{c.Title}", c.Version),
            SupportTab when SupportMeasures.FirstOrDefault(s => s.Id == id) is { } s && MayChange(s) =>
                ($"{s.ProvidedOn:yyyy-MM-dd} 支持保障措施（{s.Kind}）：{s.RecipientName}", (int?)s.Version),
            _ => (null, null),
        };
        RecordVersion ??= version;
        return WithdrawingSummary is not null;
    }

    public Task<IActionResult> OnPostTalkAsync(CancellationToken ct) =>
        RecordAsync(TalksTab, nameof(Talk), async actor =>
        {
            var t = await RecordHeartTalk.HandleAsync(
                new RecordHeartTalk.Request(Talk.PersonId, Talk.HeldOn, Talk.TalkerPersonId, Talk.Topics, Talk.FollowUp), actor, runner, ct);
            return $"已登记{t.TalkerName}与{t.PersonName}的谈心谈话（{t.HeldOn:yyyy-MM-dd}）。";
        }, ct);

    public Task<IActionResult> OnPostCommendationAsync(CancellationToken ct) =>
        RecordAsync(CommendationsTab, nameof(Commendation), async actor =>
        {
            var c = await RecordCommendation.HandleAsync(
                new RecordCommendation.Request(Commendation.Kind, Commendation.PersonId, Commendation.UnitId, Commendation.Title,
                    Commendation.Basis, Commendation.AwardedBy, Commendation.AwardedOn), actor, runner, ct);
            return $"已登记{c.KindName}：{c.RecipientName}，{c.Title}。";
        }, ct);

    public Task<IActionResult> OnPostSupportAsync(CancellationToken ct) =>
        RecordAsync(SupportTab, nameof(Support), async actor =>
        {
            var s = await RecordSupportMeasure.HandleAsync(
                new RecordSupportMeasure.Request(Support.Kind, Support.PersonId, Support.UnitId, Support.Description, Support.ProvidedOn),
                actor, runner, ct);
            return $"已登记支持保障措施（{s.Kind}）：{s.RecipientName}。";
        }, ct);

    public Task<IActionResult> OnPostEditTalkAsync(Guid id, CancellationToken ct) =>
        RecordAsync(TalksTab, nameof(Talk), async actor =>
        {
            var t = await CorrectHeartTalk.HandleAsync(id, RecordVersion,
                new RecordHeartTalk.Request(Talk.PersonId, Talk.HeldOn, Talk.TalkerPersonId, Talk.Topics, Talk.FollowUp), actor, runner, ct);
            return $"已修改{t.TalkerName}与{t.PersonName}的谈心谈话记录（{t.HeldOn:yyyy-MM-dd}）。";
        }, ct, editing: id);

    public Task<IActionResult> OnPostEditCommendationAsync(Guid id, CancellationToken ct) =>
        RecordAsync(CommendationsTab, nameof(Commendation), async actor =>
        {
            var c = await CorrectCommendation.HandleAsync(id, RecordVersion,
                new RecordCommendation.Request(Commendation.Kind, Commendation.PersonId, Commendation.UnitId, Commendation.Title,
                    Commendation.Basis, Commendation.AwardedBy, Commendation.AwardedOn), actor, runner, ct);
            return $"已修改{c.KindName}记录：{c.RecipientName}，{c.Title}。";
        }, ct, editing: id);

    public Task<IActionResult> OnPostEditSupportAsync(Guid id, CancellationToken ct) =>
        RecordAsync(SupportTab, nameof(Support), async actor =>
        {
            var s = await CorrectSupportMeasure.HandleAsync(id, RecordVersion,
                new RecordSupportMeasure.Request(Support.Kind, Support.PersonId, Support.UnitId, Support.Description, Support.ProvidedOn),
                actor, runner, ct);
            return $"已修改支持保障措施记录（{s.Kind}）：{s.RecipientName}。";
        }, ct, editing: id);

    public Task<IActionResult> OnPostWithdrawTalkAsync(Guid id, CancellationToken ct) =>
        RecordAsync(TalksTab, nameof(Withdrawal), async actor =>
        {
            var t = await WithdrawHeartTalk.HandleAsync(id, RecordVersion, new WithdrawHeartTalk.Request(Withdrawal.Reason), actor, runner, ct);
            return $"已撤销{t.TalkerName}与{t.PersonName}的谈心谈话记录（{t.HeldOn:yyyy-MM-dd}）。";
        }, ct, withdrawing: id);

    public Task<IActionResult> OnPostWithdrawCommendationAsync(Guid id, CancellationToken ct) =>
        RecordAsync(CommendationsTab, nameof(Withdrawal), async actor =>
        {
            var c = await WithdrawCommendation.HandleAsync(id, RecordVersion, new WithdrawCommendation.Request(Withdrawal.Reason), actor, runner, ct);
            return $"已撤销{c.KindName}记录：{c.RecipientName}，{c.Title}。";
        }, ct, withdrawing: id);

    public Task<IActionResult> OnPostWithdrawSupportAsync(Guid id, CancellationToken ct) =>
        RecordAsync(SupportTab, nameof(Withdrawal), async actor =>
        {
            var s = await WithdrawSupportMeasure.HandleAsync(id, RecordVersion, new WithdrawSupportMeasure.Request(Withdrawal.Reason), actor, runner, ct);
            return $"已撤销支持保障措施记录（{s.Kind}）：{s.RecipientName}。";
        }, ct, withdrawing: id);

    /// <summary>
    /// Runs the command; success goes back to the list (post, redirect, get), a refusal shows next to the fields of
    /// the form it came from, with what was entered (a correction or withdrawal keeps its form open).
    /// </summary>
    private async Task<IActionResult> RecordAsync(
        string tab, string prefix, Func<Actor, Task<string>> record, CancellationToken ct, Guid? editing = null, Guid? withdrawing = null)
    {
        Tab = tab;
        try
        {
            TempData["Notice"] = await record(actor);
            return Redirect(Link(tab));
        }
        catch (DomainException e) when (e.Kind is ErrorKind.Invalid or ErrorKind.Forbidden or ErrorKind.Conflict or ErrorKind.NotFound)
        {
            // The handler's Chinese messages replace the binder's (an unreadable date arrives as none).
            ModelState.Clear();
            ModelState.AddDomainErrors(e, prefix);
            if (!await LoadAsync(actor, ct))
            {
                return StatusCode(StatusCodes.Status403Forbidden);
            }
            EditingId = editing;
            if (withdrawing is { } id)
            {
                WithdrawingId = id;
                Withdrawable(id);
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

        SeesWithdrawn = IncentiveAccess.SeesWithdrawn(actor);
        ShowWithdrawn &= SeesWithdrawn;
        var filter = new IncentiveQueries.Filter(UnitId, Year, IncludeWithdrawn: ShowWithdrawn);
        Talks = await ListHeartTalks.HandleAsync(db, actor, filter, ct);
        Commendations = await ListCommendations.HandleAsync(db, actor, filter, ct);
        SupportMeasures = await ListSupportMeasures.HandleAsync(db, actor, filter, ct);
        Years = Enumerable.Range(Today.Year - 5, 6).Concat(Year is { } y ? [y] : []).Distinct().OrderByDescending(x => x).ToList();
        return true;
    }

    /// <summary>The page with the current filters and the given tab (and handler and record, or the record to correct or withdraw).</summary>
    public string Link(string tab, string? handler = null, Guid? id = null, Guid? edit = null, Guid? withdraw = null, bool? showWithdrawn = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Tab"] = tab,
            ["UnitId"] = UnitId?.ToString(),
            ["Year"] = Year?.ToString() ?? "",
            ["ShowWithdrawn"] = showWithdrawn ?? ShowWithdrawn ? "true" : null,
            ["Edit"] = edit?.ToString(),
            ["Withdraw"] = withdraw?.ToString(),
            ["handler"] = handler,
            ["id"] = id?.ToString(),
        };
        return "/Incentives" + QueryString.Create(values.Where(v => v.Value is not null));
    }

    /// <summary>People for a picker, grouped by unit.</summary>
    public static IEnumerable<IGrouping<string, PersonOption>> ByUnit(IEnumerable<PersonOption> people) =>
        people.GroupBy(p => p.UnitName);
}
