using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Security;

/// <summary>
/// 三员分立 through the API: the system administrator keeps accounts and grants no role (but the bureau's first
/// security administrator); the security administrator grants and withdraws roles on other accounts; each refusal in
/// Chinese, each change an audit entry with before and after.
/// </summary>
public sealed class SeparationOfDutiesTests
{
    private static Task<List<string>> RolesOfAsync(TestApp app, Guid userId) =>
        app.WithDbAsync(d => (from ur in d.UserRoles join r in d.Roles on ur.RoleId equals r.Id where ur.UserId == userId orderby r.Name select r.Name!).ToListAsync());

    [Theory, AllDatabases]
    public async Task The_system_administrator_grants_no_role_binds_no_second_account_to_a_person_and_changes_no_roles(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var admin = app.As("sysadmin");
        var entriesBefore = await app.WithDbAsync(d => d.AuditEntries.CountAsync(e => e.Action == "CreateUser"));

        // A business role, or the administrator roles now that the bureau has its security administrator: refused.
        foreach (var role in new[] { "Investigator", "AuditAdmin", "SecurityAdmin", "SystemAdmin" })
        {
            var refused = await admin.PostJsonAsync("/api/admin/users", new { userName = $"x{role.ToLowerInvariant()}", displayName = "越权", password = TestApp.Password, roles = new[] { role } })
                .ProblemAsync(HttpStatusCode.Forbidden);
            Assert.Equal("roles-by-security-admin", refused.Code);
            Assert.StartsWith("系统管理员不能授予角色，角色由安全管理员授予（三员分立）", refused.Title);
        }
        // A second account for a person who has one would act in their name.
        var second = await admin.PostJsonAsync("/api/admin/users", new { userName = "staffa-twin", displayName = "何执法", password = TestApp.Password, personId = app.Cast.PersonOf["staffA"] })
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("该人员已有账号，一人只能有一个账号。", second.Body.GetProperty("errors").GetProperty("personId")[0].GetString());
        // Roles are not the system administrator's to change, on anyone's account, the other administrators' included.
        foreach (var target in new[] { "staffA", "auditadmin", "secadmin" })
        {
            using var put = await admin.PutJsonAsync($"/api/security/users/{app.Cast.UserIdOf[target]}/roles", new { roles = new[] { "Investigator" } });
            Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        }
        Assert.Equal(["Staff"], await RolesOfAsync(app, app.Cast.UserIdOf["staffA"]));
        Assert.Equal(["AuditAdmin"], await RolesOfAsync(app, app.Cast.UserIdOf["auditadmin"]));
        Assert.Equal(entriesBefore, await app.WithDbAsync(d => d.AuditEntries.CountAsync(e => e.Action == "CreateUser")));
        Assert.False(await app.WithDbAsync(d => d.Users.AnyAsync(u => u.UserName!.StartsWith("x") || u.UserName == "staffa-twin")));
    }

    [Theory, AllDatabases]
    public async Task The_security_administrator_grants_and_withdraws_roles_on_other_accounts_keeping_the_three_apart_and_each_change_is_audited(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var security = app.As("secadmin");
        var clerk = (await app.As("sysadmin").PostJsonAsync("/api/admin/users", new { userName = "clerk", displayName = "新办事员", password = TestApp.Password }).OkAsync()).GetProperty("id").GetGuid();
        var auditor = (await app.As("sysadmin").PostJsonAsync("/api/admin/users", new { userName = "auditor2", displayName = "审计员二", password = TestApp.Password }).OkAsync()).GetProperty("id").GetGuid();

        var granted = await security.PutJsonAsync($"/api/security/users/{clerk}/roles", new { roles = new[] { "Staff", "Investigator" } }).OkAsync();
        Assert.Equal(["Staff", "Investigator"], granted.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["Investigator", "Staff"], await RolesOfAsync(app, clerk));
        await security.PutJsonAsync($"/api/security/users/{clerk}/roles", new { roles = new[] { "Staff" } }).OkAsync();
        Assert.Equal(["Staff"], await RolesOfAsync(app, clerk));
        // An administrator role on an account of its own, linked to no person.
        await security.PutJsonAsync($"/api/security/users/{auditor}/roles", new { roles = new[] { "AuditAdmin" } }).OkAsync();
        Assert.Equal(["AuditAdmin"], await RolesOfAsync(app, auditor));

        var mixed = await security.PutJsonAsync($"/api/security/users/{clerk}/roles", new { roles = new[] { "SystemAdmin", "Staff" } }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("系统管理员、安全管理员、审计管理员三个角色须由不同账号担任，且不能兼任业务角色（三员分立）。", mixed.Body.GetProperty("errors").GetProperty("roles")[0].GetString());
        var twoAdmins = await security.PutJsonAsync($"/api/security/users/{auditor}/roles", new { roles = new[] { "AuditAdmin", "SecurityAdmin" } }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("三员分立", twoAdmins.Body.GetProperty("errors").GetProperty("roles")[0].GetString());
        var person = await security.PutJsonAsync($"/api/security/users/{app.Cast.UserIdOf["staffA"]}/roles", new { roles = new[] { "AuditAdmin" } }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("管理员账号不能关联人员（管理员不查阅案件内容）。", person.Body.GetProperty("errors").GetProperty("roles")[0].GetString());
        var own = await security.PutJsonAsync($"/api/security/users/{app.Cast.UserIdOf["secadmin"]}/roles", new { roles = new[] { "Investigator" } }).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("不能修改自己账号的角色。", own.Title);
        Assert.Equal(["SecurityAdmin"], await RolesOfAsync(app, app.Cast.UserIdOf["secadmin"]));
        Assert.Equal(HttpStatusCode.NotFound, (await security.PutJsonAsync($"/api/security/users/{Guid.NewGuid()}/roles", new { roles = new[] { "Staff" } })).StatusCode);
        // Nor does any other user grant roles, the audit administrator included.
        foreach (var user in new[] { "auditadmin", "inv" })
        {
            using var put = await app.As(user).PutJsonAsync($"/api/security/users/{clerk}/roles", new { roles = new[] { "Investigator" } });
            Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        }

        var changes = await app.WithDbAsync(d => d.AuditEntries.AsNoTracking().Where(e => e.Action == "SetRoles").OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal(3, changes.Count);
        Assert.All(changes, e => Assert.Equal("安全管理员", e.ActingAs));
        var second = JsonDocument.Parse(changes[1].Details).RootElement;
        Assert.Equal(clerk.ToString(), changes[1].EntityId);
        Assert.Equal(["局机关纪委", "干部职工"], second.GetProperty("before").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["干部职工"], second.GetProperty("after").EnumerateArray().Select(r => r.GetString()));
    }

    [Theory, AllDatabases]
    public async Task A_new_county_bureaus_system_administrator_makes_its_one_first_security_administrator_who_then_grants_the_roles(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.As("sysadmin").PostJsonAsync("/api/admin/bureaus", new
        {
            code = "test-nh", names = new { name = "南湖县市场监督管理局", shortName = "南市监" },
            adminUserName = "nhadmin", adminDisplayName = "南湖县局系统管理员", adminPassword = TestApp.Password,
        }).OkAsync();
        var county = app.As("nhadmin");

        // Not yet a security administrator: the system administrator may make one account holding that role alone.
        var mixed = await county.PostJsonAsync("/api/admin/users", new { userName = "nhsec0", displayName = "x", password = TestApp.Password, roles = new[] { "SecurityAdmin", "Staff" } })
            .ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("roles-by-security-admin", mixed.Code);
        var security = await county.PostJsonAsync("/api/admin/users", new { userName = "nhsec", displayName = "南湖县局安全管理员", password = TestApp.Password, roles = new[] { "SecurityAdmin" } }).OkAsync();
        Assert.Equal(["SecurityAdmin"], security.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        // From then on roles are the security administrator's: a second one is refused.
        var again = await county.PostJsonAsync("/api/admin/users", new { userName = "nhsec2", displayName = "x", password = TestApp.Password, roles = new[] { "SecurityAdmin" } })
            .ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("roles-by-security-admin", again.Code);

        var auditor = (await county.PostJsonAsync("/api/admin/users", new { userName = "nhaudit", displayName = "南湖县局审计管理员", password = TestApp.Password }).OkAsync()).GetProperty("id").GetGuid();
        await app.As("nhsec").PutJsonAsync($"/api/security/users/{auditor}/roles", new { roles = new[] { "AuditAdmin" } }).OkAsync();
        Assert.Equal(["AuditAdmin"], await RolesOfAsync(app, auditor));
        // The city's security administrator grants nothing in the county (another bureau's account is not found).
        Assert.Equal(HttpStatusCode.NotFound, (await app.As("secadmin").PutJsonAsync($"/api/security/users/{auditor}/roles", new { roles = new[] { "Staff" } })).StatusCode);
        Assert.True(await app.WithDbAsync(d => d.AuditEntries.IgnoreQueryFilters().AnyAsync(e => e.Action == "CreateUser" && e.Details.Contains("安全管理员"))));
    }
}
