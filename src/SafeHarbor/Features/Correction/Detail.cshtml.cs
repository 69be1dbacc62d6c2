using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Web;

namespace SafeHarbor.Features.Correction;

/// <summary>
/// The correction of one exempted or mitigated case (Art. 8): talks and reminder letters point out the
/// error, the cause is analysed, the plan's measures get owners and due dates in working days, follow-up
/// checks watch them done, and the plan is closed with its evidence.
/// </summary>
public sealed partial class DetailModel(PageServices services) : CorrectionPage(services)
{
    public sealed class TalkInput
    {
        public DateOnly? HeldOn { get; set; }
        public Guid? TalkerPersonId { get; set; }

        /// <summary><c>Person:{id}</c> or <c>Unit:{id}</c>: one of the case's subjects.</summary>
        public string? Interviewee { get; set; }
        public string? Place { get; set; }
        public string? Points { get; set; }
    }

    public sealed class LetterInput
    {
        public DateOnly? SentOn { get; set; }
        public string? Addressee { get; set; }
        public string? Points { get; set; }
    }

    public sealed class AnalysisInput
    {
        public string? Text { get; set; }
    }

    public sealed class MeasureRow
    {
        public string? Text { get; set; }
        public Guid? OwnerPersonId { get; set; }
        public int? WorkingDays { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Text) && OwnerPersonId is null;
    }

    public sealed class PlanInput
    {
        public List<MeasureRow> Measures { get; set; } = [];
    }

    public sealed class CompletionInput
    {
        public Guid MeasureId { get; set; }
        public string? Evidence { get; set; }
    }

    public sealed class FollowUpInput
    {
        public DateOnly? CheckedOn { get; set; }
        public string? Finding { get; set; }
        public bool? Satisfactory { get; set; }
    }

    public sealed class ClosureInput
    {
        public string? Summary { get; set; }
    }

    /// <summary>Rows the plan form offers; blank ones are left out.</summary>
    public const int PlanRows = 3;

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    /// <summary>The plan version the user saw; a change made by someone else in between is refused, not overwritten.</summary>
    [BindProperty] public int PlanVersion { get; set; }

    [BindProperty] public TalkInput Talk { get; set; } = new();
    [BindProperty] public LetterInput Letter { get; set; } = new();
    [BindProperty] public AnalysisInput Analysis { get; set; } = new();
    [BindProperty] public PlanInput Plan { get; set; } = new();
    [BindProperty] public MeasureRow NewMeasure { get; set; } = new();
    [BindProperty] public CompletionInput Completion { get; set; } = new();
    [BindProperty] public FollowUpInput FollowUp { get; set; } = new();
    [BindProperty] public ClosureInput Closure { get; set; } = new();

    public CorrectionQueries.CorrectionView View { get; private set; } = null!;

    /// <summary>Why this case has no correction (not exempted or mitigated); the page says so instead.</summary>
    public string? NotApplicable { get; private set; }

    public IReadOnlyList<PersonOption> People { get; private set; } = [];

    private int? ExpectedVersion => PlanVersion == 0 ? null : PlanVersion;

    private string Here => $"/Correction/{Id}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        if (NotApplicable is null)
        {
            PlanVersion = View.Plan?.Version ?? 0;
            Talk.HeldOn ??= Today;
            Talk.TalkerPersonId ??= Actor.PersonId;
            Talk.Place ??= "局机关谈话室";
            Talk.Interviewee ??= View.Subjects.Select(SubjectValue).FirstOrDefault();
            Letter.SentOn ??= Today;
            Letter.Addressee ??= string.Join("、", View.Subjects.Select(s => s.Name));
            Analysis.Text ??= View.Analysis?.Text;
            FollowUp.CheckedOn ??= Today;
            var owner = View.Subjects.FirstOrDefault(s => s.Kind == SubjectKind.Person)?.Id;
            Plan.Measures = Enumerable.Range(0, PlanRows).Select(i => new MeasureRow { OwnerPersonId = i == 0 ? owner : null, WorkingDays = 10 }).ToList();
            NewMeasure.OwnerPersonId ??= owner;
            NewMeasure.WorkingDays ??= 10;
        }
        return Page();
    }

    public static string SubjectValue(CorrectionQueries.SubjectView s) => $"{s.Kind}:{s.Id}";

    public Task<IActionResult> OnPostTalkAsync(CancellationToken ct)
    {
        var (person, unit) = ParseInterviewee(Talk.Interviewee);
        return RunAsync(actor => RecordTalk.HandleAsync(Id, new RecordTalk.Request(Talk.HeldOn, Talk.TalkerPersonId, person, unit, Talk.Place, Talk.Points), actor, Services.Runner, ct),
            "已记录个别谈话。", Here + "#talks", "Talk", ct);
    }

    public Task<IActionResult> OnPostLetterAsync(CancellationToken ct) =>
        RunAsync(actor => RecordReminderLetter.HandleAsync(Id, new RecordReminderLetter.Request(Letter.SentOn, Letter.Addressee, Letter.Points), actor, Services.Runner, ct),
            "已登记发函提醒。", Here + "#letters", "Letter", ct);

    public Task<IActionResult> OnPostAnalysisAsync(CancellationToken ct) =>
        RunAsync(actor => RecordCauseAnalysis.HandleAsync(Id, new RecordCauseAnalysis.Request(Analysis.Text), actor, Services.Runner, ct),
            "已保存原因分析。", Here + "#analysis", "Analysis", ct);

    public Task<IActionResult> OnPostPlanAsync(CancellationToken ct)
    {
        var rows = Plan.Measures.Select((m, i) => (m, i)).Where(x => !x.m.IsBlank).ToList();
        return RunAsync(actor => CreatePlan.HandleAsync(Id, new CreatePlan.Request(rows.Select(x => new CreatePlan.MeasureInput(x.m.Text, x.m.OwnerPersonId, x.m.WorkingDays)).ToList()),
                actor, Services.Runner, Services.Calendar, ct),
            "整改方案已制定，措施责任人将在待办中看到各自的措施和期限。", Here + "#plan", "Plan", ct,
            // The handler numbers the rows it was given; the form numbers every row, blank ones included.
            key => MeasureIndex().Replace(key, m =>
            {
                var index = int.Parse(m.Groups[1].Value);
                return index < rows.Count ? $"measures[{rows[index].i}]" : m.Value;
            }));
    }

    public Task<IActionResult> OnPostMeasureAsync(CancellationToken ct) =>
        RunAsync(actor => AddMeasure.HandleAsync(Id, ExpectedVersion, new CreatePlan.MeasureInput(NewMeasure.Text, NewMeasure.OwnerPersonId, NewMeasure.WorkingDays), actor, Services.Runner, Services.Calendar, ct),
            "已增加整改措施。", Here + "#plan", "NewMeasure", ct);

    public Task<IActionResult> OnPostCompleteAsync(CancellationToken ct) =>
        RunAsync(actor => CompleteMeasure.HandleAsync(Id, Completion.MeasureId, ExpectedVersion, new CompleteMeasure.Request(Completion.Evidence), actor, Services.Runner, ct),
            "已登记整改措施完成情况。", Here + "#plan", "Completion", ct);

    public Task<IActionResult> OnPostFollowUpAsync(CancellationToken ct) =>
        RunAsync(actor => RecordFollowUp.HandleAsync(Id, ExpectedVersion, new RecordFollowUp.Request(FollowUp.CheckedOn, FollowUp.Finding, FollowUp.Satisfactory), actor, Services.Runner, ct),
            "已记录跟踪检查。", Here + "#follow-ups", "FollowUp", ct);

    public Task<IActionResult> OnPostCloseAsync(CancellationToken ct) =>
        RunAsync(actor => ClosePlan.HandleAsync(Id, ExpectedVersion, new ClosePlan.Request(Closure.Summary), actor, Services.Runner, ct),
            "整改方案已验收销号。", Here + "#plan", "Closure", ct);

    protected override async Task<bool> LoadAsync(CancellationToken ct)
    {
        try
        {
            View = await GetCorrection.HandleAsync(Id, Actor, Services.Db, Services.Policies, Services.Calendar, Today, ct);
        }
        catch (DomainException e) when (e.Code == "correction-not-applicable")
        {
            NotApplicable = e.Message;
            return true;
        }
        People = await PeopleAsync(ct);
        return true;
    }

    private static (Guid? Person, Guid? Unit) ParseInterviewee(string? value)
    {
        var parts = (value ?? "").Split(':', 2);
        if (parts.Length == 2 && Guid.TryParse(parts[1], out var id))
        {
            return parts[0] == nameof(SubjectKind.Unit) ? (null, id) : (id, null);
        }
        return (null, null);
    }

    [GeneratedRegex(@"^measures\[(\d+)\]")]
    private static partial Regex MeasureIndex();
}
