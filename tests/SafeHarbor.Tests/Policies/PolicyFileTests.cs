using SafeHarbor.Cases;
using SafeHarbor.Organisation;
using SafeHarbor.PolicyRules;
using SafeHarbor.Tests.Workflow;

namespace SafeHarbor.Tests.Policies;

/// <summary>The shipped 131号 file says what the measures say (Art. 4, 5, 7, 10, 11, 14–15).</summary>
[Article("4", "5", "7", "10", "11", "14", "15")]
public sealed class PolicyFileTests
{
    private static readonly PolicyVersion Policy = Shipped.Policy131;

    [Fact]
    public void Shipped_policy_directory_loads()
    {
        var catalog = PolicyCatalog.LoadFrom(PolicyCatalog.DefaultDirectory);

        Assert.Contains(catalog.All, v => v.Id == "xinyang-scjg-2022-131");
    }

    [Fact]
    public void Policy_131_identifies_the_document()
    {
        Assert.Equal("xinyang-scjg-2022-131", Policy.Id);
        Assert.Equal("信市监〔2022〕131号", Policy.DocumentNumber);
        Assert.Equal("信阳市市场监督管理局", Policy.Issuer);
        Assert.Equal(new DateOnly(2022, 10, 14), Policy.IssuedOn);
        Assert.Equal(new DateOnly(2022, 10, 14), Policy.EffectiveFrom);
        Assert.Null(Policy.EffectiveTo);
        Assert.Equal(["局执法稽查科", "局人事科"], Policy.InterpretedBy);
    }

    [Fact]
    public void Application_window_is_7_working_days_not_counting_the_start_day()
    {
        var w = Policy.ApplicationWindow;

        Assert.Equal(7, w.Length);
        Assert.Equal(WindowUnit.WorkingDays, w.Unit);
        Assert.Equal(WindowAnchor.AccountabilityStart, w.Anchor);
        Assert.False(w.StartDayCounted);
        Assert.Equal("第五条第（一）项", w.Article);
        Assert.Equal("局党组", w.SubmitTo);
    }

    [Fact]
    public void Two_base_conditions_and_three_exclusions_including_article_10()
    {
        Assert.Equal(["within-duties", "bold-but-mistaken"], Policy.BaseConditions.Select(i => i.Code));
        Assert.Equal(["no-major-accident", "no-improper-benefit", "no-abuse-as-cover"], Policy.Exclusions.Select(i => i.Code));
        Assert.Equal("第十条", Policy.Exclusions.Single(i => i.Code == "no-abuse-as-cover").Article);
        Assert.Equal("Art10NoAbuseAsCover", Policy.Exclusions.Single(i => i.Code == "no-abuse-as-cover").Rule);
    }

    [Fact]
    public void Six_listed_conditions_of_which_any_one_suffices()
    {
        Assert.Equal(ConditionRequirement.AnyOne, Policy.Conditions.Require);
        Assert.Equal(["c1", "c2", "c3", "c4", "c5", "c6"], Policy.Conditions.Items.Select(i => i.Code));
        Assert.All(Policy.Conditions.Items, i => Assert.StartsWith("第四条第（", i.Article));
    }

    [Fact]
    public void Three_outcomes_and_five_result_uses()
    {
        Assert.Equal([Outcome.Exempted, Outcome.Mitigated, Outcome.NotExempted], Policy.Outcomes.Select(o => o.Code));
        Assert.Equal(5, Policy.ResultUses.Count);
        Assert.All(Policy.ResultUses, u => Assert.StartsWith("第十一条", u.Article));
    }

    [Fact]
    public void Repeat_errors_are_not_exempted_by_default_and_need_the_same_field()
    {
        Assert.Equal("第七条", Policy.Repeat.Article);
        Assert.Equal(Outcome.NotExempted, Policy.Repeat.DefaultRecommendation);
        Assert.True(Policy.Repeat.RequireSameField);
        Assert.InRange(Policy.Repeat.SimilarityThreshold, 0.01, 1.0);
    }

    [Fact]
    public void Decision_needs_more_than_half_of_the_members_entitled_to_attend()
    {
        var more = new Threshold(ThresholdComparison.MoreThan, 1, 2, VoteBase.Entitled);

        Assert.Equal("局党组", Policy.Decision.Body);
        Assert.Equal(more, Policy.Decision.Quorum);
        Assert.Equal(more, Policy.Decision.Passing);
        Assert.True(Policy.Decision.OneVotePerMatter);
    }

    [Fact]
    public void Every_duty_has_a_body_and_roles()
    {
        foreach (var duty in Enum.GetValues<Duty>().Where(d => d != Duty.Applicant))
        {
            Assert.True(Policy.Duties.TryGetValue(duty, out var holder), $"no holder for {duty}");
            Assert.NotEmpty(holder.Roles);
            Assert.False(string.IsNullOrWhiteSpace(holder.Body));
        }
        Assert.Equal([Role.Investigator], Policy.RolesFor(Duty.Verify));
        Assert.Equal([Role.PartyCommittee], Policy.RolesFor(Duty.Archive));
        Assert.Equal([Role.GuidanceGroup], Policy.RolesFor(Duty.Guide));
        Assert.Equal([Role.PartyGroupMember], Policy.RolesFor(Duty.Vote));
        Assert.Equal([Role.PartyGroupOffice], Policy.RolesFor(Duty.Secretariat));
        Assert.Equal([Role.Investigator, Role.PartyGroupOffice], Policy.RolesFor(Duty.Register));
        Assert.Equal("局机关纪委", Policy.BodyFor(Duty.Verify));
    }

    [Fact]
    public void Roles_with_a_duty_are_the_procedure_bodies_and_never_the_administrators()
    {
        var roles = new PolicyCatalog([Policy]).RolesWithDuties;

        Assert.Equal(
            new HashSet<Role> { Role.Investigator, Role.PartyGroupOffice, Role.GuidanceGroup, Role.PartyGroupMember, Role.PartyCommittee },
            roles);
        Assert.DoesNotContain(Role.SystemAdmin, roles);
        Assert.DoesNotContain(Role.SecurityAdmin, roles);
        Assert.DoesNotContain(Role.AuditAdmin, roles);
    }

    [Fact]
    public void Policy_is_not_in_force_the_day_before_it_took_effect()
    {
        var catalog = new PolicyCatalog([Policy]);

        var ex = Assert.Throws<DomainException>(() => catalog.InForceOn(new DateOnly(2022, 10, 13)));

        Assert.Equal("no-policy-in-force", ex.Code);
        Assert.Contains("2022年10月13日", ex.Message);
        Assert.Contains("没有施行中的容错免责办法", ex.Message);
        Assert.Contains("信市监〔2022〕131号", ex.Message);
    }

    [Theory]
    [InlineData(2022, 10, 14)]
    [InlineData(2026, 1, 1)]
    public void Policy_is_in_force_from_its_effective_date(int year, int month, int day)
    {
        var catalog = new PolicyCatalog([Policy]);

        Assert.Same(Policy, catalog.InForceOn(new DateOnly(year, month, day)));
    }

    [Fact]
    public void Shipped_catalog_chooses_131_for_a_matter_started_in_2026()
    {
        var catalog = PolicyCatalog.LoadFrom(PolicyCatalog.DefaultDirectory);

        Assert.Equal("xinyang-scjg-2022-131", catalog.InForceOn(new DateOnly(2026, 1, 1)).Id);
    }

    [Fact]
    public void Unknown_policy_id_is_not_found()
    {
        var catalog = new PolicyCatalog([Policy]);

        Assert.Equal("policy-not-found", Assert.Throws<DomainException>(() => catalog.Get("nope")).Code);
        Assert.False(catalog.TryGet("nope", out _));
        Assert.Same(Policy, catalog.Get(Policy.Id));
    }

    [Fact]
    public void Description_names_the_document_and_the_7_working_day_window()
    {
        var text = PolicyText.Describe(Policy);

        Assert.Contains("信市监〔2022〕131号", text);
        Assert.Contains("7个工作日", text);
        Assert.Contains("起算日不计入", text);
        Assert.Contains("[no-abuse-as-cover] 第十条", text);
        Assert.Contains("具备其中之一", text);
        Assert.Contains("须同一业务领域", text);
    }

    [Fact]
    public void Item_lookup_covers_base_conditions_exclusions_and_listed_conditions()
    {
        Assert.Equal(11, Policy.AllItems.Count());
        Assert.NotNull(Policy.FindItem("within-duties"));
        Assert.NotNull(Policy.FindItem("no-abuse-as-cover"));
        Assert.NotNull(Policy.FindItem("c6"));
        Assert.Null(Policy.FindItem("integrity-assessment"));
    }
}
