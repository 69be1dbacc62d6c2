using System.Reflection;
using SafeHarbor.Cases;

namespace SafeHarbor.Tests.Architecture;

/// <summary>
/// STYLE.md, "Dependency rule": features use building blocks and infrastructure; building blocks never
/// use features; Cases, Calendar and PolicyRules know nothing of ASP.NET Core or EF Core; one stage
/// feature never uses another stage's types. Checked on the application assembly, not this one, with
/// the code inside lambdas and async methods counted for the type that wrote it.
/// </summary>
public sealed class DependencyRuleTests
{
    private static readonly Assembly App = typeof(Case).Assembly;

    private static readonly Lazy<AssemblyDependencies> LazyDependencies = new(() => AssemblyDependencies.Of(App));

    private static AssemblyDependencies Dependencies => LazyDependencies.Value;

    private static readonly string[] Stages =
        ["Matters", "Applications", "Verification", "Determination", "Feedback", "Publication", "Archive"];

    public static TheoryData<string> PureBlocks() => new("SafeHarbor.Cases", "SafeHarbor.Calendar", "SafeHarbor.PolicyRules");

    public static TheoryData<string> BuildingBlocks() =>
        new("SafeHarbor.Cases", "SafeHarbor.Calendar", "SafeHarbor.PolicyRules", "SafeHarbor.Organisation", "SafeHarbor.Audit");

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
    public void Building_block_never_uses_a_feature(string ns)
    {
        var violations = Dependencies.Violations(ns, "SafeHarbor.Features");

        Assert.True(violations.Count == 0, $"{ns} uses features:{Environment.NewLine}{List(violations)}");
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
