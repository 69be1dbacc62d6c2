using System.Reflection;
using Microsoft.AspNetCore.Identity;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Organisation;

namespace SafeHarbor.Infrastructure.Security;

/// <summary>
/// The password rules of the account's bureau (<see cref="SecuritySettings"/>, set by its 安全管理员): a minimum
/// length, a number of the four character classes, not the user name nor containing it, not a common password
/// (<c>CommonPasswords.txt</c>), not a keyboard or alphabet run, not one character repeated. Identity's own
/// <c>Require*</c> options are off, so each refusal is said once, in Chinese, naming its rule.
/// </summary>
public sealed class BureauPasswordValidator(SafeHarborDb db) : IPasswordValidator<AppUser>
{
    public async Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        // A new account has no bureau yet: it is being added to the bureau the context is scoped to.
        var bureauId = user.BureauId != Guid.Empty ? user.BureauId : db.ScopedBureauId;
        var rules = bureauId is { } id ? await SecurityRules.ForBureauAsync(db, id, CancellationToken.None) : SecuritySettings.Defaults(Guid.Empty);
        var errors = PasswordRules.Check(password ?? "", user.UserName, rules)
            .Select(message => new IdentityError { Code = "PasswordRule", Description = message })
            .ToArray();
        return errors.Length == 0 ? IdentityResult.Success : IdentityResult.Failed(errors);
    }
}

public static class PasswordRules
{
    private static readonly string[] Runs = ["1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm", "abcdefghijklmnopqrstuvwxyz", "1qaz2wsx3edc4rfv5tgb"];

    private static readonly Lazy<HashSet<string>> Common = new(LoadCommon);

    /// <summary>The refusals of <paramref name="password"/> under <paramref name="rules"/>, each a Chinese sentence naming its rule; empty when it is acceptable.</summary>
    public static IReadOnlyList<string> Check(string password, string? userName, SecuritySettings rules)
    {
        var errors = new List<string>();
        if (password.Length < rules.PasswordMinLength)
        {
            errors.Add($"密码至少 {rules.PasswordMinLength} 位（本局安全策略）。");
        }
        var classes = CharacterClasses(password);
        if (classes < rules.PasswordCharacterClasses)
        {
            errors.Add($"密码须包含小写字母、大写字母、数字、其他符号四类中的至少 {rules.PasswordCharacterClasses} 类（本局安全策略），现在只有 {classes} 类。");
        }
        var name = userName?.Trim();
        if (!string.IsNullOrEmpty(name) && password.Contains(name, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("密码不能与用户名相同，也不能包含用户名。");
        }
        if (IsCommon(password))
        {
            errors.Add("密码过于常见（在常见弱密码名单中），容易被猜中，请换一个。");
        }
        else if (IsSimplePattern(password))
        {
            errors.Add("密码不能是键盘或字母、数字顺序上连续的字符，也不能由同一个字符重复组成。");
        }
        return errors;
    }

    public static int CharacterClasses(string password) =>
        (password.Any(char.IsLower) ? 1 : 0) + (password.Any(char.IsUpper) ? 1 : 0) + (password.Any(char.IsDigit) ? 1 : 0)
        + (password.Any(c => !char.IsLetterOrDigit(c)) ? 1 : 0);

    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim().ToLowerInvariant());

    /// <summary>One character repeated (<c>aaaaaaaa</c>), or a stretch of a keyboard row, the alphabet or the digits, either way round.</summary>
    public static bool IsSimplePattern(string password)
    {
        var p = password.ToLowerInvariant();
        if (p.Length == 0 || p.All(c => c == p[0]))
        {
            return true;
        }
        return p.Length >= 4 && Runs.Any(run => run.Contains(p, StringComparison.Ordinal) || new string(run.Reverse().ToArray()).Contains(p, StringComparison.Ordinal));
    }

    private static HashSet<string> LoadCommon()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("SafeHarbor.Infrastructure.Security.CommonPasswords.txt")
            ?? throw new InvalidOperationException("CommonPasswords.txt is not embedded.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var word = line.Trim();
            if (word.Length > 0 && !word.StartsWith('#'))
            {
                set.Add(word.ToLowerInvariant());
            }
        }
        return set;
    }
}
