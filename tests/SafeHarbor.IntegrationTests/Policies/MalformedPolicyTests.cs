using SafeHarbor.IntegrationTests.Cli;
using SafeHarbor.IntegrationTests.Support;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.IntegrationTests.Policies;

/// <summary>A malformed policy file is refused as a whole, naming the file and the field (docs/policy-file.md).</summary>
public sealed class MalformedPolicyTests
{
    internal static PolicyFiles WithUnknownRule()
    {
        var policy = PolicyFiles.OtherBureau();
        policy["conditions"]!["items"]![2]!["rule"] = "Art4NoSuchRule";
        return new PolicyFiles().Add("other-bureau-2026.json", policy);
    }

    [NoDatabase("loads policy files only")]
    public void Loading_a_file_with_an_unknown_rule_or_a_bad_field_value_names_the_file_and_the_field()
    {
        using (var unknownRule = WithUnknownRule())
        {
            var e = Assert.Throws<PolicyLoadException>(() => PolicyCatalog.LoadFrom(unknownRule.Directory));
            Assert.Contains("other-bureau-2026.json", e.Message);
            Assert.Contains("条件“c3”的 rule“Art4NoSuchRule”不存在", e.Message);
        }

        var badUnit = PolicyFiles.OtherBureau();
        badUnit["applicationWindow"]!["unit"] = "Weeks";
        using (var files = new PolicyFiles().Add("weeks.json", badUnit))
        {
            var e = Assert.Throws<PolicyLoadException>(() => PolicyCatalog.LoadFrom(files.Directory));
            Assert.Contains("weeks.json", e.Message);
            Assert.Contains("字段 $.applicationWindow.unit", e.Message);
        }

        var misspelled = PolicyFiles.OtherBureau();
        misspelled["effectiveForm"] = "2026-01-01";
        using (var files = new PolicyFiles().Add("misspelled.json", misspelled))
        {
            var e = Assert.Throws<PolicyLoadException>(() => PolicyCatalog.LoadFrom(files.Directory));
            Assert.Contains("misspelled.json", e.Message);
            Assert.Contains("effectiveForm", e.Message);
        }
    }

    [NoDatabase("the policy commands open no database")]
    public async Task The_policy_commands_refuse_a_malformed_file_with_its_name_and_no_stack_trace()
    {
        using var files = WithUnknownRule();

        var list = await AdminCli.RunAsync(["policy", "list"], files.Settings);

        Assert.True(list.ExitCode != 0, list.ToString());
        Assert.Equal("", list.Output);
        Assert.Contains("办法文件 other-bureau-2026.json 有误", list.Error);
        Assert.Contains("rule“Art4NoSuchRule”不存在", list.Error);
        Assert.DoesNotContain("   at ", list.Error);
    }
}
