using System.Runtime.CompilerServices;
using SafeHarbor.Cases;
using SafeHarbor.Organisation;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.Tests.Docs;

/// <summary>docs/glossary.md is the bridge between the code's English names and the users' Chinese.</summary>
public sealed class GlossaryTests
{
    public static TheoryData<string, string> Members()
    {
        var data = new TheoryData<string, string>();
        void Add<T>(Func<T, string> chinese) where T : struct, Enum
        {
            foreach (var value in Enum.GetValues<T>())
            {
                data.Add(value.ToString(), chinese(value));
            }
        }
        Add<CaseStatus>(v => v.Chinese());
        Add<CaseAction>(v => v.Chinese());
        Add<Duty>(v => v.Chinese());
        Add<Outcome>(v => v.Chinese());
        Add<Role>(v => v.Chinese());
        Add<UnitType>(v => v.Chinese());
        Add<Verdict>(v => v.Chinese());
        Add<Recommendation>(v => v.Chinese());
        return data;
    }

    [Theory, MemberData(nameof(Members))]
    public void Glossary_names_every_enum_member(string english, string chinese)
    {
        var glossary = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "glossary.md"));
        Assert.Contains($"| {english} | {chinese} |", glossary);
    }

    private static string RepoRoot([CallerFilePath] string source = "")
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(source)!); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SafeHarbor.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("SafeHarbor.slnx not found above " + source);
    }
}
