using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using SafeHarbor.IntegrationTests.Cli;
using SafeHarbor.IntegrationTests.Support;
using SafeHarbor.PolicyRules;

namespace SafeHarbor.IntegrationTests.Policies;

/// <summary>A malformed policy file is refused as a whole, naming the file and the field (docs/policy-file.md).</summary>
public sealed class MalformedPolicyTests
{
    private static PolicyFiles WithUnknownRule()
    {
        var policy = PolicyFiles.OtherBureau();
        policy["conditions"]!["items"]![2]!["rule"] = "Art4NoSuchRule";
        return new PolicyFiles().Add("other-bureau-2026.json", policy);
    }

    [Fact]
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

    [Fact]
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

    [Theory, AllDatabases]
    public async Task The_app_refuses_to_start_with_a_malformed_policy_file(Db db)
    {
        using var files = WithUnknownRule();
        await using var database = await TestDatabase.CreateAsync(db);
        var work = Directory.CreateTempSubdirectory("safeharbor-start-");
        var probe = new StartProbe(new Dictionary<string, string?>
        {
            ["Database:Provider"] = db.ToString(),
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Demo:Seed"] = "false",
            ["DataProtection:KeysDirectory"] = Path.Combine(work.FullName, "keys"),
            ["Evidence:Directory"] = Path.Combine(work.FullName, "evidence"),
            ["Policy:Directory"] = files.Directory,
        });
        try
        {
            var failure = Record.Exception(() => probe.Server);

            Assert.True(failure is not null, "the app started although its only policy file names a rule that does not exist");
            var load = Chain(failure).OfType<PolicyLoadException>().FirstOrDefault();
            Assert.True(load is not null, $"start failed, but not because of the policy file: {failure}");
            Assert.Contains("other-bureau-2026.json", load.Message);
            Assert.Contains("rule“Art4NoSuchRule”不存在", load.Message);
        }
        finally
        {
            await probe.DisposeAsync();
            work.Delete(recursive: true);
        }
    }

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            yield return x;
            if (x is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>The app as Program starts it, with the test's settings and nothing else.</summary>
    private sealed class StartProbe(Dictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(settings));
        }
    }
}
