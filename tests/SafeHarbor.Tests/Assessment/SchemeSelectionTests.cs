using SafeHarbor.Cases;
using SafeHarbor.Features.Assessment;
using SafeHarbor.Organisation;

namespace SafeHarbor.Tests.Assessment;

/// <summary>Art. 12 (体现差异化要求): the one scheme that assesses a person, by unit type, post and leading cadre.</summary>
[Article("2", "12")]
public sealed class SchemeSelectionTests
{
    private static AssessmentScheme Scheme(string name, UnitType[] types, string? keyword = null, bool leadersOnly = false, bool active = true) =>
        new() { Id = Guid.NewGuid(), Name = name, UnitTypes = [.. types], PostKeyword = keyword, LeadersOnly = leadersOnly, Active = active };

    private static SchemeSelection.Subject Branch(string post = "执法人员", bool leader = false) => new("何晓峰", UnitType.Branch, "城东分局", post, leader);

    private static readonly AssessmentScheme BranchStaff = Scheme("分局执法人员考核方案", [UnitType.Branch, UnitType.Detachment]);
    private static readonly AssessmentScheme Sections = Scheme("机关科室人员考核方案", [UnitType.Section]);
    private static readonly AssessmentScheme Leaders = Scheme("领导干部考核方案", [UnitType.Branch, UnitType.Detachment, UnitType.Section], leadersOnly: true);

    [Fact]
    public void The_scheme_of_the_persons_unit_type_applies()
    {
        Assert.Same(BranchStaff, SchemeSelection.Choose([BranchStaff, Sections], Branch()));
        Assert.Same(Sections, SchemeSelection.Choose([BranchStaff, Sections], new("黄丽", UnitType.Section, "人事科", "科员", false)));
    }

    [Fact]
    public void A_leaders_only_scheme_applies_to_leading_cadres_and_wins_over_the_scheme_for_all_staff()
    {
        Assert.Same(Leaders, SchemeSelection.Choose([BranchStaff, Leaders], Branch("分局局长", leader: true)));
        Assert.Same(BranchStaff, SchemeSelection.Choose([BranchStaff, Leaders], Branch()));
    }

    [Fact]
    public void A_post_keyword_must_occur_in_the_post_and_makes_the_scheme_more_specific()
    {
        var enforcement = Scheme("分局一线执法人员考核方案", [UnitType.Branch], keyword: "执法");
        Assert.Same(enforcement, SchemeSelection.Choose([BranchStaff, enforcement], Branch("价格监管执法人员")));
        Assert.Same(BranchStaff, SchemeSelection.Choose([BranchStaff, enforcement], Branch("登记注册窗口工作人员")));
        Assert.False(SchemeSelection.AppliesTo(enforcement, Branch("食品安全监管股股长")));
    }

    [Fact]
    public void No_applicable_scheme_is_refused_naming_the_person_and_the_unit_type()
    {
        var refusal = Assert.Throws<DomainException>(() => SchemeSelection.Choose([Sections, Scheme("旧方案", [UnitType.Branch], active: false)], Branch()));

        Assert.Equal(ErrorKind.Conflict, refusal.Kind);
        Assert.Equal("no-scheme", refusal.Code);
        Assert.Equal("没有适用于何晓峰（城东分局，分局；岗位“执法人员”；非领导干部）的考核方案。请人事科建立或启用适用于“分局”的考核方案后再考核。", refusal.Message);
    }

    [Fact]
    public void Two_equally_specific_schemes_are_refused_naming_both()
    {
        var other = Scheme("城区分局考核方案", [UnitType.Branch]);

        var refusal = Assert.Throws<DomainException>(() => SchemeSelection.Choose([BranchStaff, other, Sections], Branch()));

        Assert.Equal("several-schemes", refusal.Code);
        Assert.Contains("有 2 个考核方案同样适用于何晓峰", refusal.Message);
        Assert.Contains("“分局执法人员考核方案”", refusal.Message);
        Assert.Contains("“城区分局考核方案”", refusal.Message);

        // A leaders-only scheme and a keyword scheme are equally specific for a leader whose post has the keyword.
        var keyword = Scheme("局长考核方案", [UnitType.Branch], keyword: "局长");
        Assert.Equal("several-schemes", Assert.Throws<DomainException>(() => SchemeSelection.Choose([Leaders, keyword], Branch("分局局长", leader: true))).Code);
    }

    [Fact]
    public void The_scope_reads_as_the_page_shows_it()
    {
        Assert.Equal("分局、综合支队", SchemeSelection.DescribeScope(BranchStaff));
        Assert.Equal("分局 · 岗位含“执法” · 仅限领导干部", SchemeSelection.DescribeScope(Scheme("x", [UnitType.Branch], " 执法 ", leadersOnly: true)));
    }
}
