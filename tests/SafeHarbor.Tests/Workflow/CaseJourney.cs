using SafeHarbor.Calendar;
using SafeHarbor.Cases;
using SafeHarbor.Organisation;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Tests.Workflow;

/// <summary>The shipped 131号 policy file and the shipped working-day calendar, loaded once.</summary>
public static class Shipped
{
    private static readonly Lazy<PolicyVersion> LazyPolicy = new(() =>
        PolicyCatalog.LoadFile(Path.Combine(PolicyCatalog.DefaultDirectory, "xinyang-scjg-2022-131.json")));

    private static readonly Lazy<WorkingDayCalendar> LazyCalendar = new(WorkingDayCalendar.LoadDefault);

    public static PolicyVersion Policy131 => LazyPolicy.Value;

    public static WorkingDayCalendar Calendar => LazyCalendar.Value;

    /// <summary>The roles 131号 gives a duty in the procedure; holders see every case.</summary>
    public static IReadOnlySet<Role> RolesWithDuties => new PolicyCatalog([Policy131]).RolesWithDuties;

    /// <summary>An actor as the sign-in loads it: bureau-wide when one of the roles holds a duty under the policy.</summary>
    public static Actor Actor(Guid? personId, Guid? unitId, bool isLeader, IReadOnlySet<Guid> overseen, params Role[] roles) =>
        new(Guid.NewGuid(), "user", "某人", personId, unitId, isLeader, roles.ToHashSet(), overseen,
            SeesAllCases: roles.Any(RolesWithDuties.Contains));
}

/// <summary>
/// One case of the 131号 procedure and the people around it. <see cref="At"/> brings a fresh case to
/// any status through the intention-named methods of <see cref="Case"/>, the way the features do,
/// then clears its pending events so a test sees only what its own step recorded.
/// </summary>
public sealed class CaseJourney
{
    /// <summary>Friday 2026-03-06: the accountability procedure started.</summary>
    public static readonly DateOnly StartedOn = new(2026, 3, 6);

    /// <summary>Tuesday 2026-03-10, the 2nd working day after the start.</summary>
    public static readonly DateOnly AppliedOn = new(2026, 3, 10);

    public static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 30, 0, TimeSpan.FromHours(8));

    /// <summary>Units of the matter: the branch the persons belong to and a unit held accountable as a unit.</summary>
    public readonly Guid BranchUnitId = Guid.NewGuid();
    public readonly Guid AccountableUnitId = Guid.NewGuid();

    public readonly Guid ApplicantPersonId = Guid.NewGuid();
    public readonly Guid CoSubjectPersonId = Guid.NewGuid();

    public PolicyVersion Policy { get; } = Shipped.Policy131;

    public Actor Applicant { get; }
    public Actor CoSubject { get; }
    public Actor AccountableUnitLeader { get; }
    public Actor Investigator { get; } = Person("investigator", "纪委调查员", Role.Investigator);
    public Actor Office { get; } = Person("office", "党组秘书", Role.PartyGroupOffice);
    public Actor Member { get; } = Person("member", "党组成员", Role.PartyGroupMember);
    public Actor Archivist { get; } = Person("archivist", "机关党委干事", Role.PartyCommittee);
    public Actor Guide { get; } = Person("guide", "纪检监察组干部", Role.GuidanceGroup);
    public Actor Outsider { get; } = Person("outsider", "无关干部", Role.Staff);

    public Case Case { get; private set; } = null!;

    /// <summary>The claimed listed condition; with the base conditions and exclusions it is what the report needs findings on.</summary>
    public const string ClaimedCondition = "c1";

    public CaseJourney()
    {
        Applicant = new Actor(Guid.NewGuid(), "applicant", "张三", ApplicantPersonId, BranchUnitId, false,
            new HashSet<Role> { Role.Staff }, new HashSet<Guid>());
        CoSubject = new Actor(Guid.NewGuid(), "cosubject", "李四", CoSubjectPersonId, BranchUnitId, false,
            new HashSet<Role> { Role.Staff }, new HashSet<Guid>());
        AccountableUnitLeader = new Actor(Guid.NewGuid(), "unitleader", "王五", Guid.NewGuid(), AccountableUnitId, true,
            new HashSet<Role> { Role.Staff }, new HashSet<Guid> { AccountableUnitId });
    }

    public static ComputedDate Deadline =>
        Deadlines.ApplicationDeadline(Shipped.Policy131.ApplicationWindow, StartedOn, Shipped.Calendar);

    /// <summary>Everyone with a role in the procedure, plus a colleague with none.</summary>
    public IReadOnlyList<Actor> RoleHolders => [Investigator, Office, Member, Archivist, Guide, Outsider];

    /// <summary>Every actor of the journey, named for test messages.</summary>
    public IReadOnlyList<(string Name, Actor Actor)> Everyone =>
    [
        ("applicant", Applicant), ("co-subject", CoSubject), ("accountable unit leader", AccountableUnitLeader),
        ("investigator", Investigator), ("office", Office), ("member", Member), ("archivist", Archivist),
        ("guide", Guide), ("outsider", Outsider),
    ];

    /// <summary>Who the test expects to carry out a duty (written out here, not asked of the policy).</summary>
    public Actor HolderOf(Duty duty) => duty switch
    {
        Duty.Applicant => Applicant,
        Duty.Register => Office,
        Duty.Verify => Investigator,
        Duty.Guide => Guide,
        Duty.Vote => Member,
        Duty.Secretariat => Office,
        Duty.Archive => Archivist,
        _ => throw new ArgumentOutOfRangeException(nameof(duty), duty, null),
    };

    /// <summary>The role a duty holder acts in, as the event records it.</summary>
    public static string ActingAsFor(Duty duty) => duty switch
    {
        Duty.Applicant => "申请人",
        Duty.Register => Role.PartyGroupOffice.Chinese(),
        Duty.Verify => Role.Investigator.Chinese(),
        Duty.Guide => Role.GuidanceGroup.Chinese(),
        Duty.Vote => Role.PartyGroupMember.Chinese(),
        Duty.Secretariat => Role.PartyGroupOffice.Chinese(),
        Duty.Archive => Role.PartyCommittee.Chinese(),
        _ => throw new ArgumentOutOfRangeException(nameof(duty), duty, null),
    };

    /// <summary>The role that carries a (non-applicant) duty in 131号.</summary>
    public static Role RoleOf(Duty duty) => duty switch
    {
        Duty.Register or Duty.Secretariat => Role.PartyGroupOffice,
        Duty.Verify => Role.Investigator,
        Duty.Guide => Role.GuidanceGroup,
        Duty.Vote => Role.PartyGroupMember,
        Duty.Archive => Role.PartyCommittee,
        _ => throw new ArgumentOutOfRangeException(nameof(duty), duty, null),
    };

    /// <summary>A co-subject of the matter who also holds <paramref name="role"/>.</summary>
    public Actor CoSubjectWithRole(Role role) => WithRole(CoSubject, role);

    /// <summary>The leader of the unit held accountable, who also holds <paramref name="role"/>.</summary>
    public Actor AccountableUnitLeaderWithRole(Role role) => WithRole(AccountableUnitLeader, role);

    /// <summary>The same person holding <paramref name="role"/> instead of their own roles.</summary>
    public static Actor WithRole(Actor actor, Role role) =>
        actor with { Roles = new HashSet<Role> { role }, SeesAllCases = Shipped.RolesWithDuties.Contains(role) };

    public static Actor Person(string userName, string displayName, Role role) =>
        new(Guid.NewGuid(), userName, displayName, Guid.NewGuid(), Guid.NewGuid(), false, new HashSet<Role> { role }, new HashSet<Guid>(),
            SeesAllCases: Shipped.RolesWithDuties.Contains(role));

    public IReadOnlyList<CaseSubject> Subjects =>
    [
        new() { Kind = SubjectKind.Person, PersonId = ApplicantPersonId, UnitId = BranchUnitId, Name = "张三" },
        new() { Kind = SubjectKind.Person, PersonId = CoSubjectPersonId, UnitId = BranchUnitId, Name = "李四" },
        new() { Kind = SubjectKind.Unit, UnitId = AccountableUnitId, Name = "某市场监管分局" },
    ];

    public static ApplicationInput ValidApplication(params string[] claimed) => new(
        SubjectKind.Person,
        null,
        "对首次轻微违法的个体工商户依法作出不予处罚决定，事后发现其存在其他违法行为。",
        "被上级通报，造成一定负面影响。",
        "已立即重新立案调查并责令整改。",
        (claimed.Length == 0 ? [ClaimedCondition] : claimed).Select(c => new ClaimInput(c, "执法过程符合该项条件。")).ToList());

    public IReadOnlyDictionary<Guid, string> UnitNames => new Dictionary<Guid, string>
    {
        [BranchUnitId] = "某分局执法一科",
        [AccountableUnitId] = "某市场监管分局",
    };

    /// <summary>Every item the report needs a finding on: base conditions, exclusions and the claimed condition.</summary>
    /// <summary>What the secretary writes when the decision departs from the report or the advice.</summary>
    public const string Departure = "经集体研究，未采纳调查报告建议。";

    /// <summary>The advice on the case's findings as they stand, as the handlers compute it (no abuse reports, no earlier cases).</summary>
    public EligibilityAdvice VerifiedAdvice() => EligibilityAdvisor.Advise(Policy, new EligibilityInput(
        AdviceStage.Verified,
        Case.Findings.ToDictionary(f => f.ItemCode, f => new Statement(f.Verdict, f.Note)),
        Case.Description, [], [], Case.Application?.SubmittedOn, Case.ApplicationDeadline));

    public IReadOnlyList<PolicyItem> RequiredFindings =>
        [.. Policy.BaseConditions, .. Policy.Exclusions, Policy.FindItem(ClaimedCondition)!];

    /// <summary>Why the deadline of <see cref="Registered"/> is provisional when asked for.</summary>
    public const string ProvisionalReason = "2027 年节假日安排尚未发布，按法定节假日和周末推算，发布后自动重算";

    /// <summary>A fresh registered case; its deadline (the same date) is marked 暂定 when <paramref name="provisionalDeadline"/>.</summary>
    public static CaseJourney Registered(bool provisionalDeadline = false)
    {
        var j = new CaseJourney();
        var deadline = provisionalDeadline ? Deadline with { ProvisionalReason = ProvisionalReason } : Deadline;
        j.Case = Case.Register(CaseNumber.Create(2026, 7), j.Policy, "食品经营许可检查中适用不予处罚", "首违不罚后当事人再次违法。",
            "食品安全", "局机关纪委", StartedOn, deadline, j.Subjects, j.Office, Now);
        return j;
    }

    /// <summary>A fresh case brought to <paramref name="status"/>; a decided case has <paramref name="outcome"/>.</summary>
    public static CaseJourney At(CaseStatus status, Outcome outcome = Outcome.Exempted)
    {
        var j = Registered(provisionalDeadline: status == CaseStatus.TimelinessPending);
        j.WalkTo(status, outcome);
        j.Case.ClearPendingEvents();
        return j;
    }

    /// <summary>A case closed without a decision (不予受理 or 撤回) and then archived.</summary>
    public static CaseJourney ArchivedFrom(CaseStatus closed)
    {
        if (closed is not (CaseStatus.Refused or CaseStatus.Withdrawn))
        {
            throw new ArgumentOutOfRangeException(nameof(closed), closed, "only a case closed without a decision");
        }
        var j = At(closed);
        j.Case.Archive("XSJ-2026-BA-0007", j.Archivist, j.Policy, Now, NoChanges);
        j.Expect(CaseStatus.Archived);
        j.Case.ClearPendingEvents();
        return j;
    }

    private void WalkTo(CaseStatus target, Outcome outcome)
    {
        var c = Case;
        if (target == CaseStatus.Registered)
        {
            return;
        }
        if (target == CaseStatus.TimelinessPending)
        {
            c.Apply(ValidApplication(), Applicant, Policy, Now, Deadline.Date.AddDays(1), UnitNames, null);
            Expect(CaseStatus.TimelinessPending);
            return;
        }
        if (target == CaseStatus.Refused)
        {
            var late = Shipped.Calendar.AddWorkingDays(StartedOn, 8).Date;
            c.Apply(ValidApplication(), Applicant, Policy, Now, late, UnitNames, null);
            Expect(CaseStatus.Refused);
            return;
        }
        c.Apply(ValidApplication(), Applicant, Policy, Now, AppliedOn, UnitNames, null);
        Expect(CaseStatus.Submitted);
        if (target == CaseStatus.Submitted)
        {
            return;
        }
        if (target == CaseStatus.Withdrawn)
        {
            c.Withdraw("经慎重考虑，不再申请。", Applicant, Policy, Now);
            Expect(CaseStatus.Withdrawn);
            return;
        }
        c.StartVerification(Investigator, Policy, Now);
        foreach (var item in RequiredFindings)
        {
            c.RecordFinding(item.Code, Verdict.Met, "经核实符合。", Investigator, Policy, Now);
        }
        Expect(CaseStatus.Verifying);
        if (target == CaseStatus.Verifying)
        {
            return;
        }
        if (target == CaseStatus.AwaitingSupplement)
        {
            c.RequestSupplement(new ComputedDate(AppliedOn.AddDays(7)), "请补充现场检查笔录。", Investigator, Policy, Now, AppliedOn);
            Expect(CaseStatus.AwaitingSupplement);
            return;
        }
        c.SubmitReport("经调查核实，申请事项符合容错免责条件。", Outcome.Exempted, VerifiedAdvice(), Investigator, Policy, Now);
        Expect(CaseStatus.Reported);
        if (target == CaseStatus.Reported)
        {
            return;
        }
        c.Schedule(Guid.NewGuid(), "2026年第3次局党组会议", AppliedOn, Office, Policy, Now);
        Expect(CaseStatus.Scheduled);
        if (target == CaseStatus.Scheduled)
        {
            return;
        }
        c.Decide(new DecisionInput(outcome, "经集体研究，认定如下。", outcome == Outcome.Mitigated ? "减轻处理，免予通报。" : null, Departure),
            VerifiedAdvice(), Office, Policy, Now, AppliedOn, "第一次党组会议");
        Expect(CaseStatus.Decided);
        if (target == CaseStatus.Decided)
        {
            return;
        }
        c.IssueFeedback(Office, Policy, Now, NoChanges);
        Expect(CaseStatus.FeedbackIssued);
        if (target == CaseStatus.FeedbackIssued)
        {
            return;
        }
        c.RecordDelivery(Office, Policy, Now, NoChanges);
        Expect(CaseStatus.Delivered);
        if (target == CaseStatus.Delivered)
        {
            return;
        }
        c.Acknowledge(Applicant, Policy, Now, NoChanges);
        Expect(CaseStatus.Acknowledged);
        if (target == CaseStatus.Acknowledged)
        {
            return;
        }
        if (target == CaseStatus.Archived)
        {
            c.Archive("XSJ-2026-BA-0007", Archivist, Policy, Now, NoChanges);
            Expect(CaseStatus.Archived);
            return;
        }
        c.Publish(Office, Policy, Now, NoChanges);
        Expect(CaseStatus.Published);
        if (target != CaseStatus.Published)
        {
            throw new ArgumentOutOfRangeException(nameof(target), target, "no route to this status");
        }
    }

    private void Expect(CaseStatus status)
    {
        if (Case.Status != status)
        {
            throw new InvalidOperationException($"journey expected {status} but the case is {Case.Status}");
        }
    }

    public static IReadOnlyDictionary<string, object?> NoChanges { get; } = new Dictionary<string, object?>();

    /// <summary>Actions called on an existing case: not Register (it creates one), not the steps the system takes inside Apply.</summary>
    public static IEnumerable<CaseAction> CallableActions =>
        Enum.GetValues<CaseAction>().Where(a => a != CaseAction.Register && !CaseWorkflow.Steps.Any(s => s.Action == a && s.Automatic));

    /// <summary>Carries out <paramref name="action"/> on the case through its own method, with valid input.</summary>
    public void Perform(CaseAction action, Actor actor)
    {
        var c = Case;
        var changes = new Dictionary<string, object?> { ["note"] = "测试" };
        switch (action)
        {
            case CaseAction.UploadEvidence:
            case CaseAction.RequestGuidance:
            case CaseAction.ReplyGuidance:
            case CaseAction.RecordRecusal:
            case CaseAction.Vote:
            case CaseAction.RecordShowOfHands:
                c.Record(action, actor, Policy, Now, changes);
                break;
            case CaseAction.Apply:
                c.Apply(ValidApplication(), actor, Policy, Now, AppliedOn, UnitNames, null);
                break;
            case CaseAction.Withdraw:
                c.Withdraw("经慎重考虑，不再申请。", actor, Policy, Now);
                break;
            case CaseAction.AcceptApplication:
            case CaseAction.RefuseApplication:
                c.DecideLateApplication(action == CaseAction.AcceptApplication, "期限系暂定，申请人按当时告知的期限提出。", actor, Policy, Now);
                break;
            case CaseAction.StartVerification:
                c.StartVerification(actor, Policy, Now);
                break;
            case CaseAction.RecordFinding:
                c.RecordFinding("within-duties", Verdict.Met, "经核实符合。", actor, Policy, Now);
                break;
            case CaseAction.ClassifyError:
                c.ClassifyError("执法程序瑕疵", "行政处罚", actor, Policy, Now);
                break;
            case CaseAction.RequestSupplement:
                c.RequestSupplement(new ComputedDate(AppliedOn.AddDays(7)), "请补充现场检查笔录。", actor, Policy, Now, AppliedOn);
                break;
            case CaseAction.SubmitSupplement:
                c.SubmitSupplement("已补充现场检查笔录。", actor, Policy, Now);
                break;
            case CaseAction.SubmitReport:
                c.SubmitReport("经调查核实，申请事项符合容错免责条件。", Outcome.Exempted, VerifiedAdvice(), actor, Policy, Now);
                break;
            case CaseAction.ReopenVerification:
                c.ReopenVerification("核实结论有误，重新核实。", actor, Policy, Now);
                break;
            case CaseAction.Schedule:
                c.Schedule(Guid.NewGuid(), "2026年第3次局党组会议", AppliedOn, actor, Policy, Now);
                break;
            case CaseAction.Decide:
                c.Decide(new DecisionInput(Outcome.Exempted, "经集体研究，予以容错免责。", null), VerifiedAdvice(), actor, Policy, Now, AppliedOn, "第一次党组会议");
                break;
            case CaseAction.Postpone:
                c.Postpone("需进一步调查。", actor, Policy, Now);
                break;
            case CaseAction.IssueFeedback:
                c.IssueFeedback(actor, Policy, Now, changes);
                break;
            case CaseAction.RecordDelivery:
                c.RecordDelivery(actor, Policy, Now, changes);
                break;
            case CaseAction.Acknowledge:
                c.Acknowledge(actor, Policy, Now, changes);
                break;
            case CaseAction.Publish:
                c.Publish(actor, Policy, Now, changes);
                break;
            case CaseAction.Archive:
                c.Archive("XSJ-2026-BA-0007", actor, Policy, Now, changes);
                break;
            case CaseAction.Register:
            case CaseAction.RefuseAsLate:
            case CaseAction.HoldLateApplication:
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, "not a call on an existing case");
        }
    }
}
