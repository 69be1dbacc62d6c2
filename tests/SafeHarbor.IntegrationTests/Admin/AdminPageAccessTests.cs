using System.Net;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Admin;

/// <summary>三员分立: units, people, accounts and next year's calendar are the system administrator's; the policy and the calendar may be read by all.</summary>
public sealed class AdminPageAccessTests
{
    [Theory, AllDatabases]
    public async Task The_system_administrator_opens_every_administration_page(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var admin = await AdminBrowser.SignInAsync(app, "sysadmin");

        var people = await admin.GetAsync("/Admin/People");
        Assert.Equal(HttpStatusCode.OK, people.Status);
        Assert.Contains("城东分局", people.Find("[data-testid='unit-tree']")!.TextContent);
        Assert.Contains("县区局", people.Find("[data-testid='unit-tree']")!.TextContent);
        Assert.Contains("何执法", people.Find("[data-testid='person-list']")!.TextContent);

        var accounts = await admin.GetAsync("/Admin/Accounts");
        Assert.Equal(HttpStatusCode.OK, accounts.Status);
        Assert.Equal("干部职工", accounts.Find("tr[data-user='staffA'] [data-testid='roles']")!.TextContent.Trim());

        // Roles are the security administrator's (三员分立).
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync($"/Admin/Roles/{app.Cast.UserIdOf["inv"]}")).Status);

        var calendar = await admin.GetAsync("/Admin/Calendar");
        Assert.Equal(HttpStatusCode.OK, calendar.Status);
        Assert.NotNull(calendar.Find("form[data-testid='add-year']"));

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Admin/Policies")).Status);
    }

    [Theory, AllDatabases]
    public async Task Other_users_are_refused_the_people_and_account_pages_but_may_read_the_policy_and_the_calendar(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        foreach (var user in new[] { "staffA", "inv", "secadmin", "auditadmin" })
        {
            using var browser = await AdminBrowser.SignInAsync(app, user);
            Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/Admin/People")).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/Admin/People?handler=Template")).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/Admin/Accounts")).Status);
            if (user != "secadmin")
            {
                Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync($"/Admin/Roles/{app.Cast.UserIdOf["staffA"]}")).Status);
            }

            var policies = await browser.GetAsync("/Admin/Policies");
            Assert.Equal(HttpStatusCode.OK, policies.Status);

            var calendar = await browser.GetAsync("/Admin/Calendar?year=2026");
            Assert.Equal(HttpStatusCode.OK, calendar.Status);
            Assert.Null(calendar.Find("form[data-testid='add-year']"));

            // Posting the forms anyway, with a valid token of their own session, changes nothing.
            var withToken = await browser.GetAsync("/Account/Login");
            var unit = await browser.PostAsync("/Admin/People?handler=AddUnit", withToken, [("NewUnit.Name", "越权新增的单位"), ("NewUnit.Type", "Section")]);
            Assert.Equal(HttpStatusCode.Forbidden, unit.Status);
            var account = await browser.PostAsync("/Admin/Accounts", withToken, [("Input.UserName", "sneaky"), ("Input.DisplayName", "越权"), ("Input.Password", "Sneaky@2026x"), ("Input.Roles", "SystemAdmin")]);
            Assert.Equal(HttpStatusCode.Forbidden, account.Status);
            var year = await browser.PostAsync("/Admin/Calendar?handler=Add", withToken, CalendarPageTests.Made_up_2027);
            Assert.Equal(HttpStatusCode.Forbidden, year.Status);
        }

        Assert.False(await app.WithDbAsync(d => Task.FromResult(d.Units.Any(u => u.Name == "越权新增的单位"))));
        Assert.False(await app.WithDbAsync(d => Task.FromResult(d.Users.Any(u => u.UserName == "sneaky"))));
    }
}
