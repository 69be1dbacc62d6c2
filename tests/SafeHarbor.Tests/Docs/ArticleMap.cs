using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using SafeHarbor.Cases;
using SafeHarbor.PolicyRules;
using SafeHarbor.PolicyRules.Rules;

namespace SafeHarbor.Tests.Docs;

public enum LinkKind
{
    PolicyFile,
    Rule,
    Step,
    Feature,
    BuildingBlock,
    UnitTest,
    IntegrationTest,
}

/// <param name="Group">Where the thing lives: a feature or namespace, a test project; empty when the kind says it all.</param>
public sealed record ArticleLink(Clause Clause, LinkKind Kind, string Group, string Name);

/// <summary>
/// docs/articles.md: each article and clause of 131号 → the policy file items, rule classes, workflow steps,
/// features and tests that carry it out. Every link is found at generation time (reflection, the policy file,
/// the transition table, the integration tests' sources), never kept by hand, so moving a class or a file
/// changes the document and nothing else.
/// </summary>
public sealed partial class ArticleMap
{
    private static readonly Assembly App = typeof(Case).Assembly;

    public IReadOnlyList<ArticleLink> Links { get; }

    /// <summary>Citations the outline of the measures does not know, or attributes that do not parse: each one a reason the map is wrong.</summary>
    public IReadOnlyList<string> Problems { get; }

    public IReadOnlyList<WorkflowStep> StepsWithoutArticle { get; }

    /// <summary>Feature folders (second part of <c>SafeHarbor.Features.*</c>) none of whose types carries an article.</summary>
    public IReadOnlyList<string> FeaturesWithoutArticle { get; }

    private ArticleMap(List<ArticleLink> links, List<string> problems, IReadOnlyList<WorkflowStep> steps, IReadOnlyList<string> features)
    {
        Links = links.Distinct()
            .OrderBy(l => l.Clause).ThenBy(l => l.Kind).ThenBy(l => l.Group, StringComparer.Ordinal).ThenBy(l => l.Name, StringComparer.Ordinal)
            .ToList();
        Problems = problems;
        StepsWithoutArticle = steps;
        FeaturesWithoutArticle = features;
    }

    /// <param name="policy">The 131号 policy file as loaded.</param>
    /// <param name="unitTests">This assembly, read by reflection.</param>
    /// <param name="integrationTestSources">The integration tests' source files (path relative to the repository, text).</param>
    public static ArticleMap Build(PolicyVersion policy, Assembly unitTests, IEnumerable<(string Path, string Text)> integrationTestSources)
    {
        var links = new List<ArticleLink>();
        var problems = new List<string>();

        void Cite(string where, IEnumerable<Clause> clauses, LinkKind kind, string group, string name)
        {
            foreach (var clause in clauses)
            {
                if (Measures131.Knows(clause))
                {
                    links.Add(new(clause, kind, group, name));
                }
                else
                {
                    problems.Add($"{where} cites {clause.Chinese} ({clause}), which {Measures131.DocumentNumber} does not have.");
                }
            }
        }

        IEnumerable<Clause> Attributed(string where, MemberInfo member)
        {
            foreach (var text in member.GetCustomAttributes<ArticleAttribute>().SelectMany(a => a.Clauses))
            {
                Clause? clause = null;
                try
                {
                    clause = Clause.Parse(text);
                }
                catch (FormatException e)
                {
                    problems.Add($"{where}: {e.Message}");
                }
                if (clause is { } c)
                {
                    yield return c;
                }
            }
        }

        foreach (var (name, article) in PolicyFileItems(policy))
        {
            Cite($"Policy file item {name}", Clause.FindChinese(article), LinkKind.PolicyFile, "", name);
        }
        // Fields that carry these two articles without citing them.
        Cite("interpretedBy", [new(14)], LinkKind.PolicyFile, "", "interpretedBy");
        Cite("effectiveFrom", [new(15)], LinkKind.PolicyFile, "", "effectiveFrom, effectiveTo");

        var appTypes = App.GetTypes().Where(t => !t.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute))).ToList();

        foreach (var rule in appTypes.Where(t => t.IsSubclassOf(typeof(ClauseRule)) && !t.IsAbstract))
        {
            Cite($"Rule {rule.Name}", MostSpecific(RuleClauses(rule, policy).Concat(Attributed(rule.Name, rule))), LinkKind.Rule, "", rule.Name);
        }

        foreach (var type in appTypes.Where(t => !t.IsSubclassOf(typeof(ClauseRule)) && t.IsDefined(typeof(ArticleAttribute), false)))
        {
            var (kind, group) = Place(type);
            Cite(type.FullName!, Attributed(type.FullName!, type), kind, group, DisplayName(type));
        }

        var unlinkedSteps = new List<WorkflowStep>();
        foreach (var step in CaseWorkflow.Steps)
        {
            var cited = Clause.FindChinese(step.Rule);
            if (cited.Count == 0)
            {
                unlinkedSteps.Add(step);
            }
            Cite($"Workflow step {step.From?.ToString() ?? "(new case)"} → {step.Action}", cited, LinkKind.Step, step.Action.ToString(), StepName(step));
        }

        foreach (var type in unitTests.GetTypes())
        {
            Cite(type.FullName!, Attributed(type.FullName!, type), LinkKind.UnitTest, "", TestName(type));
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                Cite($"{type.FullName}.{method.Name}", Attributed($"{type.FullName}.{method.Name}", method), LinkKind.UnitTest, "", $"{TestName(type)}.{method.Name}");
            }
        }

        foreach (var (path, text) in integrationTestSources)
        {
            foreach (var (name, clauses) in TestSourceScan.Find(text))
            {
                var parsed = new List<Clause>();
                foreach (var c in clauses)
                {
                    try
                    {
                        parsed.Add(Clause.Parse(c));
                    }
                    catch (FormatException e)
                    {
                        problems.Add($"{path} {name}: {e.Message}");
                    }
                }
                Cite($"{path} {name}", parsed, LinkKind.IntegrationTest, "", name);
            }
        }

        var features = appTypes
            .Select(t => t.Namespace ?? "")
            .Where(ns => ns.StartsWith("SafeHarbor.Features.", StringComparison.Ordinal))
            .Select(ns => ns.Split('.')[2])
            .Distinct()
            .Except(links.Where(l => l.Kind == LinkKind.Feature).Select(l => l.Group))
            .Order(StringComparer.Ordinal)
            .ToList();

        return new ArticleMap(links, problems, unlinkedSteps, features);
    }

    /// <summary>Every item of the policy file with the article it cites, named as the file names it.</summary>
    public static IEnumerable<(string Name, string Article)> PolicyFileItems(PolicyVersion p)
    {
        yield return ("applicationWindow", p.ApplicationWindow.Article);
        foreach (var i in p.BaseConditions)
        {
            yield return ($"baseConditions {i.Code}", i.Article);
        }
        foreach (var i in p.Exclusions)
        {
            yield return ($"exclusions {i.Code}", i.Article);
        }
        yield return ("conditions", p.Conditions.Article);
        foreach (var i in p.Conditions.Items)
        {
            yield return ($"conditions {i.Code}", i.Article);
        }
        yield return ("repeat", p.Repeat.Article);
        foreach (var o in p.Outcomes)
        {
            yield return ($"outcomes {o.Code}", o.Article);
        }
        foreach (var i in p.ResultUses)
        {
            yield return ($"resultUses {i.Code}", i.Article);
        }
        foreach (var i in p.Provisions)
        {
            yield return ($"provisions {i.Code}", i.Article);
        }
        yield return ("decision", p.Decision.Article);
    }

    /// <summary>A clause rule's article from its name (<c>Art4…</c>), its clauses from the policy items it evaluates.</summary>
    private static IEnumerable<Clause> RuleClauses(Type rule, PolicyVersion policy)
    {
        if (RuleName().Match(rule.Name) is { Success: true } m)
        {
            yield return new Clause(int.Parse(m.Groups[1].Value));
        }
        foreach (var item in policy.AllItems.Where(i => i.Rule == rule.Name))
        {
            foreach (var clause in Clause.FindChinese(item.Article))
            {
                yield return clause;
            }
        }
    }

    /// <summary>Art4ListedCondition cites Art. 4 by its name and 4(1)–(6) through the file: it belongs under the clauses only.</summary>
    private static IEnumerable<Clause> MostSpecific(IEnumerable<Clause> clauses)
    {
        var all = clauses.Distinct().ToList();
        return all.Where(c => c.Item is not null || !all.Any(o => o.Article == c.Article && o.Item is not null));
    }

    private static (LinkKind Kind, string Group) Place(Type type)
    {
        var ns = type.Namespace ?? "";
        var parts = ns.Split('.');
        return parts switch
        {
            [_, "PolicyRules", ..] => (LinkKind.Rule, ""),
            [_, "Features", var feature, ..] => (LinkKind.Feature, feature),
            [_, .. var rest] when rest.Length > 0 => (LinkKind.BuildingBlock, string.Join('.', rest)),
            _ => (LinkKind.BuildingBlock, ns),
        };
    }

    public static string DisplayName(Type type)
    {
        var name = type.Name.Split('`')[0];
        return type.DeclaringType is { } outer ? $"{DisplayName(outer)}.{name}" : name;
    }

    /// <summary>A test class as its source names it (the source reading sees no outer class), so both projects' tests read alike.</summary>
    public static string TestName(Type type) => type.Name.Split('`')[0];

    private static string StepName(WorkflowStep s) =>
        $"{s.From?.ToString() ?? "(new case)"} → {s.To}";

    [GeneratedRegex(@"^Art(\d+)[A-Z]")]
    private static partial Regex RuleName();

    // ---- the document ----

    private static readonly (LinkKind Kind, string Label)[] Kinds =
    [
        (LinkKind.PolicyFile, "policy file"),
        (LinkKind.Rule, "policy rules"),
        (LinkKind.Step, "workflow steps"),
        (LinkKind.Feature, "features"),
        (LinkKind.BuildingBlock, "building blocks"),
        (LinkKind.UnitTest, "unit tests"),
        (LinkKind.IntegrationTest, "integration tests"),
    ];

    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.AppendLine($"# The measures, article by article (generated)");
        sb.AppendLine();
        sb.AppendLine("Generated by `ArticleMap` (tests/SafeHarbor.Tests/Docs) in the test `Articles_document_matches_the_code`;");
        sb.AppendLine("edit the code, not this file (`UPDATE_DOCS=1 dotnet test tests/SafeHarbor.Tests` rewrites it).");
        sb.AppendLine($"Each article and clause of {Measures131.DocumentNumber} with what carries it out and what tests it.");
        sb.AppendLine("A link on a whole article is listed under the article, one on a clause under the clause. Links are found so:");
        sb.AppendLine();
        sb.AppendLine($"- **policy file**: the `article` of each item of `PolicyRules/Policies/{Measures131.PolicyId}.json` ([policy-file.md](policy-file.md));");
        sb.AppendLine("  `interpretedBy` and the effective dates state no article and count for Art. 14 and 15.");
        sb.AppendLine("- **policy rules**: clause rule classes by their name (`Art4…`) and by the clauses of the policy items that name them as");
        sb.AppendLine("  `rule`; other types of `SafeHarbor.PolicyRules` by their `[Article]` attribute.");
        sb.AppendLine("- **workflow steps**: the citation (第…条第（…）项) in the rule of each step of the transition table ([workflow.md](workflow.md)).");
        sb.AppendLine("- **features** (`SafeHarbor.Features.*`, by folder) and **building blocks** (other namespaces): types marked");
        sb.AppendLine("  `[Article(\"5(2)\")]` (`SafeHarbor.ArticleAttribute`), placed by their namespace when this file is generated.");
        sb.AppendLine("- **unit tests**: test classes and methods marked `[Article]`, by reflection; **integration tests**: the same attribute");
        sb.AppendLine("  read from the sources under tests/SafeHarbor.IntegrationTests, which this project does not reference (a test checks");
        sb.AppendLine("  that the source reading finds in this project exactly what reflection finds).");
        sb.AppendLine();
        sb.AppendLine("| article | | links |");
        sb.AppendLine("|---|---|---|");
        foreach (var a in Measures131.Articles)
        {
            var count = Links.Count(l => l.Clause.Article == a.Number);
            sb.AppendLine($"| [Art. {a.Number}](#art-{a.Number}) | {new Clause(a.Number).Chinese} {a.Chinese} | {(count == 0 ? "no code" : count.ToString())} |");
        }

        foreach (var a in Measures131.Articles)
        {
            var article = new Clause(a.Number);
            sb.AppendLine();
            sb.AppendLine($"## <a id=\"art-{a.Number}\"></a>Art. {a.Number} {article.Chinese} {a.Chinese}");
            sb.AppendLine();
            sb.AppendLine($"*{a.English}.*");
            if (a.NoCode is { } why)
            {
                sb.AppendLine();
                sb.AppendLine($"No code: {why}.");
            }
            AppendLinks(sb, article, a.Items.Count > 0 ? "The article as a whole:" : null);
            foreach (var (item, chinese, english) in a.Items)
            {
                var clause = new Clause(a.Number, item);
                sb.AppendLine();
                sb.AppendLine($"### Art. {clause} {clause.Chinese} {chinese}");
                sb.AppendLine();
                sb.AppendLine($"*{english}.*");
                AppendLinks(sb, clause, null);
            }
        }

        sb.AppendLine();
        sb.AppendLine("## Not citing an article");
        sb.AppendLine();
        sb.AppendLine("What the system does that the measures do not name, listed so that nothing is left out silently.");
        sb.AppendLine();
        sb.AppendLine("- **workflow steps**: " + (StepsWithoutArticle.Count == 0
            ? "none"
            : string.Join(", ", StepsWithoutArticle.GroupBy(s => s.Action).Select(g => $"`{g.Key}` {g.Key.Chinese()} ({string.Join(", ", g.Select(StepName))})"))));
        sb.AppendLine("- **features**: " + (FeaturesWithoutArticle.Count == 0 ? "none" : string.Join(", ", FeaturesWithoutArticle.Select(f => $"`{f}`"))));
        return sb.ToString();
    }

    private void AppendLinks(StringBuilder sb, Clause clause, string? heading)
    {
        var here = Links.Where(l => l.Clause == clause).ToList();
        if (here.Count == 0)
        {
            return;
        }
        sb.AppendLine();
        if (heading is not null)
        {
            sb.AppendLine(heading);
            sb.AppendLine();
        }
        foreach (var (kind, label) in Kinds)
        {
            var ofKind = here.Where(l => l.Kind == kind).ToList();
            if (ofKind.Count == 0)
            {
                continue;
            }
            var entries = kind switch
            {
                LinkKind.Step => ofKind.GroupBy(l => l.Group).Select(g =>
                    $"`{g.Key}` {Enum.Parse<CaseAction>(g.Key).Chinese()} ({string.Join(", ", g.Select(l => l.Name))})"),
                LinkKind.Feature or LinkKind.BuildingBlock => ofKind.GroupBy(l => l.Group).Select(g =>
                    $"`{g.Key}` ({string.Join(", ", g.Select(l => l.Name))})"),
                _ => ofKind.Select(l => $"`{l.Name}`"),
            };
            sb.AppendLine($"- **{label}**: {string.Join(", ", entries)}");
        }
    }
}

/// <summary>
/// Finds <c>[Article(…)]</c> on test classes and methods in C# source, for the integration tests, whose
/// assembly this project does not load. Deliberately plain: one attribute list per line, above the
/// declaration it marks, nothing inside raw string literals; a test holds it to what reflection finds in
/// this project's own sources.
/// </summary>
public static partial class TestSourceScan
{
    public static IReadOnlyList<(string Name, IReadOnlyList<string> Clauses)> Find(string source)
    {
        var found = new List<(string, IReadOnlyList<string>)>();
        var pending = new List<string>();
        string? currentClass = null;
        var inRawString = false;
        foreach (var raw in source.Split('\n'))
        {
            var line = raw.Trim();
            // A raw string literal may hold C# (a test's sample source): its lines mark nothing.
            var quotes = Regex.Count(line, "\"\"\"");
            if (inRawString || quotes > 0)
            {
                inRawString ^= quotes % 2 == 1;
                continue;
            }
            if (line.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }
            if (line.StartsWith('['))
            {
                foreach (Match attribute in AttributeUse().Matches(line))
                {
                    pending.AddRange(StringLiteral().Matches(attribute.Groups[1].Value).Select(m => m.Groups[1].Value));
                }
                continue;
            }
            if (TypeDeclaration().Match(line) is { Success: true } type)
            {
                currentClass = type.Groups[1].Value;
                if (pending.Count > 0)
                {
                    found.Add((currentClass, pending.ToList()));
                }
                pending.Clear();
            }
            else if (MethodDeclaration().Match(line) is { Success: true } method && pending.Count > 0)
            {
                found.Add(($"{currentClass}.{method.Groups[1].Value}", pending.ToList()));
                pending.Clear();
            }
            else if (line.Length > 0)
            {
                pending.Clear();
            }
        }
        return found;
    }

    // The arguments are string literals, whose clauses hold parentheses of their own: "5(2)".
    [GeneratedRegex(@"(?<![\w])(?:[\w.]+\.)?Article(?:Attribute)?\(((?:""[^""]*""|[^)""])*)\)")]
    private static partial Regex AttributeUse();

    [GeneratedRegex("\"([^\"]*)\"")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\b(?:class|record|struct)\s+(\w+)")]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"^public\s+(?:static\s+)?(?:async\s+)?[\w<>\[\],.? ]+?\s+(\w+)\s*\(")]
    private static partial Regex MethodDeclaration();
}
