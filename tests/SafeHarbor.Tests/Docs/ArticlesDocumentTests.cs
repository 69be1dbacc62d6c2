using System.Reflection;
using SafeHarbor.Cases;
using SafeHarbor.PolicyRules;
using SafeHarbor.PolicyRules.Rules;
using static SafeHarbor.Tests.Docs.GeneratedDocs;

namespace SafeHarbor.Tests.Docs;

/// <summary>docs/articles.md maps every article of 131号 to the code and tests that carry it out; these tests keep it whole and in step.</summary>
public sealed class ArticlesDocumentTests
{
    private static readonly Lazy<PolicyVersion> Policy = new(() =>
        PolicyCatalog.LoadFrom(PolicyCatalog.DefaultDirectory).Get(Measures131.PolicyId));

    private static readonly Lazy<ArticleMap> LazyMap = new(() =>
        ArticleMap.Build(Policy.Value, typeof(ArticlesDocumentTests).Assembly, Sources("SafeHarbor.IntegrationTests")));

    private static ArticleMap Map => LazyMap.Value;

    /// <summary>Run with UPDATE_DOCS=1 to rewrite docs/articles.md instead of checking it.</summary>
    [Fact]
    public void Articles_document_matches_the_code() =>
        AssertGenerated("articles.md", Map.ToMarkdown(), "ArticleMap.ToMarkdown()");

    [Fact]
    public void Every_citation_in_the_code_names_an_article_or_clause_of_the_measures() =>
        Assert.True(Map.Problems.Count == 0, string.Join(Environment.NewLine, Map.Problems));

    [Fact]
    public void The_outline_numbers_the_articles_one_to_fifteen_and_their_clauses_from_one()
    {
        Assert.Equal(Enumerable.Range(1, 15), Measures131.Articles.Select(a => a.Number));
        foreach (var a in Measures131.Articles.Where(a => a.Items.Count > 0))
        {
            Assert.Equal(Enumerable.Range(1, a.Items.Count), a.Items.Select(i => i.Item));
        }
    }

    [Fact]
    public void Every_article_and_clause_of_the_measures_has_its_heading()
    {
        var markdown = Map.ToMarkdown();

        foreach (var a in Measures131.Articles)
        {
            Assert.Contains($"## <a id=\"art-{a.Number}\"></a>Art. {a.Number} {new Clause(a.Number).Chinese} ", markdown);
            foreach (var clause in a.Clauses)
            {
                Assert.Contains($"### Art. {clause} {clause.Chinese} ", markdown);
            }
        }
    }

    [Fact]
    public void An_article_says_no_code_exactly_when_nothing_cites_it()
    {
        foreach (var a in Measures131.Articles)
        {
            var cited = Map.Links.Any(l => l.Clause.Article == a.Number);
            Assert.True(cited != (a.NoCode is not null),
                cited ? $"Art. {a.Number} is cited by the code but the outline says it has none: {a.NoCode}"
                      : $"Art. {a.Number} is cited by nothing: say why in Measures131 (NoCode), or mark what carries it out with [Article(\"{a.Number}\")].");
        }
    }

    [Fact]
    public void Every_clause_of_the_procedure_and_of_the_conditions_is_carried_out_and_tested()
    {
        foreach (var clause in Measures131.Articles.Where(a => a.Number is 4 or 5 or 11).SelectMany(a => a.Clauses))
        {
            var kinds = Map.Links.Where(l => l.Clause == clause).Select(l => l.Kind).ToHashSet();
            Assert.True(kinds.Overlaps([LinkKind.Rule, LinkKind.Step, LinkKind.Feature, LinkKind.BuildingBlock]), $"Nothing in the code carries out Art. {clause}.");
            Assert.True(kinds.Overlaps([LinkKind.UnitTest, LinkKind.IntegrationTest]), $"No test is marked for Art. {clause}.");
        }
    }

    [Fact]
    public void Every_clause_rule_named_after_an_article_is_on_the_map()
    {
        var rules = typeof(Case).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(ClauseRule)) && !t.IsAbstract && t.Name.StartsWith("Art", StringComparison.Ordinal));

        Assert.All(rules, r => Assert.Contains(Map.Links, l => l.Kind == LinkKind.Rule && l.Name == r.Name));
    }

    [Fact]
    public void A_clause_rule_is_listed_under_the_clauses_of_the_items_it_evaluates_not_the_whole_article()
    {
        var listed = Map.Links.Where(l => l.Kind == LinkKind.Rule && l.Name == nameof(Art4ListedCondition)).Select(l => l.Clause).ToList();

        Assert.Equal(Enumerable.Range(1, 6).Select(i => new Clause(4, i)), listed);
    }

    [Fact]
    public void Every_workflow_step_either_cites_an_article_or_is_listed_as_citing_none()
    {
        var cited = Map.Links.Where(l => l.Kind == LinkKind.Step).Select(l => (l.Group, l.Name)).ToHashSet();

        foreach (var step in CaseWorkflow.Steps)
        {
            var key = (step.Action.ToString(), $"{step.From?.ToString() ?? "(new case)"} → {step.To}");
            Assert.True(cited.Contains(key) ^ Map.StepsWithoutArticle.Contains(step), $"{key} is on the map twice or not at all.");
        }
    }

    /// <summary>The integration tests are read from source; reading this project's sources the same way must find what reflection finds.</summary>
    [Fact]
    public void Reading_test_sources_finds_the_same_marked_tests_as_reflection()
    {
        var assembly = typeof(ArticlesDocumentTests).Assembly;
        var byReflection = assembly.GetTypes()
            .SelectMany(t => Marked(t).Select(c => (ArticleMap.TestName(t), c))
                .Concat(t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                    .SelectMany(m => Marked(m).Select(c => ($"{ArticleMap.TestName(t)}.{m.Name}", c)))))
            .ToHashSet();
        var bySource = Sources("SafeHarbor.Tests")
            .SelectMany(f => TestSourceScan.Find(f.Text))
            .SelectMany(found => found.Clauses.Select(c => (found.Name, c)))
            .ToHashSet();

        Assert.NotEmpty(byReflection);
        Assert.Equal(byReflection.Order(), bySource.Order());

        static IEnumerable<string> Marked(MemberInfo m) => m.GetCustomAttributes<ArticleAttribute>().SelectMany(a => a.Clauses);
    }

    [Fact]
    public void Reading_a_source_finds_class_and_method_marks_and_skips_comments()
    {
        const string source = """
            /// <summary>[Article("1")] in a comment is not a mark.</summary>
            [Article("5(2)"), Article("6")]
            public sealed class VerificationTests(TestDatabase db)
            {
                // [Article("2")]
                [Fact]
                public async Task Report_needs_a_finding() { }

                [Theory, SafeHarbor.PolicyRules.Article("5(3)")]
                [InlineData(1)]
                public void Quorum_is_counted(int n) { }

                [Fact]
                public void Unmarked() { }
            }
            """;

        var found = TestSourceScan.Find(source);

        Assert.Equal(["VerificationTests: 5(2), 6", "VerificationTests.Quorum_is_counted: 5(3)"],
            found.Select(f => $"{f.Name}: {string.Join(", ", f.Clauses)}"));
    }

    [Fact]
    public void Reading_a_source_skips_marks_inside_raw_string_literals()
    {
        var source = string.Join('\n',
            "const string Sample = \"\"\"", "    [Article(\"5(2)\")]", "    public sealed class Sample", "    \"\"\";",
            "[Article(\"6\")]", "public sealed class Real");

        Assert.Equal(["Real: 6"], TestSourceScan.Find(source).Select(f => $"{f.Name}: {string.Join(", ", f.Clauses)}"));
    }

    [Theory]
    [InlineData("第五条第（二）项：局机关纪委调查核实", "5(2)")]
    [InlineData("第十一条第（五）项", "11(5)")]
    [InlineData("第四条、第十条", "4,10")]
    [InlineData("申请前可先上传证明材料", "")]
    public void Chinese_citations_are_read_as_articles_and_clauses(string text, string expected) =>
        Assert.Equal(expected, string.Join(",", Clause.FindChinese(text)));

    [Theory]
    [InlineData(1, "一")]
    [InlineData(10, "十")]
    [InlineData(11, "十一")]
    [InlineData(15, "十五")]
    [InlineData(20, "二十")]
    [InlineData(23, "二十三")]
    public void Chinese_numerals_read_back_as_written(int n, string numeral)
    {
        Assert.Equal(numeral, Clause.Numeral(n));
        Assert.Equal(n, Clause.FromNumeral(numeral));
    }

    [Theory]
    [InlineData("5 (2)")]
    [InlineData("Art. 5")]
    [InlineData("5(二)")]
    public void A_malformed_article_attribute_is_refused(string text) =>
        Assert.Throws<FormatException>(() => Clause.Parse(text));
}
