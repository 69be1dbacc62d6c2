using SafeHarbor.Calendar;
using SafeHarbor.Organisation;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Cases;

public enum SubjectKind
{
    Unit,
    Person,
}

/// <summary>
/// A unit or person held accountable in the matter (问责对象). For a person, <see cref="UnitId"/> is
/// the unit they belonged to when the matter was registered, so the unit's leaders can see the case.
/// </summary>
public sealed class CaseSubject
{
    public SubjectKind Kind { get; set; }
    public Guid? UnitId { get; set; }
    public Guid? PersonId { get; set; }
    public required string Name { get; set; }
}

/// <summary>What the applicant claims about one condition or exclusion of the policy.</summary>
public sealed class Claim
{
    public required string ItemCode { get; set; }
    public required string Explanation { get; set; }
}

/// <summary>The investigator's finding on one condition or exclusion of the policy.</summary>
public sealed class Finding
{
    public required string ItemCode { get; set; }
    public Verdict Verdict { get; set; }
    public required string Note { get; set; }
    public Guid RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>The written application of Art. 5(1).</summary>
public sealed class CaseApplication
{
    public SubjectKind ApplicantKind { get; set; }
    public Guid? ApplicantPersonId { get; set; }
    public Guid? ApplicantUnitId { get; set; }
    public required string ApplicantName { get; set; }
    public Guid SubmittedBy { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public DateOnly SubmittedOn { get; set; }
    public required string Facts { get; set; }
    public required string EffectAndLosses { get; set; }
    public required string RecoveryMeasures { get; set; }
}

public sealed class InvestigationReport
{
    public required string Text { get; set; }
    public Outcome Recommendation { get; set; }
    public Guid SubmittedBy { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
}

public sealed class CaseDecision
{
    public Outcome Outcome { get; set; }
    public required string Reasons { get; set; }
    public string? Mitigation { get; set; }
    public Guid MeetingId { get; set; }

    /// <summary>The meeting that decided, as the feedback and the documents name it.</summary>
    public string MeetingTitle { get; set; } = "";
    public DateOnly DecidedOn { get; set; }

    /// <summary>What the eligibility advice said when the party group decided; the decision may depart from it.</summary>
    public Recommendation AdviceAtDecision { get; set; }

    /// <summary>Why the party group departed from the report's recommendation or the advice; printed in the minutes and the feedback.</summary>
    public string? DepartureReason { get; set; }
}

/// <summary>One recorded step: the audit log and the timeline are written from these.</summary>
public sealed record CaseEvent(
    CaseAction Action,
    CaseStatus? From,
    CaseStatus To,
    string ActingAs,
    IReadOnlyDictionary<string, object?> Changes);

public sealed record ApplicationInput(
    SubjectKind ApplicantKind,
    Guid? ApplicantUnitId,
    string? Facts,
    string? EffectAndLosses,
    string? RecoveryMeasures,
    IReadOnlyList<ClaimInput>? Claims);

public sealed record ClaimInput(string? Code, string? Explanation);

/// <summary>One item of the verification form: no verdict and no note leaves the item 未核实.</summary>
public sealed record FindingEntry(string? ItemCode, Verdict? Verdict, string? Note);

/// <summary>The party group's determination as the secretary records it.</summary>
public sealed record DecisionInput(Outcome Outcome, string? Reasons, string? Mitigation, string? DepartureReason = null);

/// <summary>
/// The case (一事一议, Art. 3): one accountability matter and everything the procedure does with it.
/// Only this class changes <see cref="Status"/>, and only along <see cref="CaseWorkflow"/>.
/// </summary>
[Article("3")]
public sealed class Case : IBureauOwned
{
    public Guid BureauId { get; set; }

    private readonly List<CaseEvent> pendingEvents = [];

    private Case()
    {
    }

    public Guid Id { get; private set; }
    public string Number { get; private set; } = "";
    public string PolicyId { get; private set; } = "";
    public CaseStatus Status { get; private set; }

    /// <summary>Optimistic concurrency token: every change increments it.</summary>
    public int Version { get; private set; }

    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public string BusinessField { get; private set; } = "";

    /// <summary>失误类型, for prevention analysis (Art. 9); set at registration or during verification.</summary>
    public string? ErrorKind { get; private set; }

    /// <summary>The work the matter arose in (<see cref="WorkItems"/>); with the field and the error kind it says what "the same work or problem" (Art. 7) is.</summary>
    public string? WorkItem { get; private set; }
    public string StartedBy { get; private set; } = "";
    public DateOnly AccountabilityStartedOn { get; private set; }
    public DateOnly ApplicationDeadline { get; private set; }

    /// <summary>Why <see cref="ApplicationDeadline"/> is 暂定 (counted through a year without a holiday notice); null when final.</summary>
    public string? ApplicationDeadlineProvisionalReason { get; private set; }

    /// <summary>The application deadline with its provisional mark.</summary>
    public ComputedDate ApplicationDue => new(ApplicationDeadline, ApplicationDeadlineProvisionalReason);
    public Guid RegisteredBy { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }
    public List<CaseSubject> Subjects { get; private set; } = [];

    public CaseApplication? Application { get; private set; }
    public List<Claim> Claims { get; private set; } = [];
    public List<Finding> Findings { get; private set; } = [];
    public DateOnly? SupplementDueOn { get; private set; }

    /// <summary>Why <see cref="SupplementDueOn"/> is 暂定; null when final or when no supplement is awaited.</summary>
    public string? SupplementDueProvisionalReason { get; private set; }

    /// <summary>The supplement due date with its provisional mark, while a supplement is awaited.</summary>
    public ComputedDate? SupplementDue => SupplementDueOn is { } due ? new(due, SupplementDueProvisionalReason) : null;

    /// <summary>Art. 7: earlier exempted cases of the same unit or person on the same work were found.</summary>
    public bool IsRepeat { get; private set; }
    public string? RepeatExplanation { get; private set; }

    public InvestigationReport? Report { get; private set; }
    public Guid? MeetingId { get; private set; }
    public CaseDecision? Decision { get; private set; }

    /// <summary>Why the case ended without a decision (不予受理 or 撤回).</summary>
    public string? ClosingReason { get; private set; }
    public string? ArchiveNumber { get; private set; }
    public DateTimeOffset? ArchivedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<CaseEvent> PendingEvents => pendingEvents;

    /// <summary>
    /// The application came after the window closed and was refused (不予受理): at once on a final deadline,
    /// or, on a provisional one, by 局机关纪委 or when the year's holiday notice settled it.
    /// </summary>
    public bool WasRefusedAsLate { get; private set; }

    public void ClearPendingEvents() => pendingEvents.Clear();

    public IEnumerable<Guid> SubjectPersonIds => Subjects.Where(s => s.Kind == SubjectKind.Person).Select(s => s.PersonId!.Value);

    /// <summary>Units held accountable as units (a person subject's own unit is not one of them).</summary>
    public IEnumerable<Guid> SubjectUnitIds => Subjects.Where(s => s.Kind == SubjectKind.Unit).Select(s => s.UnitId!.Value);

    public static Case Register(
        CaseNumber number,
        PolicyVersion policy,
        string title,
        string description,
        string businessField,
        string startedBy,
        DateOnly accountabilityStartedOn,
        ComputedDate applicationDeadline,
        IReadOnlyList<CaseSubject> subjects,
        Actor actor,
        DateTimeOffset now)
    {
        var step = CaseWorkflow.Find(null, CaseAction.Register)!;
        var c = new Case
        {
            Id = Guid.NewGuid(),
            Number = number.ToString(),
            PolicyId = policy.Id,
            Title = title.Trim(),
            Description = description.Trim(),
            BusinessField = businessField.Trim(),
            StartedBy = startedBy.Trim(),
            AccountabilityStartedOn = accountabilityStartedOn,
            ApplicationDeadline = applicationDeadline.Date,
            ApplicationDeadlineProvisionalReason = applicationDeadline.ProvisionalReason,
            Subjects = [.. subjects],
            RegisteredBy = actor.UserId,
            RegisteredAt = now,
        };
        var actingAs = c.Authorize(step, actor, policy);
        c.Move(step, actingAs, now, new Dictionary<string, object?>
        {
            ["title"] = c.Title,
            ["businessField"] = c.BusinessField,
            ["accountabilityStartedOn"] = accountabilityStartedOn,
            ["applicationDeadline"] = applicationDeadline.Date,
            ["applicationDeadlineProvisional"] = applicationDeadline.ProvisionalReason,
            ["subjects"] = subjects.Select(s => s.Name).ToArray(),
            ["policy"] = policy.DocumentNumber,
        });
        return c;
    }

    // ---- who may do what -------------------------------------------------------------------

    /// <summary>The actions this user may take now: what pages and the API offer.</summary>
    public IReadOnlyList<CaseAction> ActionsAllowedFor(Actor actor, PolicyVersion policy) =>
        CaseWorkflow.Steps
            .Where(s => s.From == Status && !s.Automatic)
            .Where(s => TryAuthorize(s, actor, policy, out _) is null)
            .Where(s => s.Action != CaseAction.Publish || Decision?.Outcome == Outcome.Exempted)
            .Select(s => s.Action)
            .Distinct()
            .ToList();

    /// <summary>Checks that the table allows the action now and that this user holds its duty; returns the capacity acted in.</summary>
    public string EnsureAllowed(CaseAction action, Actor actor, PolicyVersion policy)
    {
        var step = StepFor(action);
        return Authorize(step, actor, policy);
    }

    /// <summary>Records an action that does not move the case (a finding, a guidance request, a vote, an upload).</summary>
    public void Record(CaseAction action, Actor actor, PolicyVersion policy, DateTimeOffset now, IReadOnlyDictionary<string, object?> changes)
    {
        var step = StepFor(action);
        if (step.To != step.From)
        {
            throw new InvalidOperationException($"{action} moves the case; call its own method.");
        }
        Move(step, Authorize(step, actor, policy), now, changes);
    }

    public bool IsApplicant(Actor actor) =>
        Application is { } a && (a.SubmittedBy == actor.UserId
            || (a.ApplicantKind == SubjectKind.Person && a.ApplicantPersonId == actor.PersonId && actor.PersonId is not null)
            || (a.ApplicantKind == SubjectKind.Unit && a.ApplicantUnitId is { } u && actor.Leads(u)));

    public bool IsSubject(Actor actor) =>
        (actor.PersonId is { } p && SubjectPersonIds.Contains(p))
        || (actor.IsLeader && actor.UnitId is { } u && SubjectUnitIds.Contains(u));

    private WorkflowStep StepFor(CaseAction action)
    {
        if (Status == CaseStatus.Archived)
        {
            throw DomainException.Conflict("case-archived", $"案件 {Number} 已存档备案，只能查阅，不能再{action.Chinese()}。");
        }
        return CaseWorkflow.Find(Status, action)
            ?? throw DomainException.Conflict(
                "action-not-allowed",
                $"案件 {Number} 当前状态为“{Status.Chinese()}”，按程序不能{action.Chinese()}（第六条：严格程序，不得跳过或颠倒步骤）。");
    }

    /// <summary>
    /// The one decision whether this actor may take this step now (the table's duties, Art. 6 recusal),
    /// made once per step: the command runner asks before the handler checks its input, so refusals
    /// come in the order a user understands, and the step's own method and <see cref="Transit"/> take
    /// the same answer instead of deciding again. The answer lapses when the case moves.
    /// </summary>
    private string Authorize(WorkflowStep step, Actor actor, PolicyVersion policy)
    {
        if (granted is { } g && g.From == Status && g.Action == step.Action && g.UserId == actor.UserId)
        {
            return g.ActingAs;
        }
        if (TryAuthorize(step, actor, policy, out var actingAs) is { } refusal)
        {
            throw refusal;
        }
        granted = new Grant(Status, step.Action, actor.UserId, actingAs!);
        return actingAs!;
    }

    private sealed record Grant(CaseStatus From, CaseAction Action, Guid UserId, string ActingAs);

    private Grant? granted;

    private DomainException? TryAuthorize(WorkflowStep step, Actor actor, PolicyVersion policy, out string? actingAs)
    {
        actingAs = null;
        DomainException? refusal = null;
        foreach (var duty in step.Duties)
        {
            if (duty == Duty.Applicant)
            {
                var qualifies = Application is null ? IsSubject(actor) : IsApplicant(actor);
                if (qualifies)
                {
                    actingAs = "申请人";
                    return null;
                }
                refusal ??= DomainException.Forbidden(
                    "not-applicant",
                    Application is null
                        ? $"只有问责对象本人或被问责单位的负责人可以{step.Action.Chinese()}。"
                        : $"只有本案申请人可以{step.Action.Chinese()}。");
                continue;
            }

            var roles = policy.RolesFor(duty).Where(actor.Has).ToList();
            if (roles.Count == 0)
            {
                refusal ??= DomainException.Forbidden(
                    "not-your-duty",
                    $"{step.Action.Chinese()}由{policy.BodyFor(duty)}办理，您当前的角色不能办理。");
                continue;
            }
            // Art. 6: whoever is a subject of the matter or applied cannot verify, decide or archive it.
            if (IsSubject(actor) || IsApplicant(actor))
            {
                refusal = DomainException.Forbidden(
                    "separation-of-duties",
                    $"您是本事项的问责对象或申请人，依照第六条应当回避，不能{step.Action.Chinese()}。");
                continue;
            }
            actingAs = roles[0].Chinese();
            return null;
        }
        return refusal;
    }

    private void Move(WorkflowStep step, string actingAs, DateTimeOffset now, IReadOnlyDictionary<string, object?> changes)
    {
        var from = step.From;
        granted = null;
        Status = step.To;
        Version++;
        UpdatedAt = now;
        pendingEvents.Add(new CaseEvent(step.Action, from, step.To, actingAs, changes));
    }

    private void Transit(CaseAction action, Actor actor, PolicyVersion policy, DateTimeOffset now, IReadOnlyDictionary<string, object?> changes)
    {
        var step = StepFor(action);
        Move(step, Authorize(step, actor, policy), now, changes);
    }

    // ---- application (Art. 5(1)) -------------------------------------------------------------

    /// <summary>
    /// Files the application. Art. 5(1): within the window after the accountability procedure
    /// started; a late application is refused (不予受理) and the refusal and its reason are kept.
    /// Art. 7: <paramref name="repeatOf"/> names earlier exempted cases on the same work or problem.
    /// </summary>
    public void Apply(ApplicationInput input, Actor actor, PolicyVersion policy, DateTimeOffset now, DateOnly today, IReadOnlyDictionary<Guid, string> unitNames, string? repeatOf)
    {
        var applyStep = StepFor(CaseAction.Apply);
        var actingAs = Authorize(applyStep, actor, policy);

        var v = new Validation()
            .RequireText(input.Facts, "facts", "失误错误的事实经过", 5000)
            .RequireText(input.EffectAndLosses, "effectAndLosses", "造成的影响和损失", 3000)
            .RequireText(input.RecoveryMeasures, "recoveryMeasures", "采取的挽回措施", 3000);
        var claims = input.Claims ?? [];
        v.Require(claims.Any(c => policy.Conditions.Items.Any(i => i.Code == c.Code)), "claims",
            $"请至少主张一项{policy.Conditions.Article}所列条件。");
        foreach (var (claim, index) in claims.Select((c, i) => (c, i)))
        {
            v.Require(claim.Code is not null && policy.FindItem(claim.Code) is not null, $"claims[{index}].code",
                $"“{claim.Code}”不是本办法（{policy.DocumentNumber}）规定的条件。");
            v.RequireText(claim.Explanation, $"claims[{index}].explanation", "主张该项条件的理由", 2000);
        }
        v.Require(claims.Select(c => c.Code).Distinct().Count() == claims.Count, "claims", "同一条件不能重复主张。");

        if (!Enum.IsDefined(input.ApplicantKind))
        {
            v.Require(false, "applicantKind", "申请人类型应为 Person（个人）或 Unit（单位）。").ThrowIfInvalid();
        }
        string applicantName;
        if (input.ApplicantKind == SubjectKind.Unit)
        {
            var unitId = input.ApplicantUnitId ?? actor.UnitId;
            v.Require(unitId is not null && SubjectUnitIds.Contains(unitId.Value), "applicantUnitId", "以单位名义申请的，该单位须为本事项的被问责单位。");
            v.Require(unitId is not null && actor.Leads(unitId.Value), "applicantUnitId", "以单位名义申请须由该单位负责人提出。");
            applicantName = unitId is { } id && unitNames.TryGetValue(id, out var n) ? n : "";
            v.ThrowIfInvalid();
            Application = NewApplication(SubjectKind.Unit, null, unitId, applicantName);
        }
        else
        {
            v.Require(actor.PersonId is { } p && SubjectPersonIds.Contains(p), "applicantKind", "以个人名义申请的，申请人须为本事项的被问责人员。");
            v.ThrowIfInvalid();
            applicantName = actor.DisplayName;
            Application = NewApplication(SubjectKind.Person, actor.PersonId, null, applicantName);
        }
        Claims = claims.Select(c => new Claim { ItemCode = c.Code!, Explanation = c.Explanation!.Trim() }).ToList();

        var changes = new Dictionary<string, object?>
        {
            ["applicant"] = applicantName,
            ["submittedOn"] = today,
            ["deadline"] = ApplicationDue.ToString(),
            ["claims"] = Claims.Select(c => c.ItemCode).ToArray(),
        };
        if (repeatOf is not null)
        {
            IsRepeat = true;
            RepeatExplanation = repeatOf;
            changes["repeatOf"] = repeatOf;
        }
        if (today > ApplicationDeadline && ApplicationDeadlineProvisionalReason is { } guess)
        {
            // Nothing is refused on a guess: the case waits for the year's notice, or for 局机关纪委 to decide with a reason.
            changes["provisional"] = guess;
            Move(CaseWorkflow.Find(CaseStatus.Registered, CaseAction.HoldLateApplication)!, actingAs, now, changes);
            return;
        }
        if (today > ApplicationDeadline)
        {
            RefuseAsLate(policy, today);
            changes["reason"] = ClosingReason;
            Move(CaseWorkflow.Find(CaseStatus.Registered, CaseAction.RefuseAsLate)!, actingAs, now, changes);
            return;
        }
        Move(applyStep, actingAs, now, changes);

        CaseApplication NewApplication(SubjectKind kind, Guid? personId, Guid? unitId, string name) => new()
        {
            ApplicantKind = kind,
            ApplicantPersonId = personId,
            ApplicantUnitId = unitId,
            ApplicantName = name,
            SubmittedBy = actor.UserId,
            SubmittedAt = now,
            SubmittedOn = today,
            Facts = input.Facts!.Trim(),
            EffectAndLosses = input.EffectAndLosses!.Trim(),
            RecoveryMeasures = input.RecoveryMeasures!.Trim(),
        };
    }

    private void RefuseAsLate(PolicyVersion policy, DateOnly submittedOn, string? decision = null)
    {
        WasRefusedAsLate = true;
        ClosingReason =
            $"申请日期 {submittedOn:yyyy-MM-dd} 已超过申请期限：启动问责程序日期为 {AccountabilityStartedOn:yyyy-MM-dd}，" +
            $"依照{policy.ApplicationWindow.Article}应在{PolicyText.DescribeWindow(policy.ApplicationWindow)}内提出，期限截至 {ApplicationDue}。{decision}";
    }

    /// <summary>
    /// 局机关纪委 decides on an application made after a provisional deadline (暂定) without waiting for the
    /// year's notice: accepted, or refused as late, always with the reason.
    /// </summary>
    public void DecideLateApplication(bool accept, string? reason, Actor actor, PolicyVersion policy, DateTimeOffset now)
    {
        var action = accept ? CaseAction.AcceptApplication : CaseAction.RefuseApplication;
        var step = StepFor(action);
        var actingAs = Authorize(step, actor, policy);
        new Validation().RequireText(reason, "reason", accept ? "受理理由" : "不予受理理由", 1000).ThrowIfInvalid();
        SettleLateApplication(step, accept, reason!.Trim(), policy, actingAs, now);
    }

    /// <summary>
    /// The deadline was recomputed on the calendar in force (the year's notice arrived). A deadline still
    /// running moves; an application that waits on a provisional deadline is settled by the final one; for a
    /// step already taken the date it was judged by stays and only the mark goes.
    /// </summary>
    /// <returns>Whether anything changed.</returns>
    public bool RecomputeApplicationDeadline(ComputedDate recomputed, PolicyVersion policy, string actingAs, DateTimeOffset now)
    {
        var running = Status is CaseStatus.Registered or CaseStatus.TimelinessPending;
        if (ApplicationDeadlineProvisionalReason is null || Status == CaseStatus.Archived || recomputed == ApplicationDue
            || (!running && recomputed.Provisional))
        {
            return false;
        }
        if (running)
        {
            ApplicationDeadline = recomputed.Date;
            ApplicationDeadlineProvisionalReason = recomputed.ProvisionalReason;
        }
        else
        {
            ApplicationDeadlineProvisionalReason = null;
        }
        Version++;
        UpdatedAt = now;
        if (Status == CaseStatus.TimelinessPending && !recomputed.Provisional)
        {
            var inTime = Application!.SubmittedOn <= recomputed.Date;
            var step = StepFor(inTime ? CaseAction.AcceptApplication : CaseAction.RefuseApplication);
            SettleLateApplication(step, inTime,
                inTime
                    ? $"按正式公布的节假日安排，申请期限截至 {recomputed.Date:yyyy-MM-dd}，申请于 {Application.SubmittedOn:yyyy-MM-dd} 提出，在期限内，予以受理。"
                    : $"按正式公布的节假日安排，申请期限截至 {recomputed.Date:yyyy-MM-dd}，申请于 {Application.SubmittedOn:yyyy-MM-dd} 提出，已超过期限，不予受理。",
                policy, actingAs, now);
        }
        return true;
    }

    private void SettleLateApplication(WorkflowStep step, bool accept, string reason, PolicyVersion policy, string actingAs, DateTimeOffset now)
    {
        var changes = new Dictionary<string, object?> { ["reason"] = reason, ["deadline"] = ApplicationDue.ToString(), ["submittedOn"] = Application!.SubmittedOn };
        if (!accept)
        {
            RefuseAsLate(policy, Application.SubmittedOn, ApplicationDue.Provisional ? $"期限系暂定，经研究决定不予受理：{reason}" : null);
        }
        Move(step, actingAs, now, changes);
    }

    public void Withdraw(string? reason, Actor actor, PolicyVersion policy, DateTimeOffset now)
    {
        EnsureAllowed(CaseAction.Withdraw, actor, policy);
        new Validation().RequireText(reason, "reason", "撤回理由", 1000).ThrowIfInvalid();
        var before = Status;
        Transit(CaseAction.Withdraw, actor, policy, now, new Dictionary<string, object?> { ["reason"] = reason!.Trim(), ["withdrawnAt"] = before.Chinese() });
        ClosingReason = $"申请方撤回申请：{reason.Trim()}";
    }

    /// <summary>
    /// Art. 9: the kind of error, so that prevention analysis sees where the same kind recurs; with it the work
    /// item (kept when not given), so that Art. 7 compares facts: same subject, field, work item and kind of error.
    /// </summary>
    public void ClassifyError(string? kind, string? workItem, Actor actor, PolicyVersion policy, DateTimeOffset now)
    {
        EnsureAllowed(CaseAction.ClassifyError, actor, policy);
        new Validation()
            .Require(ErrorKinds.IsKnown(kind), "errorKind", $"请选择失误类型（{string.Join("、", ErrorKinds.All)}）。")
            .Require(workItem is null || WorkItems.IsKnown(workItem), "workItem", $"工作事项应为：{string.Join("、", WorkItems.All)}。")
            .ThrowIfInvalid();
        var previous = ErrorKind;
        var previousWorkItem = WorkItem;
        ErrorKind = kind;
        WorkItem = workItem ?? WorkItem;
        Record(CaseAction.ClassifyError, actor, policy, now, new Dictionary<string, object?>
        {
            ["errorKind"] = kind, ["previous"] = previous, ["workItem"] = WorkItem, ["previousWorkItem"] = previousWorkItem,
        });
    }

    // ---- verification (Art. 5(2)) ------------------------------------------------------------

    public void StartVerification(Actor actor, PolicyVersion policy, DateTimeOffset now) =>
        Transit(CaseAction.StartVerification, actor, policy, now, new Dictionary<string, object?> { ["investigator"] = actor.DisplayName });

    public void RecordFinding(string? itemCode, Verdict verdict, string? note, Actor actor, PolicyVersion policy, DateTimeOffset now)
    {
        EnsureAllowed(CaseAction.RecordFinding, actor, policy);
        var item = itemCode is null ? null : policy.FindFindingItem(itemCode);
        new Validation()
            .Require(item is not null, "itemCode", NotAnItem(itemCode, policy))
            .Require(Enum.IsDefined(verdict), "verdict", "核实结论应为：符合、不符合或需研判。")
            .RequireText(note, "note", "核实情况说明", 3000)
            .ThrowIfInvalid();
        var existing = Findings.FirstOrDefault(f => f.ItemCode == itemCode);
        var previous = existing?.Verdict;
        if (existing is null)
        {
            existing = new Finding { ItemCode = itemCode!, Note = note!.Trim() };
            Findings.Add(existing);
        }
        existing.Verdict = verdict;
        existing.Note = note!.Trim();
        existing.RecordedBy = actor.UserId;
        existing.RecordedAt = now;
        Record(CaseAction.RecordFinding, actor, policy, now, new Dictionary<string, object?>
        {
            ["item"] = $"{item!.Article} {item.Title}",
            ["verdict"] = verdict.Chinese(),
            ["previous"] = previous?.Chinese(),
        });
    }

    private static string NotAnItem(string? code, PolicyVersion policy) => $"“{code}”不是本办法（{policy.DocumentNumber}）规定的条件或排除情形。";

    /// <summary>
    /// Several findings from one form: every entry is checked before any is recorded, so a mistake in one
    /// loses none of the others. An entry with neither verdict nor note stays 未核实; an entry equal to
    /// the recorded finding is not recorded again. Returns how many findings were recorded.
    /// </summary>
    public int RecordFindings(IReadOnlyList<FindingEntry> entries, Actor actor, PolicyVersion policy, DateTimeOffset now)
    {
        EnsureAllowed(CaseAction.RecordFinding, actor, policy);
        var v = new Validation();
        var changed = new List<FindingEntry>();
        foreach (var entry in entries)
        {
            var item = entry.ItemCode is null ? null : policy.FindItem(entry.ItemCode);
            var key = entry.ItemCode ?? "itemCode";
            if (item is null)
            {
                v.Require(false, key, NotAnItem(entry.ItemCode, policy));
                continue;
            }
            if (entry.Verdict is null && string.IsNullOrWhiteSpace(entry.Note))
            {
                continue;
            }
            v.Require(entry.Verdict is { } verdict && Enum.IsDefined(verdict), key, $"{item.Article}“{item.Title}”：请选择核实结论（符合、不符合或需研判）。");
            v.RequireText(entry.Note, key, $"{item.Article}“{item.Title}”的核实情况说明", 3000);
            var existing = Findings.FirstOrDefault(f => f.ItemCode == entry.ItemCode);
            if (existing is null || existing.Verdict != entry.Verdict || existing.Note != entry.Note?.Trim())
            {
                changed.Add(entry);
            }
        }
        v.ThrowIfInvalid();
        foreach (var entry in changed)
        {
            RecordFinding(entry.ItemCode, entry.Verdict!.Value, entry.Note, actor, policy, now);
        }
        return changed.Count;
    }

    public void RequestSupplement(ComputedDate due, string what, Actor actor, PolicyVersion policy, DateTimeOffset now, DateOnly today)
    {
        EnsureAllowed(CaseAction.RequestSupplement, actor, policy);
        new Validation()
            .RequireText(what, "items", "需补充的材料", 2000)
            .Require(due.Date > today, "dueOn", "补充材料期限应晚于今天。")
            .ThrowIfInvalid();
        Transit(CaseAction.RequestSupplement, actor, policy, now, new Dictionary<string, object?> { ["items"] = what.Trim(), ["dueOn"] = due.ToString() });
        SupplementDueOn = due.Date;
        SupplementDueProvisionalReason = due.ProvisionalReason;
    }

    /// <summary>The awaited supplement's due date, recomputed on the calendar in force (the year's notice arrived).</summary>
    public void MoveSupplementDue(ComputedDate recomputed, DateTimeOffset now)
    {
        if (Status != CaseStatus.AwaitingSupplement)
        {
            throw new InvalidOperationException("No supplement is awaited.");
        }
        SupplementDueOn = recomputed.Date;
        SupplementDueProvisionalReason = recomputed.ProvisionalReason;
        Version++;
        UpdatedAt = now;
    }

    public void SubmitSupplement(string? text, Actor actor, PolicyVersion policy, DateTimeOffset now)
    {
        EnsureAllowed(CaseAction.SubmitSupplement, actor, policy);
        new Validation().RequireText(text, "text", "补充说明", 5000).ThrowIfInvalid();
        Transit(CaseAction.SubmitSupplement, actor, policy, now, new Dictionary<string, object?> { ["text"] = text!.Trim() });
        SupplementDueOn = null;
        SupplementDueProvisionalReason = null;
    }

    /// <summary>
    /// Art. 5(2): the written report, once every condition and exclusion has a finding. A verified exclusion
    /// (Art. 4, Art. 10) binds: the report may not recommend 予以容错免责 while one stands.
    /// </summary>
    public void SubmitReport(string? text, Outcome recommendation, EligibilityAdvice verified, Actor actor, PolicyVersion policy, DateTimeOffset now)
    {
        EnsureAllowed(CaseAction.SubmitReport, actor, policy);
        var v = new Validation()
            .RequireText(text, "text", "书面调查报告", 20000)
            .Require(policy.AllowsOutcome(recommendation), "recommendation", "建议结论不在本办法规定的认定结果之内。");
        var required = policy.BaseConditions.Concat(policy.Exclusions)
            .Concat(policy.Conditions.Items.Where(i => Claims.Any(c => c.ItemCode == i.Code)));
        var missing = required.Where(i => Findings.All(f => f.ItemCode != i.Code)).ToList();
        v.Require(missing.Count == 0, "findings",
            "以下条件或排除情形尚未核实，不能出具报告：" + string.Join("；", missing.Select(i => $"{i.Article}“{i.Title}”")));
        v.ThrowIfInvalid();
        if (recommendation == Outcome.Exempted)
        {
            RefuseExemptionOverExclusions(verified, "建议", "请更正有误的核实意见后再出具报告");
        }
        Report = new InvestigationReport { Text = text!.Trim(), Recommendation = recommendation, SubmittedBy = actor.UserId, SubmittedAt = now };
        Transit(CaseAction.SubmitReport, actor, policy, now, new Dictionary<string, object?> { ["recommendation"] = policy.OutcomeName(recommendation) });
    }

    /// <summary>
    /// The way back from a report built on a wrong finding: 局机关纪委 reopens verification with a reason; the
    /// report is withdrawn (its recommendation and text stay in the audit entry) and findings can be corrected.
    /// </summary>
    public void ReopenVerification(string? reason, Actor actor, PolicyVersion policy, DateTimeOffset now)
    {
        EnsureAllowed(CaseAction.ReopenVerification, actor, policy);
        new Validation().RequireText(reason, "reason", "重新核实的理由", 1000).ThrowIfInvalid();
        Transit(CaseAction.ReopenVerification, actor, policy, now, new Dictionary<string, object?>
        {
            ["reason"] = reason!.Trim(),
            ["withdrawnRecommendation"] = Report is { } r ? policy.OutcomeName(r.Recommendation) : null,
            ["withdrawnReport"] = Report?.Text,
        });
        Report = null;
    }

    private static void RefuseExemptionOverExclusions(EligibilityAdvice verified, string verb, string wayBack)
    {
        var binding = verified.BindingExclusions;
        if (binding.Count > 0)
        {
            throw DomainException.Conflict("exclusion-binds",
                $"经核实存在排除情形：{string.Join("；", binding.Select(b => $"{b.Article}“{b.Title}”不符合"))}。" +
                $"排除情形是容错免责的前提，不能{verb}予以容错免责；如核实结论有误，{wayBack}。");
        }
    }

    // ---- determination (Art. 5(3)) -----------------------------------------------------------

    public void Schedule(Guid meetingId, string meetingTitle, DateOnly meetingOn, Actor actor, PolicyVersion policy, DateTimeOffset now)
    {
        EnsureAllowed(CaseAction.Schedule, actor, policy);
        StepDates.EnsureScheduleDate(meetingOn, ChinaClock.ToChinaDate(Report!.SubmittedAt));
        Transit(CaseAction.Schedule, actor, policy, now, new Dictionary<string, object?> { ["meeting"] = meetingTitle });
        MeetingId = meetingId;
    }

    public void Postpone(string? reason, Actor actor, PolicyVersion policy, DateTimeOffset now)
    {
        EnsureAllowed(CaseAction.Postpone, actor, policy);
        new Validation().RequireText(reason, "reason", "暂缓研究的理由", 1000).ThrowIfInvalid();
        Transit(CaseAction.Postpone, actor, policy, now, new Dictionary<string, object?> { ["reason"] = reason!.Trim() });
        MeetingId = null;
    }

    /// <summary>
    /// Records the party group's determination. The tally has been checked by the meeting. A verified exclusion
    /// binds (no 予以容错免责); departing from the report's recommendation or from a definite advice needs a
    /// written reason, kept with the decision for the minutes and the feedback.
    /// </summary>
    public void Decide(DecisionInput input, EligibilityAdvice verified, Actor actor, PolicyVersion policy, DateTimeOffset now, DateOnly heldOn, string meetingTitle)
    {
        EnsureAllowed(CaseAction.Decide, actor, policy);
        var departsFrom = DeparturesOf(input.Outcome, verified.Recommendation);
        new Validation()
            .Require(policy.AllowsOutcome(input.Outcome), "outcome", "认定结果不在本办法规定的结果之内。")
            .RequireText(input.Reasons, "reasons", "认定理由", 5000)
            .Require(input.Outcome != Outcome.Mitigated || !string.IsNullOrWhiteSpace(input.Mitigation), "mitigation", "从轻或减轻处理的，请写明具体处理方式。")
            .Require(departsFrom.Count == 0 || !string.IsNullOrWhiteSpace(input.DepartureReason), "departureReason",
                $"认定结果与{string.Join("、", departsFrom)}不一致，请写明不采纳的理由（载入会议纪要和反馈通知书）。")
            .MaxLength(input.DepartureReason, "departureReason", "不采纳建议的理由", 2000)
            .ThrowIfInvalid();
        if (input.Outcome == Outcome.Exempted)
        {
            RefuseExemptionOverExclusions(verified, "认定", "应暂缓研究，由局机关纪委重新核实并更正核实意见");
        }
        var meetingId = MeetingId ?? throw DomainException.Conflict("not-scheduled", "案件尚未列入党组会议议题。");
        StepDates.EnsureMeetingHeld(heldOn, ChinaClock.ToChinaDate(now), "形成认定意见");
        var departure = departsFrom.Count == 0 ? null : input.DepartureReason!.Trim();
        Transit(CaseAction.Decide, actor, policy, now, new Dictionary<string, object?>
        {
            ["outcome"] = policy.OutcomeName(input.Outcome),
            // The code as well as the policy's name for it: `audit verify` recomputes the outcome from the chain.
            ["outcomeCode"] = input.Outcome.ToString(),
            ["reasons"] = input.Reasons!.Trim(),
            ["mitigation"] = input.Mitigation?.Trim(),
            ["advice"] = verified.Recommendation.Chinese(),
            ["departureReason"] = departure,
        });
        Decision = new CaseDecision
        {
            Outcome = input.Outcome,
            Reasons = input.Reasons.Trim(),
            Mitigation = string.IsNullOrWhiteSpace(input.Mitigation) ? null : input.Mitigation.Trim(),
            MeetingId = meetingId,
            MeetingTitle = meetingTitle,
            DecidedOn = heldOn,
            AdviceAtDecision = verified.Recommendation,
            DepartureReason = departure,
        };
    }

    /// <summary>What a decision for <paramref name="outcome"/> departs from: the report's recommendation, a definite advice.</summary>
    public IReadOnlyList<string> DeparturesOf(Outcome outcome, Recommendation advice)
    {
        var from = new List<string>();
        if (Report is { } r && r.Recommendation != outcome)
        {
            from.Add("调查报告的建议");
        }
        if (advice is not Recommendation.NeedsJudgement && advice != outcome.ToRecommendation())
        {
            from.Add("系统核实建议");
        }
        return from;
    }

    // ---- feedback, publication, filing (Art. 5(4)–(6)) ---------------------------------------

    public void IssueFeedback(Actor actor, PolicyVersion policy, DateTimeOffset now, IReadOnlyDictionary<string, object?> changes) =>
        Transit(CaseAction.IssueFeedback, actor, policy, now, changes);

    public void RecordDelivery(Actor actor, PolicyVersion policy, DateTimeOffset now, IReadOnlyDictionary<string, object?> changes) =>
        Transit(CaseAction.RecordDelivery, actor, policy, now, changes);

    public void Acknowledge(Actor actor, PolicyVersion policy, DateTimeOffset now, IReadOnlyDictionary<string, object?> changes) =>
        Transit(CaseAction.Acknowledge, actor, policy, now, changes);

    /// <summary>Art. 5(5): only a case determined to be exempted may be made public.</summary>
    public void Publish(Actor actor, PolicyVersion policy, DateTimeOffset now, IReadOnlyDictionary<string, object?> changes)
    {
        EnsureAllowed(CaseAction.Publish, actor, policy);
        if (Decision?.Outcome != Outcome.Exempted)
        {
            throw DomainException.Conflict("publish-exempted-only", "只有认定予以容错免责的案件才能公开（第五条第（五）项）。");
        }
        Transit(CaseAction.Publish, actor, policy, now, changes);
    }

    public void Archive(string archiveNumber, Actor actor, PolicyVersion policy, DateTimeOffset now, IReadOnlyDictionary<string, object?> changes)
    {
        Transit(CaseAction.Archive, actor, policy, now, changes);
        ArchiveNumber = archiveNumber;
        ArchivedAt = now;
    }
}
