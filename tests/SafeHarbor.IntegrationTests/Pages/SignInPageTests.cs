using System.Net;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.IntegrationTests.Support;

namespace SafeHarbor.IntegrationTests.Pages;

/// <summary>Signing in and out of the web pages with the cookie; every form carries an antiforgery token.</summary>
public sealed class SignInPageTests
{
    [Theory, AllDatabases]
    public async Task An_anonymous_visitor_is_sent_to_the_login_page_and_a_wrong_password_is_answered_next_to_the_form(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var browser = new Browser(app);

        var home = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.Status);
        Assert.StartsWith("/Account/Login", home.Location);
        var login = await browser.FollowAsync(home);
        Assert.Equal(HttpStatusCode.OK, login.Status);
        Assert.NotNull(login.Find("main form input[name='Input.UserName']"));
        Assert.Empty(login.MenuTexts);

        var wrong = await browser.SignInAsync("staffA", "Wrong@2026x");
        Assert.Equal(HttpStatusCode.OK, wrong.Status);
        Assert.Contains("用户名或密码错误", wrong.Find("main form .validation-summary-errors")?.TextContent);
        Assert.Equal("staffA", (wrong.Form("main form").QuerySelector("input[name='Input.UserName']") as AngleSharp.Html.Dom.IHtmlInputElement)?.Value);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).Status);

        var unknown = await browser.SignInAsync("nobody");
        Assert.Contains("用户名或密码错误", unknown.Summary);

        var empty = await browser.SignInAsync("", "");
        Assert.Equal("请填写用户名。", empty.FieldError("Input.UserName"));
        Assert.Equal("请填写密码。", empty.FieldError("Input.Password"));
    }

    [Theory, AllDatabases]
    public async Task A_signed_in_user_sees_name_unit_and_roles_in_the_header_and_signs_out_back_to_the_login_page(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var browser = new Browser(app);

        var signedIn = await browser.SignInAsync("inv");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        Assert.Equal("/", signedIn.Location);
        var cookie = Assert.Single(signedIn.SetCookies, c => c.StartsWith("SafeHarbor=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);

        var home = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Equal("刘纪检", home.TextOf("[data-testid=user-name]"));
        Assert.Contains("机关纪委", home.TextOf("#who-am-i"));
        Assert.Equal("局机关纪委", home.TextOf("[data-testid=user-roles]"));

        // Signing out posts the antiforgery token of a page rendered for this user.
        var token = FormFields.Of((await browser.GetAsync("/Cases/New")).Form("main form"))["__RequestVerificationToken"];
        Assert.False(string.IsNullOrEmpty(token));
        var signedOut = await browser.PostAsync("/Account/Logout", new FormFields().Add("__RequestVerificationToken", token!));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.Status);
        Assert.Equal("/Account/Login", signedOut.Location);
        var after = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.Status);
        Assert.StartsWith("/Account/Login", after.Location);
    }

    [Theory, AllDatabases]
    public async Task The_sign_out_button_in_the_header_carries_the_antiforgery_token_and_signs_out(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var browser = await Browser.SignedInAsync(app, "staffA");
        var home = await browser.GetAsync("/");

        var form = home.Form("header form[action='/Account/Logout']");
        Assert.True(form.QuerySelector("input[name=__RequestVerificationToken]") is not null,
            "the 退出 form renders no antiforgery token, so pressing it is refused with 400: " + form.OuterHtml);
        var signedOut = await browser.SubmitAsync(home, "header form[action='/Account/Logout']");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.Status);
        Assert.Equal("/Account/Login", signedOut.Location);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).Status);
    }

    [Theory, AllDatabases]
    public async Task A_post_without_the_antiforgery_token_is_refused_with_400(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var browser = await Browser.SignedInAsync(app, "staffA");

        var logoutFields = new FormFields();
        var refusedLogout = await browser.PostAsync("/Account/Logout", logoutFields);
        Assert.Equal(HttpStatusCode.BadRequest, refusedLogout.Status);
        Assert.Contains("请求有误", refusedLogout.Text);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).Status); // still signed in

        using var anonymous = new Browser(app);
        var login = await anonymous.GetAsync("/Account/Login");
        var noToken = FormFields.Of(login.Form("main form")).Remove("__RequestVerificationToken")
            .Set("Input.UserName", "staffA").Set("Input.Password", TestApp.Password);
        var refusedLogin = await anonymous.PostAsync("/Account/Login", noToken);
        Assert.Equal(HttpStatusCode.BadRequest, refusedLogin.Status);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/")).Status);
    }

    [Theory, AllDatabases]
    public async Task After_signing_in_the_user_returns_to_the_page_asked_for_but_never_to_another_site(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var c = await new Support.Procedure(app).RegisterAsync("staffA");
        using var browser = new Browser(app);

        var asked = await browser.GetAsync($"/Cases/{c.Id}");
        Assert.Equal(HttpStatusCode.Redirect, asked.Status);
        var login = await browser.FollowAsync(asked);
        Assert.Equal($"/Cases/{c.Id}", FormFields.Of(login.Form("main form"))["ReturnUrl"]);
        var signedIn = await browser.SubmitAsync(login, "main form", f => f.Set("Input.UserName", "staffA").Set("Input.Password", TestApp.Password));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        Assert.Equal($"/Cases/{c.Id}", signedIn.Location);

        using var other = new Browser(app);
        var outside = await other.GetAsync("/Account/Login?ReturnUrl=https%3A%2F%2Fevil.example%2F");
        var away = await other.SubmitAsync(outside, "main form", f => f.Set("Input.UserName", "staffA").Set("Input.Password", TestApp.Password));
        Assert.Equal(HttpStatusCode.Redirect, away.Status);
        Assert.Equal("/", away.Location);
    }

    [Theory, AllDatabases]
    public async Task Five_wrong_passwords_lock_the_account_and_the_login_page_says_so(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var browser = new Browser(app);
        for (var i = 0; i < 4; i++)
        {
            Assert.Contains("用户名或密码错误", (await browser.SignInAsync("staffA2", "Wrong@2026x")).Summary);
        }
        var locked = await browser.SignInAsync("staffA2", "Wrong@2026x");
        Assert.Contains("登录失败次数过多", locked.Summary);
        var evenRight = await browser.SignInAsync("staffA2");
        Assert.Equal(HttpStatusCode.OK, evenRight.Status);
        Assert.Contains("登录失败次数过多", evenRight.Summary);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).Status);
    }

    private static readonly (string User, string Header)[] Headers =
    [
        ("staffA", "何执法 城东分局 · 干部职工"),
        ("m1", "周书记 测试市局 · 局党组成员"),
        ("office", "孙秘书 办公室 · 局办公室（党组秘书）"),
        ("sysadmin", "系统管理员 系统管理员"),
    ];

    [Theory, AllDatabases]
    public async Task The_header_names_the_user_the_unit_and_the_roles(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        foreach (var (user, header) in Headers)
        {
            using var browser = await Browser.SignedInAsync(app, user);
            var home = await browser.GetAsync("/");
            Assert.Equal(header, Browser.Squash(home.Single("#who-am-i > span").TextContent));
        }
    }

    private static readonly (string User, string[] Shown, string[] Hidden)[] Menus =
    [
        ("inv", ["首页", "案件", "登记问责事项", "党组会议"], ["单位人员", "账号"]),
        ("office", ["首页", "案件", "登记问责事项", "党组会议"], ["单位人员"]),
        ("m1", ["首页", "案件", "党组会议"], ["登记问责事项", "单位人员"]),
        ("archivist", ["首页", "案件", "党组会议"], ["登记问责事项"]),
        ("guide", ["首页", "案件", "党组会议"], ["登记问责事项"]),
        ("staffA", ["首页", "案件"], ["登记问责事项", "党组会议", "单位人员", "账号", "节假日"]),
        ("leaderA", ["首页", "案件"], ["登记问责事项", "党组会议", "单位人员"]),
        ("sysadmin", ["首页", "单位人员", "账号", "节假日"], ["案件", "登记问责事项", "党组会议"]),
        ("auditadmin", ["首页", "安全审计"], ["案件", "登记问责事项", "党组会议", "单位人员", "账号", "角色授权"]),
        ("secadmin", ["首页", "角色授权"], ["案件", "登记问责事项", "党组会议", "单位人员", "账号", "安全审计"]),
    ];

    [Theory, AllDatabases]
    public async Task Each_role_sees_only_the_menus_it_may_use(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        foreach (var (user, shown, hidden) in Menus)
        {
            using var browser = await Browser.SignedInAsync(app, user);
            var menu = (await browser.GetAsync("/")).MenuTexts;
            foreach (var item in shown)
            {
                Assert.True(menu.Contains(item), $"{user} should see {item}; menu: {string.Join(" | ", menu)}");
            }
            foreach (var item in hidden)
            {
                Assert.False(menu.Contains(item), $"{user} should not see {item}; menu: {string.Join(" | ", menu)}");
            }
        }
    }

    [Theory, AllDatabases]
    public async Task An_account_removed_while_signed_in_is_signed_out_on_the_next_page_and_api_call(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        using var browser = await Browser.SignedInAsync(app, "staffA");
        var api = app.As("staffA");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Cases")).Status);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/cases", TestContext.Current.CancellationToken)).StatusCode);

        await app.WithDbAsync(async context =>
        {
            var user = await context.Users.SingleAsync(u => u.UserName == "staffA");
            context.Users.Remove(user);
            await context.SaveChangesAsync();
        });

        // The session's account is gone, so is its security stamp: the cookie and the token no longer sign anyone in.
        var page = await browser.GetAsync("/Cases");
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("/Account/Login", page.Location);
        var answer = await api.GetAsync("/api/cases", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
    }
}
