using System.Net;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Admin;

/// <summary>Accounts (the system administrator) and roles (the security administrator) on their pages, through the organisation handlers: refusals next to the field.</summary>
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
    public async Task An_account_created_on_the_page_is_listed_with_its_person_without_roles_and_can_sign_in(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var admin = await AdminBrowser.SignInAsync(app, "sysadmin");
        var page = await admin.GetAsync("/Admin/Accounts");
        // The bureau has its security administrator: the form offers no role at all (三员分立).
        Assert.Null(page.Find("input[name='Input.Roles']"));
        // A person who has an account is not offered for another.
        Assert.Null(page.Find($"option[value='{app.Cast.PersonOf["staffA"]}']"));

        var answer = await admin.PostAsync("/Admin/Accounts", page,
        [
            ("Input.UserName", "guoq"), ("Input.DisplayName", "郭强"), ("Input.Password", "Start@2026x"),
            ("Input.PersonId", (await NewPersonAsync(app)).ToString()),
        ]);

        var list = await admin.FollowAsync(answer);
        Assert.Contains("已新增账号“guoq”（无角色）", list.Text);
        Assert.Contains("角色请安全管理员授予", list.Text);
        var row = list.Find("tr[data-user='guoq']")!;
        Assert.Equal("无角色", row.QuerySelector("[data-testid='roles']")!.TextContent.Trim());
        Assert.Contains("郭强", row.TextContent);
        Assert.Contains("城西分局", row.TextContent);
        Assert.Empty(await RolesOfAsync(app, "guoq"));
        Assert.Equal(1, await app.WithDbAsync(d => d.AuditEntries.CountAsync(e => e.Action == "CreateUser")));

        var login = new AdminBrowser(app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        var form = await login.GetAsync("/Account/Login");
        var signedIn = await login.PostAsync("/Account/Login", form, [("Input.UserName", "guoq"), ("Input.Password", "Start@2026x")]);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
    }

    [Theory, AllDatabases]
    public async Task A_second_account_for_a_person_or_a_taken_user_name_is_refused_next_to_the_field_and_no_account_is_made(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var admin = await AdminBrowser.SignInAsync(app, "sysadmin");
        var page = await admin.GetAsync("/Admin/Accounts");

        var refused = await admin.PostAsync("/Admin/Accounts", page,
        [
            ("Input.UserName", "heshadow"), ("Input.DisplayName", "何执法二"), ("Input.Password", "Start@2026x"),
            ("Input.PersonId", app.Cast.PersonOf["staffA"].ToString()),
        ]);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal("该人员已有账号，一人只能有一个账号。", refused.MessageFor("Input.PersonId"));
        Assert.Equal("heshadow", refused.Find("input[name='Input.UserName']")!.GetAttribute("value"));
        Assert.False(await app.WithDbAsync(d => d.Users.AnyAsync(u => u.UserName == "heshadow")));

        var taken = await admin.PostAsync("/Admin/Accounts", page,
            [("Input.UserName", "staffA"), ("Input.DisplayName", "重名"), ("Input.Password", "Start@2026x")]);
        Assert.Equal("用户名“staffA”已被使用（用户名在所有局中唯一）。", taken.MessageFor("Input.UserName"));
    }

    [Theory, AllDatabases]
    public async Task The_security_administrator_changes_an_accounts_roles_and_mixing_in_an_administrator_role_is_refused(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var security = await AdminBrowser.SignInAsync(app, "secadmin");
        var list = await security.GetAsync("/Admin/Roles");
        Assert.Equal("干部职工", list.Find("tr[data-user='staffA2'] [data-testid='roles']")!.TextContent.Trim());
        Assert.Null(list.Find("tr[data-user='secadmin'] a"));
        var url = $"/Admin/Roles/{app.Cast.UserIdOf["staffA2"]}";
        var page = await security.GetAsync(url);
        Assert.True(page.Find("#role-Staff")!.HasAttribute("checked"));

        var changed = await security.FollowAsync(await security.PostAsync(url, page, [("Input.Roles", "Staff"), ("Input.Roles", "Investigator")]));
        Assert.Contains("账号“staffA2”的角色已改为：干部职工、局机关纪委。", changed.Text);
        Assert.Equal("干部职工、局机关纪委", changed.Find("tr[data-user='staffA2'] [data-testid='roles']")!.TextContent.Trim());
        Assert.Equal(["Investigator", "Staff"], await RolesOfAsync(app, "staffA2"));

        var refused = await security.PostAsync(url, await security.GetAsync(url), [("Input.Roles", "AuditAdmin"), ("Input.Roles", "Staff")]);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("（三员分立）", refused.MessageFor("Input.Roles"));
        var withPerson = await security.PostAsync(url, await security.GetAsync(url), [("Input.Roles", "AuditAdmin")]);
        Assert.Equal("管理员账号不能关联人员（管理员不查阅案件内容）。", withPerson.MessageFor("Input.Roles"));
        Assert.Equal(["Investigator", "Staff"], await RolesOfAsync(app, "staffA2"));

        var own = $"/Admin/Roles/{app.Cast.UserIdOf["secadmin"]}";
        var self = await security.PostAsync(own, await security.GetAsync(own), [("Input.Roles", "SecurityAdmin"), ("Input.Roles", "Staff")]);
        Assert.Equal(HttpStatusCode.OK, self.Status);
        Assert.Contains("不能修改自己账号的角色。", self.Text);
        Assert.Equal(["SecurityAdmin"], await RolesOfAsync(app, "secadmin"));

        Assert.Equal(HttpStatusCode.NotFound, (await security.GetAsync($"/Admin/Roles/{Guid.NewGuid()}")).Status);
    }

    /// <summary>A person of 城西分局 without an account.</summary>
    private static Task<Guid> NewPersonAsync(TestApp app) => app.WithDbAsync(async d =>
    {
        var person = new SafeHarbor.Organisation.Person { Id = Guid.NewGuid(), Name = "郭强", UnitId = app.Cast.BranchB, Post = "干部" };
        d.Persons.Add(person);
        await d.SaveChangesAsync();
        return person.Id;
    });
}
