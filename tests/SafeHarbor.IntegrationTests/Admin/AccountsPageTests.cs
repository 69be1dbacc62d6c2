using System.Net;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Admin;

/// <summary>Accounts and roles on the page, through the organisation handlers: 三员分立 is refused next to the roles.</summary>
public sealed class AccountsPageTests
{
    private static async Task<List<string>> RolesOfAsync(TestApp app, string userName) =>
        await app.WithDbAsync(d => (from u in d.Users
                                    join ur in d.UserRoles on u.Id equals ur.UserId
                                    join r in d.Roles on ur.RoleId equals r.Id
                                    where u.UserName == userName
                                    orderby r.Name
                                    select r.Name!).ToListAsync());

    [Theory, AllDatabases]
    public async Task An_account_created_on_the_page_is_listed_with_its_roles_and_person_and_can_sign_in(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var admin = await AdminBrowser.SignInAsync(app, "sysadmin");
        var page = await admin.GetAsync("/Admin/Accounts");

        var answer = await admin.PostAsync("/Admin/Accounts", page,
        [
            ("Input.UserName", "guoq"), ("Input.DisplayName", "郭强"), ("Input.Password", "Start@2026x"),
            ("Input.PersonId", app.Cast.PersonOf["leaderB"].ToString()), ("Input.Roles", "Staff"), ("Input.Roles", "Personnel"),
        ]);

        var list = await admin.FollowAsync(answer);
        Assert.Contains("已新增账号“guoq”（干部职工、人事科）", list.Text);
        var row = list.Find("tr[data-user='guoq']")!;
        Assert.Equal("干部职工、人事科", row.QuerySelector("[data-testid='roles']")!.TextContent.Trim());
        Assert.Contains("郭局长", row.TextContent);
        Assert.Contains("城西分局", row.TextContent);
        Assert.Equal(["Personnel", "Staff"], await RolesOfAsync(app, "guoq"));
        Assert.Equal(1, await app.WithDbAsync(d => d.AuditEntries.CountAsync(e => e.Action == "CreateUser")));

        var login = new AdminBrowser(app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        var form = await login.GetAsync("/Account/Login");
        var signedIn = await login.PostAsync("/Account/Login", form, [("Input.UserName", "guoq"), ("Input.Password", "Start@2026x")]);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
    }

    [Theory, AllDatabases]
    public async Task An_administrator_role_with_a_business_role_is_refused_next_to_the_roles_and_no_account_is_made(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var admin = await AdminBrowser.SignInAsync(app, "sysadmin");
        var page = await admin.GetAsync("/Admin/Accounts");

        var refused = await admin.PostAsync("/Admin/Accounts", page,
        [
            ("Input.UserName", "secadmin2"), ("Input.DisplayName", "安全管理员二"), ("Input.Password", "Start@2026x"),
            ("Input.Roles", "SecurityAdmin"), ("Input.Roles", "Investigator"),
        ]);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal("系统管理员、安全管理员、审计管理员三个角色须由不同账号担任，且不能兼任业务角色（三员分立）。", refused.MessageFor("Input.Roles"));
        Assert.Equal("secadmin2", refused.Find("input[name='Input.UserName']")!.GetAttribute("value"));
        Assert.True(refused.Find("#role-SecurityAdmin")!.HasAttribute("checked"));
        Assert.False(await app.WithDbAsync(d => d.Users.AnyAsync(u => u.UserName == "secadmin2")));

        var taken = await admin.PostAsync("/Admin/Accounts", page,
            [("Input.UserName", "staffA"), ("Input.DisplayName", "重名"), ("Input.Password", "Start@2026x"), ("Input.Roles", "Staff")]);
        Assert.Equal("用户名“staffA”已被使用（用户名在所有局中唯一）。", taken.MessageFor("Input.UserName"));
    }

    [Theory, AllDatabases]
    public async Task Changing_an_accounts_roles_takes_effect_and_mixing_in_an_administrator_role_is_refused(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var admin = await AdminBrowser.SignInAsync(app, "sysadmin");
        var url = $"/Admin/Accounts/{app.Cast.UserIdOf["staffA2"]}/Roles";
        var page = await admin.GetAsync(url);
        Assert.True(page.Find("#role-Staff")!.HasAttribute("checked"));

        var changed = await admin.FollowAsync(await admin.PostAsync(url, page, [("Input.Roles", "Staff"), ("Input.Roles", "Investigator")]));
        Assert.Contains("账号“staffA2”的角色已改为：干部职工、局机关纪委。", changed.Text);
        Assert.Equal("干部职工、局机关纪委", changed.Find("tr[data-user='staffA2'] [data-testid='roles']")!.TextContent.Trim());
        Assert.Equal(["Investigator", "Staff"], await RolesOfAsync(app, "staffA2"));

        var refused = await admin.PostAsync(url, await admin.GetAsync(url), [("Input.Roles", "AuditAdmin"), ("Input.Roles", "Staff")]);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("（三员分立）", refused.MessageFor("Input.Roles"));
        Assert.Equal(["Investigator", "Staff"], await RolesOfAsync(app, "staffA2"));

        var own = $"/Admin/Accounts/{app.Cast.UserIdOf["sysadmin"]}/Roles";
        var self = await admin.PostAsync(own, await admin.GetAsync(own), [("Input.Roles", "SystemAdmin")]);
        Assert.Equal("不能修改自己账号的角色。", self.MessageFor("Input.Roles"));

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Admin/Accounts/{Guid.NewGuid()}/Roles")).Status);
    }
}
