using SafeHarbor.Cases;
using SafeHarbor.Organisation;
using SafeHarbor.Tests.Workflow;

namespace SafeHarbor.Tests.Domain;

/// <summary>Who may read a case: duty bodies see all, the people concerned see theirs, administrators see none (三员分立).</summary>
public sealed class CaseAccessTests
{
    private static bool Sees(Actor actor, Case c)
    {
        // The same expression the database query uses, evaluated in memory.
        var visible = new[] { c }.AsQueryable().Where(CaseAccess.VisibleTo(actor)).Any();
        Assert.Equal(visible, CaseAccess.CanRead(c, actor));
        return visible;
    }

    /// <summary>A user with these roles, flagged bureau-wide the way the sign-in does it (a role with a duty under the policy).</summary>
    private static Actor WithRoles(params Role[] roles) =>
        Shipped.Actor(Guid.NewGuid(), Guid.NewGuid(), false, new HashSet<Guid>(), roles);

    [Theory]
    [InlineData(Role.Investigator)]
    [InlineData(Role.GuidanceGroup)]
    [InlineData(Role.PartyGroupMember)]
    [InlineData(Role.PartyGroupOffice)]
    [InlineData(Role.PartyCommittee)]
    public void Body_with_a_duty_in_the_procedure_sees_every_case(Role role)
    {
        var journey = CaseJourney.At(CaseStatus.Submitted);

        Assert.True(CaseAccess.SeesAllCases(WithRoles(role)));
        Assert.True(Sees(WithRoles(role), journey.Case));
    }

    [Theory]
    [InlineData(Role.SystemAdmin)]
    [InlineData(Role.SecurityAdmin)]
    [InlineData(Role.AuditAdmin)]
    [InlineData(Role.Staff)]
    [InlineData(Role.Personnel)]
    [InlineData(Role.PolicyOwner)]
    public void Role_without_a_duty_in_the_procedure_sees_no_case_of_others(Role role)
    {
        var journey = CaseJourney.At(CaseStatus.Submitted);

        Assert.False(CaseAccess.SeesAllCases(WithRoles(role)));
        Assert.False(Sees(WithRoles(role), journey.Case));
    }

    [Fact]
    public void Bureau_wide_sight_comes_from_the_duty_flag_the_sign_in_sets()
    {
        var journey = CaseJourney.At(CaseStatus.Submitted);
        var investigator = WithRoles(Role.Investigator);

        Assert.False(Sees(investigator with { SeesAllCases = false }, journey.Case));
        Assert.True(Sees(WithRoles(Role.Staff) with { SeesAllCases = true }, journey.Case));
    }

    [Fact]
    public void Administrator_roles_together_still_see_no_case_contents()
    {
        var journey = CaseJourney.At(CaseStatus.Submitted);

        Assert.False(Sees(WithRoles(Role.SystemAdmin, Role.SecurityAdmin, Role.AuditAdmin), journey.Case));
    }

    [Fact]
    public void Person_held_accountable_sees_the_case_before_applying()
    {
        var journey = CaseJourney.At(CaseStatus.Registered);

        Assert.True(Sees(journey.Applicant, journey.Case));
        Assert.True(Sees(journey.CoSubject, journey.Case));
    }

    [Fact]
    public void The_user_who_submitted_the_application_sees_the_case()
    {
        var journey = CaseJourney.At(CaseStatus.Registered);
        // The leader applies for the accountable unit; give them no overseen units so only the application counts.
        var leader = journey.AccountableUnitLeader with { OverseenUnitIds = new HashSet<Guid>() };
        var input = CaseJourney.ValidApplication() with { ApplicantKind = SubjectKind.Unit, ApplicantUnitId = journey.AccountableUnitId };
        Assert.False(Sees(leader, journey.Case));

        journey.Case.Apply(input, leader, journey.Policy, CaseJourney.Now, CaseJourney.AppliedOn, journey.UnitNames, null);

        Assert.True(Sees(leader, journey.Case));
    }

    [Fact]
    public void Leader_of_a_unit_above_the_subjects_unit_sees_the_case()
    {
        var journey = CaseJourney.At(CaseStatus.Submitted);
        var parentUnit = Guid.NewGuid();
        // OverseenUnitIds holds the unit a leader heads and every unit below it.
        var leader = new Actor(Guid.NewGuid(), "director", "局长", Guid.NewGuid(), parentUnit, true,
            new HashSet<Role> { Role.Staff }, new HashSet<Guid> { parentUnit, journey.BranchUnitId });

        Assert.True(Sees(leader, journey.Case));
    }

    [Fact]
    public void Leader_of_the_unit_held_accountable_sees_the_case()
    {
        var journey = CaseJourney.At(CaseStatus.Submitted);

        Assert.True(Sees(journey.AccountableUnitLeader, journey.Case));
    }

    [Fact]
    public void Leader_of_an_unrelated_unit_does_not_see_the_case()
    {
        var journey = CaseJourney.At(CaseStatus.Submitted);
        var otherUnit = Guid.NewGuid();
        var leader = new Actor(Guid.NewGuid(), "other", "另一分局局长", Guid.NewGuid(), otherUnit, true,
            new HashSet<Role> { Role.Staff }, new HashSet<Guid> { otherUnit, Guid.NewGuid() });

        Assert.False(Sees(leader, journey.Case));
    }

    [Fact]
    public void Colleague_in_the_same_unit_who_is_not_a_leader_does_not_see_the_case()
    {
        var journey = CaseJourney.At(CaseStatus.Submitted);
        var colleague = new Actor(Guid.NewGuid(), "colleague", "同事", Guid.NewGuid(), journey.BranchUnitId, false,
            new HashSet<Role> { Role.Staff }, new HashSet<Guid>());

        Assert.False(Sees(colleague, journey.Case));
    }

    [Fact]
    public void System_actor_sees_nothing_by_itself()
    {
        var journey = CaseJourney.At(CaseStatus.Submitted);

        Assert.False(Sees(Actor.System("seed"), journey.Case));
    }

    [Fact]
    public void Visibility_filters_a_list_of_cases_to_the_ones_concerning_the_user()
    {
        var mine = CaseJourney.At(CaseStatus.Submitted);
        var theirs = CaseJourney.At(CaseStatus.Submitted);
        var cases = new[] { mine.Case, theirs.Case }.AsQueryable();

        var visible = cases.Where(CaseAccess.VisibleTo(mine.Applicant)).ToList();

        Assert.Equal([mine.Case], visible);
        Assert.Equal(2, cases.Where(CaseAccess.VisibleTo(mine.Investigator)).Count());
    }
}
