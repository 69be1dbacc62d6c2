using System.Net;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Admin;

/// <summary>Art. 14–15: every signed-in user can read the policy versions, which one is in force, and each one in full.</summary>
[Article("14", "15")]
public sealed class PolicyPagesTests
{
    [Theory, AllDatabases]
    public async Task Every_signed_in_user_sees_the_loaded_versions_and_the_one_in_force_today(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var staff = await AdminBrowser.SignInAsync(app, "staffA");

        var page = await staff.GetAsync("/Admin/Policies");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var list = page.Find("[data-testid='policy-list']")!.TextContent;
        Assert.Contains("信市监〔2022〕131号", list);
        Assert.Contains("2022-10-14 起", list);
        Assert.Equal("现行", page.Find("[data-testid='status-xinyang-scjg-2022-131']")!.TextContent.Trim());
    }

    [Theory, AllDatabases]
    public async Task A_version_reads_as_conditions_exclusions_and_duties_with_its_data_file_beside_it(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var staff = await AdminBrowser.SignInAsync(app, "inv");

        var page = await staff.GetAsync("/Admin/Policies/xinyang-scjg-2022-131");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("启动问责程序后7个工作日内提出，起算日不计入", page.Text);
        Assert.Contains("具备其中之一即可", page.Text);
        Assert.Contains("没有谋取不正当利益", page.Find("[data-testid='s-exclusions']")!.TextContent);
        Assert.Contains("受不可抗因素影响", page.Find("[data-testid='s-conditions']")!.TextContent);
        Assert.Contains("局机关纪委", page.Find("[data-testid='s-duties']")!.TextContent);
        Assert.Contains("\"id\": \"xinyang-scjg-2022-131\"", page.Find("[data-testid='policy-source']")!.TextContent);

        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/Admin/Policies/no-such-version")).Status);
    }
}
