using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.IntegrationTests.Admin;
using SafeHarbor.IntegrationTests.Cli;
using SafeHarbor.IntegrationTests.Persistence;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Operations;

/// <summary>
/// A new installation starts empty (no demo bureau unless <c>Demo:Seed</c> is set) and gets its first system
/// administrator from <c>admin create</c> on the server or the one-time page <c>/setup</c>, which closes (404) once
/// any account exists. Both go through one use case with the app's password rules.
/// </summary>
public sealed class FirstAdministratorTests
{
    private const string Strong = "Harbor2026x";

    private static async Task<List<string>> RolesOfAsync(EmptyDatabase database, string userName)
    {
        await using var db = database.Open();
        return await (from u in db.Users
                      join ur in db.UserRoles on u.Id equals ur.UserId
                      join r in db.Roles on ur.RoleId equals r.Id
                      where u.UserName == userName
                      select r.Name!).ToListAsync();
    }

    private static async Task<HttpStatusCode> SignInAsync(BareHost host, string userName, string password)
    {
        using var client = host.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password });
        return response.StatusCode;
    }

    [Theory, AllDatabases]
    public async Task A_new_installation_starts_without_demo_data_and_setup_makes_the_first_system_administrator_then_answers_404(Db db)
    {
        await using var database = await EmptyDatabase.CreateAsync(db);
        // Demo:Seed is not given: appsettings.json decides, as in production.
        await using var host = BareHost.Start(database.Settings());
        await using (var context = database.Open())
        {
            Assert.False(await context.Units.AnyAsync());
            Assert.False(await context.Users.AnyAsync());
        }
        var browser = new AdminBrowser(host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

        var form = await browser.GetAsync("/setup");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains("首次设置：本局和系统管理员", form.Text);

        var mismatch = await browser.PostAsync("/setup", form,
            [("Input.BureauName", "信阳市市场监督管理局"), ("Input.BureauShortName", "信市监"), ("Input.BureauCode", "xy"), ("Input.UserName", "root"), ("Input.DisplayName", "系统管理员"), ("Input.Password", Strong), ("Input.ConfirmPassword", Strong + "y")]);
        Assert.Equal(HttpStatusCode.OK, mismatch.Status);
        Assert.Equal("两次输入的密码不一致。", mismatch.MessageFor("Input.ConfirmPassword"));

        var weak = await browser.PostAsync("/setup", form,
            [("Input.BureauName", "信阳市市场监督管理局"), ("Input.BureauShortName", "信市监"), ("Input.BureauCode", "xy"), ("Input.UserName", "root"), ("Input.DisplayName", "系统管理员"), ("Input.Password", "harbor"), ("Input.ConfirmPassword", "harbor")]);
        Assert.Equal(HttpStatusCode.OK, weak.Status);
        Assert.Contains("密码至少 8 位", weak.MessageFor("Input.Password"));
        Assert.Contains("四类中的至少 3 类", weak.MessageFor("Input.Password"));

        var noBureau = await browser.PostAsync("/setup", form,
            [("Input.BureauCode", "信阳"), ("Input.UserName", "root"), ("Input.DisplayName", "系统管理员"), ("Input.Password", Strong), ("Input.ConfirmPassword", Strong)]);
        Assert.Equal(HttpStatusCode.OK, noBureau.Status);
        Assert.Equal("请填写局名称。", noBureau.MessageFor("Input.BureauName"));
        Assert.Equal("请填写发文机关代字。", noBureau.MessageFor("Input.BureauShortName"));
        Assert.Contains("局代码须为", noBureau.MessageFor("Input.BureauCode"));
        await using (var context = database.Open())
        {
            Assert.False(await context.Bureaus.AnyAsync());
        }

        var created = await browser.PostAsync("/setup", form,
            [("Input.BureauName", "信阳市市场监督管理局"), ("Input.BureauShortName", "信市监"), ("Input.BureauCode", "xy"), ("Input.UserName", "root"), ("Input.DisplayName", "系统管理员"), ("Input.Password", Strong), ("Input.ConfirmPassword", Strong)]);
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        Assert.Equal("/Account/Login", created.Location);
        Assert.Contains("已创建系统管理员“root”。请用该账号登录。", (await browser.FollowAsync(created)).Text);

        Assert.Equal(["SystemAdmin"], await RolesOfAsync(database, "root"));
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(host, "root", Strong));
        await using (var context = database.Open())
        {
            var entry = await context.AuditEntries.SingleAsync(e => e.Action == "CreateFirstAdministrator");
            Assert.Equal("首次设置（/setup 页面）", entry.ActingAs);
            // The first bureau, with its names derived from its name, owns the account, its top unit and the entry.
            var bureau = await context.Bureaus.SingleAsync();
            Assert.Equal(("xy", "信阳市市场监督管理局", "信市监", "中共信阳市市场监督管理局党组"), (bureau.Code, bureau.Name, bureau.ShortName, bureau.PartyGroup));
            Assert.Equal(bureau.Id, entry.BureauId);
            Assert.Equal(bureau.Id, (await context.Users.SingleAsync()).BureauId);
            Assert.Equal("信阳市市场监督管理局", (await context.Units.SingleAsync()).Name);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/setup")).Status);
        var again = await browser.PostAsync("/setup", form,
            [("Input.UserName", "root2"), ("Input.DisplayName", "第二位"), ("Input.Password", Strong), ("Input.ConfirmPassword", Strong)]);
        Assert.Equal(HttpStatusCode.NotFound, again.Status);
        await using (var context = database.Open())
        {
            Assert.Equal(1, await context.Users.CountAsync());
        }
    }

    [Theory, AllDatabases]
    public async Task Setup_answers_404_on_an_installation_that_has_accounts(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync("/setup");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory, AllDatabases]
    public async Task Admin_create_makes_the_first_system_administrator_after_migrate_with_the_apps_password_rules_and_only_once(Db db)
    {
        await using var database = await EmptyDatabase.CreateAsync(db);
        var settings = database.Settings();
        string[] create = ["admin", "create", "--user", "root", "--name", "系统管理员", "--password-stdin",
            "--bureau-code", "xy", "--bureau-name", "信阳市市场监督管理局", "--bureau-short-name", "信市监"];

        var beforeMigrate = await AdminCli.RunAsync(create, settings, stdin: Strong + "\n");
        Assert.True(beforeMigrate.ExitCode == 2, beforeMigrate.ToString());
        Assert.Contains("请先运行 migrate", beforeMigrate.Error);

        Assert.Equal(0, (await AdminCli.RunAsync(["migrate"], settings)).ExitCode);

        var weak = await AdminCli.RunAsync(create, settings, stdin: "harborharbor\n");
        Assert.True(weak.ExitCode == 2, weak.ToString());
        Assert.Contains("四类中的至少 3 类", weak.Error);

        var noPassword = await AdminCli.RunAsync(create, settings, stdin: "");
        Assert.True(noPassword.ExitCode == 2, noPassword.ToString());
        Assert.Contains("请填写初始密码", noPassword.Error);

        var made = await AdminCli.RunAsync(create, settings, stdin: Strong + "\n");
        Assert.True(made.ExitCode == 0, made.ToString());
        Assert.Equal(["已创建第一位系统管理员“root”（系统管理员）。请用该账号登录，建立单位、人员和其他账号。"], made.OutputLines);
        Assert.Equal(["SystemAdmin"], await RolesOfAsync(database, "root"));

        var second = await AdminCli.RunAsync(["admin", "create", "--user", "root2", "--name", "第二位", "--password-stdin",
            "--bureau-code", "xy2", "--bureau-name", "另一局", "--bureau-short-name", "另监"], settings, stdin: Strong + "\n");
        Assert.True(second.ExitCode == 2, second.ToString());
        Assert.Contains("系统中已有账号，首次设置已完成", second.Error);

        await using var host = BareHost.Start(settings);
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(host, "root", Strong));
        await using var context = database.Open();
        Assert.Equal(1, await context.Users.CountAsync());
        Assert.Equal("首次设置（命令行）", (await context.AuditEntries.SingleAsync(e => e.Action == "CreateFirstAdministrator")).ActingAs);
    }
}
