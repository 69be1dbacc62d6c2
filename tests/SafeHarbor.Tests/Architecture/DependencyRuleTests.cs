using System.Reflection;
using SafeHarbor.Cases;

namespace SafeHarbor.Tests.Architecture;

/// <summary>
/// STYLE.md, "Dependency rule": features use building blocks and infrastructure; building blocks use
/// only building blocks; infrastructure never uses a feature; only the host (composition root) uses
/// everything, and nothing uses it; no two components use each other, directly or around a circle;
/// Cases, Calendar and PolicyRules know nothing of ASP.NET Core or EF Core; one stage feature never
/// uses another stage's types. Checked on the application assembly, not this one, with the code inside
/// lambdas, async methods and Razor pages counted for the component that wrote it.
/// </summary>
public sealed class DependencyRuleTests
{
    private static readonly Assembly App = typeof(Case).Assembly;

    private static readonly Lazy<AssemblyDependencies> LazyDependencies = new(() => AssemblyDependencies.Of(App));

    private static AssemblyDependencies Dependencies => LazyDependencies.Value;

    private static readonly string[] Stages =
        ["Matters", "Applications", "Verification", "Determination", "Feedback", "Publication", "Archive"];

    public static TheoryData<string> PureBlocks() => new("SafeHarbor.Cases", "SafeHarbor.Calendar", "SafeHarbor.PolicyRules");

    private static readonly Lazy<ComponentGraph> LazyGraph = new(() => new ComponentGraph(Dependencies.All));

    /// <summary>Every building block the application has, found in it, so a new one is checked without being listed here.</summary>
    public static TheoryData<string> BuildingBlocks() => Of(Layer.BuildingBlock);

    public static TheoryData<string> InfrastructureAreas() => Of(Layer.Infrastructure);

    public static TheoryData<string> Features() => Of(Layer.Feature);

    private static TheoryData<string> Of(Layer layer) =>
        new(LazyGraph.Value.Components.Where(c => c.Layer == layer).Select(c => $"{Component.Root}.{c.Name}").Order(StringComparer.Ordinal));

    private static IReadOnlyList<Dependency> Uses(string ns, Func<Component, bool> forbidden) =>
        Dependencies.From(ns).Where(d => Component.Of(d.To) is { } to && to != Component.Of(d.From) && forbidden(to))
            .Distinct().OrderBy(d => d.ToString(), StringComparer.Ordinal).ToList();

    public static TheoryData<string> StageFeatures() => new(Stages.Select(s => $"SafeHarbor.Features.{s}"));

    private static string List(IEnumerable<Dependency> violations) => string.Join(Environment.NewLine, violations);

    [Fact]
    public void Rules_are_checked_on_the_application_assembly()
    {
        Assert.Equal("SafeHarbor", App.GetName().Name);
        Assert.NotEqual(typeof(DependencyRuleTests).Assembly, App);
        Assert.Contains(Dependencies.Types, t => t.FullName == "SafeHarbor.Cases.CaseWorkflow");
        Assert.DoesNotContain(Dependencies.Types, t => t.FullName == typeof(DependencyRuleTests).FullName);
    }

    [Theory]
    [MemberData(nameof(BuildingBlocks))]
    [MemberData(nameof(StageFeatures))]
    public void Every_namespace_the_rules_speak_of_has_types(string ns)
    {
        Assert.Contains(Dependencies.Types, t => t.IsIn(ns));
        Assert.NotEmpty(Dependencies.From(ns));
    }

    [Theory]
    [MemberData(nameof(PureBlocks))]
    public void Pure_building_block_knows_nothing_of_ASP_NET_Core_or_EF_Core(string ns)
    {
        var violations = Dependencies.Violations(ns, "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore");

        Assert.True(violations.Count == 0, $"{ns} uses ASP.NET Core or EF Core:{Environment.NewLine}{List(violations)}");
    }

    [Theory]
    [MemberData(nameof(BuildingBlocks))]
    public void Building_block_uses_only_building_blocks(string ns)
    {
        var violations = Uses(ns, to => to.Layer != Layer.BuildingBlock);

        Assert.True(violations.Count == 0, $"{ns} uses a feature, infrastructure or the host:{Environment.NewLine}{List(violations)}");
    }

    [Theory]
    [MemberData(nameof(InfrastructureAreas))]
    public void Infrastructure_never_uses_a_feature_or_the_host(string ns)
    {
        var violations = Uses(ns, to => to.Layer is Layer.Feature or Layer.Host);

        Assert.True(violations.Count == 0, $"{ns} uses a feature or the host:{Environment.NewLine}{List(violations)}");
    }

    [Theory]
    [MemberData(nameof(Features))]
    public void Feature_never_uses_the_host(string ns)
    {
        var violations = Uses(ns, to => to.Layer == Layer.Host);

        Assert.True(violations.Count == 0, $"{ns} uses the host:{Environment.NewLine}{List(violations)}");
    }

    [Fact]
    public void No_two_components_use_each_other_directly_or_around_a_circle()
    {
        var graph = LazyGraph.Value;

        var cycles = graph.Cycles();

        Assert.True(cycles.Count == 0, "Components in a cycle (move what they share into a building block, or to the one that owns it):"
            + Environment.NewLine + string.Join(Environment.NewLine, cycles.Select(graph.Describe)));
    }

    /// <summary>
    /// The root namespace is outside every component, so the rules above do not see it: it holds only
    /// what every part uses (the refusal every rule throws, field validation, the article attribute).
    /// </summary>
    [Fact]
    public void The_root_namespace_holds_only_what_every_component_uses()
    {
        var root = Dependencies.Types.Where(t => t.Namespace == Component.Root).Select(t => t.FullName).Order(StringComparer.Ordinal);

        Assert.Equal(["SafeHarbor.ArticleAttribute", "SafeHarbor.DomainException", "SafeHarbor.ErrorKind", "SafeHarbor.Validation"], root);
    }

    [Fact]
    public void Every_feature_and_building_block_is_in_the_graph()
    {
        var names = LazyGraph.Value.Components.Select(c => c.Name).ToHashSet();

        Assert.Contains("Documents", names);
        Assert.Contains("Audit", names);
        Assert.Contains("Features.CaseDocuments", names);
        Assert.True(names.Count(n => n.StartsWith("Features.", StringComparison.Ordinal)) >= 20, string.Join(", ", names));
    }

    [Theory]
    [MemberData(nameof(StageFeatures))]
    public void Stage_feature_never_uses_another_stages_types(string stage)
    {
        var others = Stages.Select(s => $"SafeHarbor.Features.{s}").Where(s => s != stage).ToArray();

        var violations = Dependencies.Violations(stage, others);

        Assert.True(violations.Count == 0, $"{stage} uses another stage:{Environment.NewLine}{List(violations)}");
    }

    // ---- the checker itself: it must see what is there, or every rule above passes for nothing ----

    [Fact]
    public void Checker_sees_a_method_call_into_another_namespace()
    {
        Assert.Contains(Dependencies.From("SafeHarbor.Cases"), d => d.To.FullName == "SafeHarbor.PolicyRules.PolicyVersion");
    }

    [Fact]
    public void Checker_sees_inside_lambdas_and_async_state_machines()
    {
        var me = AssemblyDependencies.Of(typeof(DependencyRuleTests).Assembly);

        var found = me.From(typeof(Probe).Namespace!).Where(d => d.From.FullName == typeof(Probe).FullName).Select(d => d.To.FullName).ToList();

        Assert.Contains(typeof(LambdaOnly).FullName!, found);
        Assert.Contains(typeof(AsyncOnly).FullName!, found);
        Assert.Contains(typeof(GenericArgumentOnly).FullName!, found);
    }

    [Fact]
    public void Checker_finds_a_cycle_between_two_features_and_names_its_edges()
    {
        var graph = new ComponentGraph(
        [
            Uses("SafeHarbor.Features.Archive", "SafeHarbor.Features.CaseDocuments"),
            Uses("SafeHarbor.Features.CaseDocuments", "SafeHarbor.Features.Archive"),
            Uses("SafeHarbor.Features.CaseDocuments", "SafeHarbor.Documents"),
        ]);

        var cycle = Assert.Single(graph.Cycles());

        Assert.Equal(["Features.Archive", "Features.CaseDocuments"], cycle.Select(c => c.Name));
        Assert.Contains("Features.Archive → Features.CaseDocuments", graph.Describe(cycle));
        Assert.Contains("Features.CaseDocuments → Features.Archive", graph.Describe(cycle));
    }

    [Fact]
    public void Checker_finds_a_cycle_around_three_components_and_none_in_a_chain()
    {
        Dependency[] chain =
        [
            Uses("SafeHarbor.Features.Inbox", "SafeHarbor.Features.Determination"),
            Uses("SafeHarbor.Features.Determination", "SafeHarbor.Features.Eligibility"),
        ];
        Assert.Empty(new ComponentGraph(chain).Cycles());

        var circle = new ComponentGraph([.. chain, Uses("SafeHarbor.Features.Eligibility", "SafeHarbor.Features.Inbox")]);

        Assert.Equal(3, Assert.Single(circle.Cycles()).Count);
    }

    [Fact]
    public void Components_are_told_apart_by_namespace()
    {
        Assert.Equal(new Component("Features.Archive", Layer.Feature), Component.Of(Type("SafeHarbor.Features.Archive.Pages")));
        Assert.Equal(new Component("Infrastructure.Web", Layer.Infrastructure), Component.Of(Type("SafeHarbor.Infrastructure.Web")));
        Assert.Equal(new Component("Documents", Layer.BuildingBlock), Component.Of(Type("SafeHarbor.Documents")));
        Assert.Equal(new Component("Host", Layer.Host), Component.Of(Type("SafeHarbor.Host.Demo")));
        Assert.Null(Component.Of(Type("Microsoft.EntityFrameworkCore")));
    }

    private static TypeName Type(string ns) => new(ns, ns + ".T");

    private static Dependency Uses(string from, string to) => new(Type(from), Type(to));

    [Fact]
    public void Namespace_match_is_by_whole_segment()
    {
        var name = new TypeName("SafeHarbor.Features.ArchiveTools", "SafeHarbor.Features.ArchiveTools.X");

        Assert.False(name.IsIn("SafeHarbor.Features.Archive"));
        Assert.True(name.IsIn("SafeHarbor.Features"));
        Assert.True(name.IsIn("SafeHarbor.Features.ArchiveTools"));
    }
}

/// <summary>Types this assembly's probe uses only from a lambda, an async method or a generic argument.</summary>
public sealed class LambdaOnly
{
    public static int Value() => 1;
}

public sealed class AsyncOnly
{
    public static Task<int> ValueAsync() => Task.FromResult(2);
}

public sealed class GenericArgumentOnly;

public static class Probe
{
    public static Func<int> Lambda() => () => LambdaOnly.Value();

    public static async Task<int> Async()
    {
        await Task.Yield();
        return await AsyncOnly.ValueAsync();
    }

    public static Func<Task<int>> AsyncLambda() => async () =>
    {
        await Task.Yield();
        return new List<GenericArgumentOnly>().Count;
    };
}
