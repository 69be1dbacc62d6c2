using SafeHarbor.Cases;
using SafeHarbor.Organisation;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Tests.Workflow;

/// <summary>
/// Art. 6 (严格程序): every status × action pair does exactly what <see cref="CaseWorkflow"/> says,
/// through the methods the features call, and nothing else.
/// </summary>
[Article("6")]
public sealed class CaseWorkflowTests
{
    private static IEnumerable<CaseAction> CallableActions => CaseJourney.CallableActions;

    public static TheoryData<CaseStatus, CaseAction> EveryPair()
    {
        var data = new TheoryData<CaseStatus, CaseAction>();
        foreach (var status in Enum.GetValues<CaseStatus>())
        {
            foreach (var action in CallableActions)
            {
                data.Add(status, action);
            }
        }
        return data;
    }

    public static TheoryData<CaseStatus, CaseAction> AllowedPairs()
    {
        var data = new TheoryData<CaseStatus, CaseAction>();
        foreach (var status in Enum.GetValues<CaseStatus>())
        {
            foreach (var action in CallableActions.Where(a => CaseWorkflow.Find(status, a) is not null))
            {
                data.Add(status, action);
            }
        }
        return data;
    }

    public static TheoryData<CaseStatus, CaseAction> AllowedPairsOfABody()
    {
        var data = new TheoryData<CaseStatus, CaseAction>();
        foreach (var status in Enum.GetValues<CaseStatus>())
        {
            foreach (var action in CallableActions.Where(a => CaseWorkflow.Find(status, a) is { } s && !s.Duties.Contains(Duty.Applicant)))
            {
                data.Add(status, action);
            }
        }
        return data;
    }

    public static TheoryData<CaseStatus> EveryStatus() => new(Enum.GetValues<CaseStatus>());

    [Fact]
    public void The_pair_list_covers_every_status_with_every_action_called_on_an_existing_case()
    {
        Assert.Equal(Enum.GetValues<CaseStatus>().Length * (Enum.GetValues<CaseAction>().Length - 3), EveryPair().Count);
        Assert.NotEmpty(AllowedPairs());
        Assert.True(AllowedPairs().Count < EveryPair().Count);
    }

    [Theory]
    [MemberData(nameof(EveryStatus))]
    public void The_journey_helper_brings_a_case_to_every_status(CaseStatus status)
    {
        var journey = CaseJourney.At(status);

        Assert.Equal(status, journey.Case.Status);
        Assert.Empty(journey.Case.PendingEvents);
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Every_status_and_action_pair_does_what_the_transition_table_says(CaseStatus status, CaseAction action)
    {
        var journey = CaseJourney.At(status);
        var c = journey.Case;
        var versionBefore = c.Version;
        var step = CaseWorkflow.Find(status, action);
        var actor = journey.HolderOf((step ?? CaseWorkflow.Steps.First(s => s.Action == action)).Duties[0]);

        if (step is not null)
        {
            journey.Perform(action, actor);

            Assert.Equal(step.To, c.Status);
            Assert.Equal(versionBefore + 1, c.Version);
            var e = Assert.Single(c.PendingEvents);
            Assert.Equal(action, e.Action);
            Assert.Equal(status, e.From);
            Assert.Equal(step.To, e.To);
            Assert.Equal(CaseJourney.ActingAsFor(step.Duties[0]), e.ActingAs);
        }
        else
        {
            var ex = Assert.Throws<DomainException>(() => journey.Perform(action, actor));

            Assert.Equal(status == CaseStatus.Archived ? "case-archived" : "action-not-allowed", ex.Code);
            Assert.Equal(ErrorKind.Conflict, ex.Kind);
            // The archived refusal says 已存档备案 rather than the status name 已备案; both carry 备案.
            Assert.Contains(status == CaseStatus.Archived ? "备案" : status.Chinese(), ex.Message);
            Assert.Contains(action.Chinese(), ex.Message);
            Assert.Contains(c.Number, ex.Message);
            Assert.Equal(status, c.Status);
            Assert.Equal(versionBefore, c.Version);
            Assert.Empty(c.PendingEvents);
        }
    }

    [Theory]
    [MemberData(nameof(AllowedPairs))]
    public void Allowed_step_is_refused_to_anyone_without_its_duty(CaseStatus status, CaseAction action)
    {
        var step = CaseWorkflow.Find(status, action)!;
        var duty = Assert.Single(step.Duties);
        var probe = new CaseJourney();
        var wrongActors = new List<(string Name, string Expected)>();
        if (duty == Duty.Applicant)
        {
            wrongActors.AddRange(probe.RoleHolders.Select(a => (a.UserName, "not-applicant")));
            if (status != CaseStatus.Registered)
            {
                // After the application only the applicant may act; a co-subject who did not apply may not.
                wrongActors.Add(("cosubject", "not-applicant"));
            }
        }
        else
        {
            // The policy file names the roles of a duty (the register duty has two: 局机关纪委 and 局办公室).
            wrongActors.AddRange(probe.RoleHolders.Where(a => !probe.Policy.RolesFor(duty).Any(a.Has)).Select(a => (a.UserName, "not-your-duty")));
        }
        Assert.NotEmpty(wrongActors);

        foreach (var (name, expected) in wrongActors)
        {
            var journey = CaseJourney.At(status);
            var actor = journey.Everyone.Select(e => e.Actor).Single(a => a.UserName == name);
            var versionBefore = journey.Case.Version;

            var ex = Assert.Throws<DomainException>(() => journey.Perform(action, actor));

            Assert.True(expected == ex.Code, $"{action} in {status} by {name}: expected {expected}, got {ex.Code} ({ex.Message})");
            Assert.Equal(ErrorKind.Forbidden, ex.Kind);
            Assert.Contains(action.Chinese(), ex.Message);
            Assert.Equal(status, journey.Case.Status);
            Assert.Equal(versionBefore, journey.Case.Version);
            Assert.Empty(journey.Case.PendingEvents);
        }
    }

    [Theory]
    [MemberData(nameof(AllowedPairsOfABody))]
    public void Duty_holder_who_is_a_subject_of_the_matter_must_step_aside(CaseStatus status, CaseAction action)
    {
        var duty = Assert.Single(CaseWorkflow.Find(status, action)!.Duties);
        var role = CaseJourney.RoleOf(duty);

        foreach (var which in new[] { "co-subject", "unit leader", "applicant" })
        {
            var journey = CaseJourney.At(status);
            var conflicted = which switch
            {
                "co-subject" => journey.CoSubjectWithRole(role),
                "unit leader" => journey.AccountableUnitLeaderWithRole(role),
                _ => CaseJourney.WithRole(journey.Applicant, role),
            };
            var versionBefore = journey.Case.Version;

            var ex = Assert.Throws<DomainException>(() => journey.Perform(action, conflicted));

            Assert.True(ex.Code == "separation-of-duties", $"{action} in {status} by {which}: got {ex.Code} ({ex.Message})");
            Assert.Contains("回避", ex.Message);
            Assert.Equal(status, journey.Case.Status);
            Assert.Equal(versionBefore, journey.Case.Version);
            Assert.Empty(journey.Case.PendingEvents);
        }
    }

    [Theory]
    [MemberData(nameof(EveryStatus))]
    public void Each_user_is_offered_exactly_the_table_steps_of_their_duty(CaseStatus status)
    {
        var journey = CaseJourney.At(status);

        foreach (var (name, actor) in journey.Everyone)
        {
            var expected = CaseWorkflow.Steps
                .Where(s => s.From == status && !s.Automatic)
                .Where(s => s.Duties.Any(d => HoldsDuty(journey, d, actor, status)))
                .Select(s => s.Action)
                .Distinct()
                .Order()
                .ToList();

            var offered = journey.Case.ActionsAllowedFor(actor, journey.Policy).Order().ToList();

            Assert.True(expected.SequenceEqual(offered),
                $"{name} in {status}: expected [{string.Join(", ", expected)}], offered [{string.Join(", ", offered)}]");
        }
    }

    /// <summary>
    /// The test's own view of who holds a duty: before an application every subject of the matter
    /// (a person subject, the leader of a unit subject) may act as applicant; afterwards only the applicant.
    /// </summary>
    private static bool HoldsDuty(CaseJourney journey, Duty duty, Actor actor, CaseStatus status) =>
        duty switch
        {
            Duty.Applicant when status == CaseStatus.Registered =>
                actor == journey.Applicant || actor == journey.CoSubject || actor == journey.AccountableUnitLeader,
            Duty.Applicant => journey.HolderOf(duty) == actor,
            // Any holder of one of the policy's roles for the duty (none of the role holders here is a subject).
            _ => journey.RoleHolders.Contains(actor) && journey.Policy.RolesFor(duty).Any(actor.Has),
        };

    [Fact]
    public void Every_action_of_the_table_is_offered_to_someone_in_its_status()
    {
        foreach (var status in Enum.GetValues<CaseStatus>())
        {
            var journey = CaseJourney.At(status);
            var offered = journey.Everyone.SelectMany(e => journey.Case.ActionsAllowedFor(e.Actor, journey.Policy)).ToHashSet();
            var table = CaseWorkflow.Steps.Where(s => s.From == status && !s.Automatic).Select(s => s.Action).ToHashSet();

            Assert.True(table.SetEquals(offered), $"{status}: table [{string.Join(", ", table)}], offered [{string.Join(", ", offered)}]");
        }
    }

    [Fact]
    public void Archived_case_offers_nothing_to_anyone()
    {
        var journey = CaseJourney.At(CaseStatus.Archived);

        Assert.All(journey.Everyone, e => Assert.Empty(journey.Case.ActionsAllowedFor(e.Actor, journey.Policy)));
    }

    [Theory]
    [InlineData(Outcome.Exempted, true)]
    [InlineData(Outcome.Mitigated, false)]
    [InlineData(Outcome.NotExempted, false)]
    public void Publication_is_offered_only_for_an_exempted_decision(Outcome outcome, bool offered)
    {
        var journey = CaseJourney.At(CaseStatus.Acknowledged, outcome);

        var actions = journey.Case.ActionsAllowedFor(journey.Office, journey.Policy);

        Assert.Equal(offered, actions.Contains(CaseAction.Publish));
        Assert.Contains(CaseAction.Archive, journey.Case.ActionsAllowedFor(journey.Archivist, journey.Policy));
    }

    [Fact]
    public void Registering_a_matter_creates_a_registered_case_with_its_application_window()
    {
        var journey = CaseJourney.Registered();
        var c = journey.Case;

        Assert.Equal(CaseStatus.Registered, c.Status);
        Assert.Equal("2026-0007", c.Number);
        Assert.Equal(journey.Policy.Id, c.PolicyId);
        Assert.Equal(CaseJourney.Deadline, c.ApplicationDue);
        Assert.Equal(1, c.Version);
        var e = Assert.Single(c.PendingEvents);
        Assert.Equal(CaseAction.Register, e.Action);
        Assert.Null(e.From);
        Assert.Equal(CaseStatus.Registered, e.To);
        Assert.Equal(Role.PartyGroupOffice.Chinese(), e.ActingAs);
        Assert.Equal(TimeLimit.ApplicationWindow, CaseWorkflow.Find(null, CaseAction.Register)!.Starts);
    }

    [Fact]
    public void Investigator_may_also_register_a_matter()
    {
        var journey = new CaseJourney();

        var c = Case.Register(CaseNumber.Create(2026, 8), journey.Policy, "事项", "说明", "价格", "局机关纪委",
            CaseJourney.StartedOn, CaseJourney.Deadline, journey.Subjects, journey.Investigator, CaseJourney.Now);

        Assert.Equal(Role.Investigator.Chinese(), Assert.Single(c.PendingEvents).ActingAs);
    }

    [Theory]
    [InlineData(Role.Staff)]
    [InlineData(Role.PartyGroupMember)]
    [InlineData(Role.PartyCommittee)]
    [InlineData(Role.GuidanceGroup)]
    [InlineData(Role.SystemAdmin)]
    public void Registering_a_matter_is_refused_to_a_role_without_the_register_duty(Role role)
    {
        var journey = new CaseJourney();

        var ex = Assert.Throws<DomainException>(() => Case.Register(CaseNumber.Create(2026, 8), journey.Policy, "事项", "说明",
            "价格", "局机关纪委", CaseJourney.StartedOn, CaseJourney.Deadline, journey.Subjects,
            CaseJourney.Person("x", "某人", role), CaseJourney.Now));

        Assert.Equal("not-your-duty", ex.Code);
    }

    [Fact]
    public void Registering_a_matter_is_refused_to_a_register_duty_holder_who_is_one_of_its_subjects()
    {
        var journey = new CaseJourney();

        var ex = Assert.Throws<DomainException>(() => Case.Register(CaseNumber.Create(2026, 8), journey.Policy, "事项", "说明",
            "价格", "局机关纪委", CaseJourney.StartedOn, CaseJourney.Deadline, journey.Subjects,
            journey.CoSubjectWithRole(Role.Investigator), CaseJourney.Now));

        Assert.Equal("separation-of-duties", ex.Code);
    }

    [Fact]
    public void Application_after_the_deadline_takes_the_refuse_as_late_step_of_the_table()
    {
        var journey = CaseJourney.At(CaseStatus.Registered);
        var late = CaseJourney.Deadline.Date.AddDays(1);

        journey.Case.Apply(CaseJourney.ValidApplication(), journey.Applicant, journey.Policy, CaseJourney.Now, late, journey.UnitNames, null);

        var step = CaseWorkflow.Find(CaseStatus.Registered, CaseAction.RefuseAsLate)!;
        Assert.Equal(step.To, journey.Case.Status);
        var e = Assert.Single(journey.Case.PendingEvents);
        Assert.Equal(CaseAction.RefuseAsLate, e.Action);
        Assert.Equal(CaseStatus.Registered, e.From);
        Assert.Equal(CaseStatus.Refused, e.To);
        Assert.Equal("申请人", e.ActingAs);
    }

    [Fact]
    public void Refuse_as_late_and_holding_a_late_application_are_never_offered_as_actions()
    {
        var journey = CaseJourney.At(CaseStatus.Registered);

        Assert.All(journey.Everyone, e => Assert.DoesNotContain(CaseAction.RefuseAsLate, journey.Case.ActionsAllowedFor(e.Actor, journey.Policy)));
        Assert.All(journey.Everyone, e => Assert.DoesNotContain(CaseAction.HoldLateApplication, journey.Case.ActionsAllowedFor(e.Actor, journey.Policy)));
        Assert.Equal([CaseAction.RefuseAsLate, CaseAction.HoldLateApplication],
            CaseWorkflow.Steps.Where(s => s.Automatic).Select(s => s.Action));
    }

    [Fact]
    public void Only_the_archived_status_is_terminal()
    {
        Assert.Equal([CaseStatus.Archived], Enum.GetValues<CaseStatus>().Where(CaseWorkflow.IsTerminal));
        Assert.Empty(CaseWorkflow.ActionsFrom(CaseStatus.Archived));
        Assert.All(Enum.GetValues<CaseStatus>().Where(s => s != CaseStatus.Archived),
            s => Assert.NotEmpty(CaseWorkflow.ActionsFrom(s)));
    }

    [Fact]
    public void The_table_has_at_most_one_step_per_status_and_action()
    {
        var duplicates = CaseWorkflow.Steps.GroupBy(s => (s.From, s.Action)).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.Empty(duplicates);
    }

    [Fact]
    public void Every_status_is_reached_by_some_step()
    {
        var reached = CaseWorkflow.Steps.Where(s => s.From != s.To).Select(s => s.To).ToHashSet();

        Assert.All(Enum.GetValues<CaseStatus>(), s => Assert.Contains(s, reached));
    }
}
