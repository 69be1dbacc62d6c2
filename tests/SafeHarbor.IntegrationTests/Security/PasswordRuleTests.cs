using System.Net;
using SafeHarbor.Host;
using SafeHarbor.Infrastructure.Security;
using SafeHarbor.IntegrationTests.Support;
using SafeHarbor.Organisation;

namespace SafeHarbor.IntegrationTests.Security;

public sealed class PasswordRuleTests
{
    private static readonly SecuritySettings Defaults = SecuritySettings.Defaults(Guid.Empty);
    private static readonly SecuritySettings OneClass = new() { PasswordCharacterClasses = 1 };

    [NoDatabase("the rules are a pure function of the password, the user name and the bureau's settings")]
    public void Common_passwords_patterns_the_user_name_and_too_few_classes_are_refused_each_naming_its_rule()
    {
        foreach (var common in new[] { "password1", "abcd1234", "12345678", "qwerty123", "woaini1314", "admin123", "P@ssw0rd", "PASSWORD1" })
        {
            Assert.Contains(PasswordRules.Check(common, "staffa", Defaults), e => e.Contains("常见弱密码", StringComparison.Ordinal));
        }
        Assert.Contains(PasswordRules.Check("Poiuytrewq", "someone", OneClass), e => e.Contains("键盘", StringComparison.Ordinal));
        Assert.Contains(PasswordRules.Check("zzzzzzzzzz", "someone", OneClass), e => e.Contains("同一个字符", StringComparison.Ordinal));
        Assert.Contains(PasswordRules.Check("StaffA@2026", "staffa", Defaults), e => e.Contains("用户名", StringComparison.Ordinal));
        Assert.Equal(["密码须包含小写字母、大写字母、数字、其他符号四类中的至少 3 类（本局安全策略），现在只有 2 类。"], PasswordRules.Check("harbor2026", "someone", Defaults));
        Assert.Equal(["密码至少 8 位（本局安全策略）。"], PasswordRules.Check("Ab@1xyz", "someone", Defaults));
        Assert.Empty(PasswordRules.Check(DemoData.Password, "liuzg", Defaults));
        Assert.Empty(PasswordRules.Check(TestApp.Password, "staffa", Defaults));
    }

    [Theory, AllDatabases]
    public async Task A_new_account_takes_the_bureaus_rules_as_its_security_administrator_set_them(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var admin = app.As("sysadmin");
        var common = await admin.PostJsonAsync("/api/admin/users", new { userName = "weak1", displayName = "弱密码", password = "password1" }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("常见弱密码", common.Title);
        var ownName = await admin.PostJsonAsync("/api/admin/users", new { userName = "Harbor", displayName = "含用户名", password = "harbor@2026X" }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("不能与用户名相同，也不能包含用户名", ownName.Title);

        await app.As("secadmin").PutJsonAsync("/api/security/settings", new
        {
            passwordMinLength = 12, passwordCharacterClasses = 4, passwordExpiryDays = 0, twoFactorForEveryone = false, idleTimeoutMinutes = 15, absoluteTimeoutHours = 12,
        }).OkAsync();
        var shortOne = await admin.PostJsonAsync("/api/admin/users", new { userName = "newbie", displayName = "新人", password = TestApp.Password }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("密码至少 12 位（本局安全策略）。", shortOne.Title);
        await admin.PostJsonAsync("/api/admin/users", new { userName = "newbie", displayName = "新人", password = "Long@Harbour2026" }).OkAsync();
    }
}
