using System.Reflection;
using System.Text.RegularExpressions;
using SafeHarbor.Cases;

namespace SafeHarbor.Tests.Docs;

/// <param name="Chinese">The name the code gives the member, null when the enum has none in code.</param>
public sealed record EnumMember(string English, string? Chinese);

/// <summary>
/// Every public enum of the app and the Chinese of its members, found by reflection: an enum's Chinese is
/// what a public static <c>Chinese(this TEnum)</c> anywhere in the app returns. Enums without one still need
/// a glossary row per member, with a Chinese rendering the glossary gives.
/// </summary>
public static partial class Glossary
{
    public static IReadOnlyList<Type> PublicEnums(Assembly app) =>
        app.GetTypes().Where(t => t.IsEnum && t.IsVisible).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();

    public static IReadOnlyList<EnumMember> Members(Type enumType, Assembly app)
    {
        var chinese = app.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .FirstOrDefault(m => m.Name == "Chinese" && m.ReturnType == typeof(string)
                && m.GetParameters() is [{ } p] && p.ParameterType == enumType);
        return Enum.GetNames(enumType)
            .Select(name => new EnumMember(name, (string?)chinese?.Invoke(null, [Enum.Parse(enumType, name)])))
            .ToList();
    }

    /// <summary>
    /// The rows <paramref name="glossary"/> lacks for one enum, written as they should read. Rows count only in a
    /// section (<c>## …</c>) whose heading names the enum: Exempted under Outcome does not name VoteChoice.Exempted.
    /// </summary>
    public static IReadOnlyList<string> MissingRows(string glossary, string enumName, IReadOnlyList<EnumMember> members)
    {
        var heading = new Regex($@"^## .*\b{Regex.Escape(enumName)}\b");
        var sections = Sections(glossary).Where(s => heading.IsMatch(s.Heading)).ToList();
        if (sections.Count == 0)
        {
            return [$"## {enumName} — （中文） section", .. members.Select(Row)];
        }
        var rows = sections.SelectMany(s => s.Rows).ToList();
        return members.Where(m => !rows.Any(r => Matches(r, m))).Select(Row).ToList();

        static string Row(EnumMember m) => $"| {m.English} | {m.Chinese ?? "（中文）"} |";
    }

    private static bool Matches(string[] cells, EnumMember m) =>
        cells.Length >= 2 && cells[0] == m.English && (m.Chinese is null ? cells[1].Length > 0 && cells[1] != "（中文）" : cells[1] == m.Chinese);

    private static IEnumerable<(string Heading, List<string[]> Rows)> Sections(string glossary)
    {
        (string Heading, List<string[]> Rows)? current = null;
        foreach (var line in glossary.ReplaceLineEndings("\n").Split('\n'))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                if (current is { } done)
                {
                    yield return done;
                }
                current = (line, []);
            }
            else if (current is { } section && line.StartsWith("| ", StringComparison.Ordinal))
            {
                section.Rows.Add(line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray());
            }
        }
        if (current is { } last)
        {
            yield return last;
        }
    }
}

/// <summary>docs/glossary.md is the bridge between the code's English names and the users' Chinese: every public enum, every member.</summary>
public sealed class GlossaryTests
{
    private static readonly Assembly App = typeof(Case).Assembly;

    private static readonly Lazy<string> Text = new(() =>
        File.ReadAllText(Path.Combine(GeneratedDocs.RepositoryRoot(), "docs", "glossary.md")));

    public static TheoryData<string> Enums() => new(Glossary.PublicEnums(App).Select(t => t.FullName!));

    [Theory, MemberData(nameof(Enums))]
    public void Glossary_names_every_member_of_every_public_enum(string enumName)
    {
        var type = App.GetType(enumName)!;

        var missing = Glossary.MissingRows(Text.Value, type.Name, Glossary.Members(type, App));

        Assert.True(missing.Count == 0,
            $"docs/glossary.md lacks, under a heading naming {type.Name}:{Environment.NewLine}{string.Join(Environment.NewLine, missing)}");
    }

    [Fact]
    public void Enums_are_found_in_every_part_of_the_app()
    {
        var names = Glossary.PublicEnums(App).Select(t => t.Name).ToList();

        string[] expected = ["CaseStatus", "Verdict", "DayKind", "DocumentKind", "Role", "CorrectionStage", "PlanStatus", "MeasureState",
            "AbuseKind", "AbuseReportStatus", "CommendationKind", "PreventionDimension", "MeetingStatus", "VoteChoice", "DatabaseProvider"];

        Assert.Empty(expected.Except(names));
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Fact]
    public void A_members_Chinese_is_what_the_code_shows_users()
    {
        Assert.Contains(new EnumMember("Registered", "待申请"), Glossary.Members(typeof(CaseStatus), App));
        Assert.Contains(new EnumMember("Abstain", "弃权"), Glossary.Members(App.GetType("SafeHarbor.Features.Determination.VoteChoice")!, App));
        Assert.Contains(new EnumMember("Open", null), Glossary.Members(App.GetType("SafeHarbor.Features.Determination.MeetingStatus")!, App));
    }

    [Fact]
    public void A_public_enum_added_without_a_section_fails_the_check()
    {
        var missing = Glossary.MissingRows(Text.Value, nameof(NewlyAddedKind), Glossary.Members(typeof(NewlyAddedKind), App));

        Assert.Equal(["## NewlyAddedKind — （中文） section", "| First | （中文） |"], missing);
    }

    [Fact]
    public void A_member_added_without_a_row_fails_the_check()
    {
        var members = Glossary.Members(typeof(CaseStatus), App).Append(new EnumMember("Reopened", "已重新打开")).ToList();

        Assert.Equal(["| Reopened | 已重新打开 |"], Glossary.MissingRows(Text.Value, nameof(CaseStatus), members));
    }

    [Fact]
    public void A_row_with_other_Chinese_than_the_code_fails_the_check()
    {
        var glossary = Text.Value.Replace("| Registered | 待申请 |", "| Registered | 已登记 |", StringComparison.Ordinal);

        Assert.Equal(["| Registered | 待申请 |"], Glossary.MissingRows(glossary, nameof(CaseStatus), Glossary.Members(typeof(CaseStatus), App)));
    }

    [Fact]
    public void A_row_under_another_enums_heading_does_not_count()
    {
        const string glossary = """
            ## Outcome — 认定结果

            | English | 中文 |
            |---|---|
            | Exempted | 予以容错免责 |

            ## Later — 其他
            """;

        Assert.NotEmpty(Glossary.MissingRows(glossary, "Later", [new EnumMember("Exempted", null)]));
        Assert.Empty(Glossary.MissingRows(glossary, "Outcome", [new EnumMember("Exempted", "予以容错免责")]));
    }

    [Fact]
    public void A_member_without_Chinese_in_code_still_needs_a_Chinese_cell()
    {
        const string glossary = """
            ## MeetingStatus — 会议状态

            | English | 中文 |
            |---|---|
            | Open |  |
            | Closed | 已结束 |
            """;

        Assert.Equal(["| Open | （中文） |"],
            Glossary.MissingRows(glossary, "MeetingStatus", [new EnumMember("Open", null), new EnumMember("Closed", null)]));
    }

    /// <summary>Stands for an enum someone adds to the app tomorrow.</summary>
    public enum NewlyAddedKind
    {
        First,
    }
}
