using System.Text.Json;
using System.Text.Json.Nodes;
using SafeHarbor.PolicyRules;
using SafeHarbor.Tests.Workflow;

namespace SafeHarbor.Tests.Policies;

/// <summary>
/// Art. 14–15: another bureau's measures are another file. A broken file is refused at load time,
/// with the file and the problem named, never half-loaded.
/// </summary>
[Article("14", "15")]
public sealed class PolicyLoadingTests : IDisposable
{
    private static readonly string ShippedFile = Path.Combine(PolicyCatalog.DefaultDirectory, "xinyang-scjg-2022-131.json");

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("safeharbor-policy-tests-");

    public void Dispose() => folder.Delete(recursive: true);

    private static JsonObject ShippedJson() =>
        JsonNode.Parse(File.ReadAllText(ShippedFile), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!.AsObject();

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    private string Write(string name, JsonObject json) => Write(name, json.ToJsonString());

    private static PolicyLoadException Refused(string path) => Assert.Throws<PolicyLoadException>(() => PolicyCatalog.LoadFile(path));

    [Fact]
    public void Unchanged_copy_of_the_shipped_file_loads()
    {
        var loaded = PolicyCatalog.LoadFile(Write("copy.json", ShippedJson()));

        Assert.Equal(Shipped.Policy131.DocumentNumber, loaded.DocumentNumber);
    }

    [Fact]
    public void Broken_json_is_refused_naming_the_file_and_the_line()
    {
        var ex = Refused(Write("broken.json", "{\n  \"id\": \"x\",\n  \"title\": \n}"));

        Assert.Contains("broken.json", ex.Message);
        Assert.Contains("格式错误", ex.Message);
        Assert.Contains("行", ex.Message);
    }

    [Fact]
    public void Unknown_field_is_refused()
    {
        var json = ShippedJson();
        json["applicationWindw"] = 7;

        var ex = Refused(Write("typo.json", json));

        Assert.Contains("typo.json", ex.Message);
        Assert.Contains("applicationWindw", ex.Message);
    }

    [Fact]
    public void Empty_file_is_refused()
    {
        var ex = Refused(Write("empty.json", "null"));

        Assert.Contains("empty.json", ex.Message);
    }

    [Fact]
    public void Unknown_rule_is_refused_naming_the_item_and_the_rule()
    {
        var json = ShippedJson();
        json["baseConditions"]![0]!["rule"] = "Art99NoSuchRule";

        var ex = Refused(Write("unknown-rule.json", json));

        Assert.Contains("unknown-rule.json", ex.Message);
        Assert.Contains("within-duties", ex.Message);
        Assert.Contains("Art99NoSuchRule", ex.Message);
        Assert.Contains("不存在", ex.Message);
        Assert.Contains("Art4WithinDutiesAndLaw", ex.Message);
    }

    [Theory]
    [InlineData("Archive")]
    [InlineData("Verify")]
    [InlineData("Vote")]
    public void Missing_duty_is_refused_naming_the_duty(string duty)
    {
        var json = ShippedJson();
        json["duties"]!.AsObject().Remove(duty);

        var ex = Refused(Write("missing-duty.json", json));

        Assert.Contains("missing-duty.json", ex.Message);
        Assert.Contains($"“{duty}”", ex.Message);
    }

    [Fact]
    public void Duty_with_no_roles_is_refused()
    {
        var json = ShippedJson();
        json["duties"]!["Guide"]!["roles"] = new JsonArray();

        var ex = Refused(Write("no-roles.json", json));

        Assert.Contains("“Guide”", ex.Message);
    }

    [Theory]
    [InlineData("quorum")]
    [InlineData("passing")]
    public void Threshold_of_3_over_2_is_refused(string which)
    {
        var json = ShippedJson();
        json["decision"]![which]!["numerator"] = 3;
        json["decision"]![which]!["denominator"] = 2;

        var ex = Refused(Write("threshold.json", json));

        Assert.Contains("threshold.json", ex.Message);
        Assert.Contains($"decision.{which}", ex.Message);
        Assert.Contains("比例须在 0 与 1 之间", ex.Message);
    }

    [Fact]
    public void Zero_denominator_is_refused()
    {
        var json = ShippedJson();
        json["decision"]!["quorum"]!["denominator"] = 0;

        Assert.Contains("decision.quorum", Refused(Write("zero.json", json)).Message);
    }

    [Fact]
    public void Duplicate_item_codes_are_refused_naming_the_code()
    {
        var json = ShippedJson();
        json["conditions"]!["items"]![1]!["code"] = "c1";

        var ex = Refused(Write("duplicate.json", json));

        Assert.Contains("duplicate.json", ex.Message);
        Assert.Contains("“c1”重复", ex.Message);
    }

    [Fact]
    public void Code_shared_between_a_base_condition_and_an_exclusion_is_refused()
    {
        var json = ShippedJson();
        json["exclusions"]![0]!["code"] = "within-duties";

        Assert.Contains("“within-duties”重复", Refused(Write("duplicate.json", json)).Message);
    }

    [Fact]
    public void Reserved_item_code_is_refused()
    {
        var json = ShippedJson();
        json["conditions"]!["items"]![0]!["code"] = "repeat";

        Assert.Contains("系统保留", Refused(Write("reserved.json", json)).Message);
    }

    [Fact]
    public void Several_problems_are_reported_together()
    {
        var json = ShippedJson();
        json["applicationWindow"]!["length"] = 0;
        json["repeat"]!["similarityThreshold"] = 1.5;
        json["outcomes"] = new JsonArray(new JsonObject { ["code"] = "Exempted", ["name"] = "予以容错免责", ["article"] = "第五条" });

        var ex = Refused(Write("several.json", json));

        Assert.Contains("applicationWindow.length", ex.Message);
        Assert.Contains("repeat.similarityThreshold", ex.Message);
        Assert.Contains("NotExempted", ex.Message);
    }

    [Fact]
    public void The_shipped_file_quotes_articles_8_9_12_and_13_for_the_pages_after_the_decision()
    {
        var policy = PolicyCatalog.LoadFile(ShippedFile);

        Assert.Equal(
            [("correction", "第八条"), ("prevention", "第九条"), ("assessment", "第十二条"), ("incentives", "第十三条")],
            policy.Provisions.Select(x => (x.Code, x.Article)));
        Assert.StartsWith("对确定容错免责的局属各单位和个人，局党组采取个别谈话、发函提醒等方式", policy.Provision(ProvisionCodes.Correction)!.Text);
        Assert.EndsWith("让他们安心、安身、安业，更好履职奉献。", policy.Provision(ProvisionCodes.Incentives)!.Text);
        Assert.Null(policy.Provision("no-such-provision"));
    }

    [Fact]
    public void A_file_without_provisions_loads_and_quotes_nothing()
    {
        var json = ShippedJson();
        json.Remove("provisions");

        var loaded = PolicyCatalog.LoadFile(Write("no-provisions.json", json));

        Assert.Empty(loaded.Provisions);
        Assert.Null(loaded.Provision(ProvisionCodes.Correction));
    }

    [Fact]
    public void An_unknown_duplicate_or_empty_provision_is_refused()
    {
        var json = ShippedJson();
        var provisions = json["provisions"]!.AsArray();
        provisions.Add(new JsonObject { ["code"] = "rewards", ["article"] = "第十四条", ["title"] = "奖励", ["text"] = "……" });
        provisions.Add(new JsonObject { ["code"] = "incentives", ["article"] = "第十三条", ["title"] = "激励", ["text"] = " " });

        var ex = Refused(Write("provisions.json", json));

        Assert.Contains("provisions 的代码“rewards”不存在", ex.Message);
        Assert.Contains("provisions 中“incentives”的 text 不能为空", ex.Message);
        Assert.Contains("provisions 的代码“incentives”重复", ex.Message);
    }

    [Fact]
    public void Effective_end_before_the_start_is_refused()
    {
        var json = ShippedJson();
        json["effectiveTo"] = "2022-01-01";

        Assert.Contains("effectiveTo 早于 effectiveFrom", Refused(Write("dates.json", json)).Message);
    }

    [Fact]
    public void Two_versions_in_force_at_the_same_time_are_refused()
    {
        var second = ShippedJson();
        second["id"] = "xinyang-scjg-2026-1";
        second["effectiveFrom"] = "2026-01-01";
        Write("a.json", ShippedJson());
        Write("b.json", second);

        var ex = Assert.Throws<PolicyLoadException>(() => PolicyCatalog.LoadFrom(folder.FullName));

        Assert.Contains("xinyang-scjg-2022-131", ex.Message);
        Assert.Contains("xinyang-scjg-2026-1", ex.Message);
        Assert.Contains("重叠", ex.Message);
    }

    [Fact]
    public void Overlapping_periods_are_refused_even_when_the_earlier_version_has_an_end()
    {
        var first = Shipped.Policy131 with { EffectiveTo = new DateOnly(2026, 1, 1) };
        var second = Shipped.Policy131 with { Id = "next", EffectiveFrom = new DateOnly(2026, 1, 1) };

        Assert.Throws<PolicyLoadException>(() => new PolicyCatalog([second, first]));
    }

    [Fact]
    public void Two_versions_with_the_same_id_are_refused()
    {
        var ex = Assert.Throws<PolicyLoadException>(() => new PolicyCatalog([Shipped.Policy131, Shipped.Policy131]));

        Assert.Contains("同一标识", ex.Message);
    }

    [Fact]
    public void Consecutive_versions_are_each_chosen_by_the_date_the_procedure_started()
    {
        var first = ShippedJson();
        first["effectiveTo"] = "2025-12-31";
        var second = ShippedJson();
        second["id"] = "xinyang-scjg-2026-1";
        second["documentNumber"] = "信市监〔2025〕99号";
        second["effectiveFrom"] = "2026-01-01";
        second["applicationWindow"]!["length"] = 10;
        second["applicationWindow"]!["unit"] = "NaturalDays";
        Write("a.json", first);
        Write("b.json", second);

        var catalog = PolicyCatalog.LoadFrom(folder.FullName);

        Assert.Equal("xinyang-scjg-2022-131", catalog.InForceOn(new DateOnly(2025, 12, 31)).Id);
        Assert.Equal("xinyang-scjg-2026-1", catalog.InForceOn(new DateOnly(2026, 1, 1)).Id);
        Assert.Equal(WindowUnit.NaturalDays, catalog.Get("xinyang-scjg-2026-1").ApplicationWindow.Unit);
        Assert.Equal(["xinyang-scjg-2022-131", "xinyang-scjg-2026-1"], catalog.All.Select(v => v.Id));
    }

    [Fact]
    public void Another_bureaus_measures_requiring_all_conditions_load_without_a_code_change()
    {
        var json = ShippedJson();
        json["id"] = "other-bureau";
        json["conditions"]!["require"] = "All";
        json["conditions"]!["items"]!.AsArray().RemoveAt(5);
        json["duties"]!["Verify"]!["roles"] = new JsonArray("PartyCommittee");

        var loaded = PolicyCatalog.LoadFile(Write("other.json", json));

        Assert.Equal(ConditionRequirement.All, loaded.Conditions.Require);
        Assert.Equal(5, loaded.Conditions.Items.Count);
        Assert.Equal([SafeHarbor.Organisation.Role.PartyCommittee], loaded.RolesFor(SafeHarbor.PolicyRules.Duty.Verify));
    }

    [Fact]
    public void Missing_directory_is_refused()
    {
        var ex = Assert.Throws<PolicyLoadException>(() => PolicyCatalog.LoadFrom(Path.Combine(folder.FullName, "nope")));

        Assert.Contains("找不到办法文件目录", ex.Message);
    }

    [Fact]
    public void Directory_without_policy_files_is_refused()
    {
        var ex = Assert.Throws<PolicyLoadException>(() => PolicyCatalog.LoadFrom(folder.FullName));

        Assert.Contains("没有任何 .json 文件", ex.Message);
    }
}
