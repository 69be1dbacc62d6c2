using SafeHarbor.PolicyRules;

namespace SafeHarbor.Tests.Policies;

/// <summary>Art. 15: a county bureau applies the city's measures unless it (or a bureau above it) adopted its own.</summary>
public sealed class BureauPolicyTests
{
    private static readonly PolicyVersion City = PolicyCatalog.LoadFrom(PolicyCatalog.DefaultDirectory).All[0];

    // A county's own measures, in force over the same years as the city's: allowed, they apply to different bureaus.
    private static readonly PolicyVersion County = City with { Id = "baihe-2024", DocumentNumber = "白市监〔2024〕5号", Bureau = "qh-bh" };

    private static readonly PolicyCatalog Catalog = new([City, County]);

    [Fact]
    public void A_bureau_with_its_own_measures_applies_them_and_its_county_bureaus_follow_it()
    {
        var on = City.EffectiveFrom.AddYears(2);
        Assert.Equal("baihe-2024", Catalog.ForBureau(["qh-bh", "qh"]).InForceOn(on).Id);
        Assert.Equal("baihe-2024", Catalog.ForBureau(["qh-bh-town", "qh-bh", "qh"]).InForceOn(on).Id);
        Assert.Equal(City.Id, Catalog.ForBureau(["qh-ds", "qh"]).InForceOn(on).Id);
        Assert.Equal(City.Id, Catalog.ForBureau(["qh"]).InForceOn(on).Id);
        // Without a bureau (the system, a page nobody signed in to): the measures that name no bureau.
        Assert.Equal(City.Id, Catalog.InForceOn(on).Id);
        Assert.Equal(City.Id, Catalog.InForceOrLatest(on).Id);
    }

    [Fact]
    public void A_case_judged_under_a_version_finds_it_in_any_bureaus_catalog()
    {
        Assert.Same(County, Catalog.ForBureau(["qh"]).Get("baihe-2024"));
        Assert.Same(City, Catalog.ForBureau(["qh-bh", "qh"]).Get(City.Id));
        Assert.Throws<DomainException>(() => Catalog.ForBureau(["qh"]).Get("nothing"));
    }

    [Fact]
    public void Versions_of_one_bureau_may_not_overlap_while_another_bureaus_may()
    {
        var overlapping = County with { Id = "baihe-2025" };
        var e = Assert.Throws<PolicyLoadException>(() => new PolicyCatalog([City, County, overlapping]));
        Assert.Contains("施行期间重叠", e.Message);
        Assert.Contains("baihe-2024", e.Message);
    }

    [Fact]
    public void A_bureau_catalog_is_made_once()
    {
        Assert.Same(Catalog.ForBureau(["qh-bh", "qh"]), Catalog.ForBureau(["qh-bh"]));
        Assert.Same(Catalog.ForBureau(["qh-ds", "qh"]), Catalog.ForBureau(["qh"]));
        Assert.NotSame(Catalog.ForBureau(["qh"]), Catalog.ForBureau(["qh-bh"]));
    }
}
