using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Web;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Features.Determination;

/// <summary>
/// A party-group meeting (Art. 5(3)): attendance and recusals, the quorum shown live, each member's
/// own vote on each case, the decision with its reasons, postponement.
/// </summary>
public sealed class DetailModel(PageServices services) : PageModel
{
    public sealed class AttendanceRow
    {
        public Guid PersonId { get; set; }
        public bool Present { get; set; }
        public string? AbsenceReason { get; set; }
    }

    public sealed class CaseInput
    {
        public Guid CaseId { get; set; }
        public int Version { get; set; }
        public Guid PersonId { get; set; }
        public string? Reason { get; set; }
        public VoteChoice Choice { get; set; }
        public Outcome Outcome { get; set; } = Outcome.Exempted;
        public string? Reasons { get; set; }
        public string? Mitigation { get; set; }
        public string? DepartureReason { get; set; }
    }

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public List<AttendanceRow> Attendance { get; set; } = [];
    [BindProperty] public CaseInput Input { get; set; } = new();

    /// <summary>A 举手表决 row: a member present and how they raised their hand (none: not recorded).</summary>
    public sealed class HandRow
    {
        public Guid PersonId { get; set; }
        public VoteChoice? Choice { get; set; }
    }

    [BindProperty] public List<HandRow> Hands { get; set; } = [];

    public GetMeeting.MeetingView Meeting { get; private set; } = null!;
    public IReadOnlyList<Case> Schedulable { get; private set; } = [];
    public bool IsSecretariat { get; private set; }
    public Actor Actor { get; private set; } = null!;
    public PolicyVersion Policy { get; private set; } = null!;

    public bool IsOpen => Meeting.Status == MeetingStatus.Open;

    public bool MayVoteOn(GetMeeting.AgendaView item) =>
        IsOpen && Meeting.Quorum.Reached && item.Status == CaseStatus.Scheduled && Actor.PersonId is { } me
        && Meeting.Members.Any(m => m.PersonId == me && m.Present)
        && item.Votes.All(v => v.PersonId != me) && item.Recused.All(r => r.PersonId != me)
        && Policy.RolesFor(Duty.Vote).Any(Actor.Has);

    /// <summary>The signed-in member's vote on an item, while it can still be corrected (the decision not yet recorded).</summary>
    public GetMeeting.VoteView? MyCorrectableVote(GetMeeting.AgendaView item) =>
        IsOpen && item.Status == CaseStatus.Scheduled && Actor.PersonId is { } me && Policy.RolesFor(Duty.Vote).Any(Actor.Has)
            ? item.Votes.FirstOrDefault(v => v.PersonId == me)
            : null;

    /// <summary>The choices a member may vote for under the policy, abstention included.</summary>
    public IEnumerable<VoteChoice> Choices => Enum.GetValues<VoteChoice>().Where(c => c == VoteChoice.Abstain || Policy.Outcomes.Any(o => o.Code.ToVote() == c));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Page() : StatusCode(StatusCodes.Status403Forbidden);

    /// <summary>The quorum panel, polled by htmx so everyone sees attendance as it is recorded.</summary>
    public async Task<IActionResult> OnGetQuorumAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Partial("_Quorum", Meeting.Quorum) : StatusCode(StatusCodes.Status403Forbidden);

    public Task<IActionResult> OnPostAttendanceAsync(CancellationToken ct) =>
        RunAsync(actor => RecordAttendance.HandleAsync(Id, new RecordAttendance.AttendanceRequest(
            Attendance.Select(a => new RecordAttendance.AttendanceEntry(a.PersonId, a.Present, a.AbsenceReason)).ToList()), actor, services.Runner, ct),
            "已登记出席情况。", "Attendance", ct,
            // The handler names rows members[i]; the form's rows are Attendance[i].
            key => key.StartsWith("members", StringComparison.Ordinal) ? key["members".Length..] : key);

    public Task<IActionResult> OnPostScheduleAsync(CancellationToken ct) =>
        RunAsync(actor => ScheduleCase.HandleAsync(Id, Input.CaseId, Expected, actor, services.Runner, ct), "已列入会议议题。", "Input", ct);

    public Task<IActionResult> OnPostRecusalAsync(CancellationToken ct) =>
        RunAsync(actor => RecordRecusal.HandleAsync(Id, Input.CaseId, Expected, new RecordRecusal.RecusalRequest(Input.PersonId, Input.Reason), actor, services.Runner, ct),
            "已登记回避。", "Input", ct);

    public Task<IActionResult> OnPostVoteAsync(CancellationToken ct) =>
        RunAsync(actor => CastVote.HandleAsync(Id, Input.CaseId, new CastVote.VoteRequest(Input.Choice, Input.Reason), actor, services.Runner, ct),
            Input.Reason is null ? $"您的表决（{Input.Choice.Chinese()}）已记录。" : $"您的表决已更正为“{Input.Choice.Chinese()}”，原表决和更正理由已记入审计。", "Input", ct);

    public Task<IActionResult> OnPostShowOfHandsAsync(CancellationToken ct) =>
        RunAsync(actor => RecordShowOfHands.HandleAsync(Id, Input.CaseId, Expected, new RecordShowOfHands.ShowOfHandsRequest(
                Hands.Where(h => h.Choice is not null).Select(h => new RecordShowOfHands.ShowOfHandsEntry(h.PersonId, h.Choice!.Value)).ToList()), actor, services.Runner, ct),
            "已登记举手表决结果。", "Input", ct);

    public Task<IActionResult> OnPostDecideAsync(CancellationToken ct) =>
        RunAsync(actor => DecideCase.HandleAsync(Id, Input.CaseId, Expected, new DecideCase.DecisionRequest(Input.Outcome, Input.Reasons, Input.Mitigation, Input.DepartureReason), actor, services.Runner, ct),
            "已形成认定意见。", "Input", ct);

    public Task<IActionResult> OnPostPostponeAsync(CancellationToken ct) =>
        RunAsync(actor => PostponeCase.HandleAsync(Id, Input.CaseId, Expected, new PostponeCase.PostponeRequest(Input.Reason), actor, services.Runner, ct),
            "已暂缓研究，案件移出议题。", "Input", ct);

    public Task<IActionResult> OnPostCloseAsync(CancellationToken ct) =>
        RunAsync(actor => CloseMeeting.HandleAsync(Id, actor, services.Runner, ct), "会议已结束。", "Input", ct);

    private int? Expected => Input.Version == 0 ? null : Input.Version;

    private async Task<IActionResult> RunAsync<T>(Func<Actor, Task<T>> command, string notice, string prefix, CancellationToken ct, Func<string, string>? mapKey = null)
    {
        if (!await LoadAsync(ct))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        try
        {
            await command(Actor);
        }
        catch (DomainException e) when (e.Kind is ErrorKind.Invalid or ErrorKind.Conflict or ErrorKind.Forbidden)
        {
            ModelState.AddDomainErrors(e, prefix, mapKey);
            await LoadAsync(ct);
            return Page();
        }
        TempData["Notice"] = notice;
        return Redirect($"/Meetings/{Id}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Actor = services.Actor;
        if (!Actor.SeesAllCases)
        {
            return false;
        }
        Meeting = await GetMeeting.HandleAsync(services.Db, services.Policies, Id, ct);
        Policy = services.Policies.InForceOn(Meeting.HeldOn);
        IsSecretariat = Policy.RolesFor(Duty.Secretariat).Any(Actor.Has);
        Schedulable = await services.Db.Cases.AsNoTracking().Where(c => c.Status == CaseStatus.Reported).OrderBy(c => c.Number).ToListAsync(ct);
        if (Attendance.Count == 0)
        {
            Attendance = Meeting.Members.Select(m => new AttendanceRow { PersonId = m.PersonId, Present = !Meeting.AttendanceRecorded || m.Present, AbsenceReason = m.AbsenceReason }).ToList();
        }
        return true;
    }
}
