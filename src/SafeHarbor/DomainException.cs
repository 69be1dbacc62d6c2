namespace SafeHarbor;

public enum ErrorKind
{
    /// <summary>The request itself is wrong (400).</summary>
    Invalid,
    /// <summary>The user may not do this (403).</summary>
    Forbidden,
    /// <summary>Nothing the user may see has that identity (404).</summary>
    NotFound,
    /// <summary>The thing is in a state that does not allow this now (409).</summary>
    Conflict,
    /// <summary>Stored data failed an integrity check (500): nothing is served.</summary>
    Corrupted,
}

/// <summary>
/// A rule of the procedure refused a request. <see cref="Code"/> is machine-readable and stable;
/// <see cref="Exception.Message"/> is the Chinese sentence shown to the user.
/// </summary>
public class DomainException(ErrorKind kind, string code, string message, IReadOnlyDictionary<string, string[]>? errors = null)
    : Exception(message)
{
    public ErrorKind Kind { get; } = kind;
    public string Code { get; } = code;
    public IReadOnlyDictionary<string, string[]>? Errors { get; } = errors;

    public static DomainException Invalid(string code, string message) => new(ErrorKind.Invalid, code, message);
    public static DomainException Forbidden(string code, string message) => new(ErrorKind.Forbidden, code, message);
    public static DomainException NotFound(string code, string message) => new(ErrorKind.NotFound, code, message);
    public static DomainException Conflict(string code, string message) => new(ErrorKind.Conflict, code, message);
}

/// <summary>Collects field errors so a request is validated as a whole before anything is written.</summary>
public sealed class Validation
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public Validation Require(bool condition, string field, string message)
    {
        if (!condition)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }
            list.Add(message);
        }
        return this;
    }

    public Validation RequireText(string? value, string field, string label, int maxLength)
    {
        Require(!string.IsNullOrWhiteSpace(value), field, $"请填写{label}。");
        return MaxLength(value, field, label, maxLength);
    }

    /// <summary>An optional text: checked only when given.</summary>
    public Validation MaxLength(string? value, string field, string label, int maxLength)
    {
        Require(value is null || value.Length <= maxLength, field, $"{label}不能超过 {maxLength} 个字。");
        return Printable(value, field, label);
    }

    /// <summary>
    /// Text goes into official documents: control characters, emoji and private-use characters have no
    /// glyph in the document fonts (they print as ☒ or break the file), so they are refused by name.
    /// Rare CJK characters outside the BMP (such as 𠮷) are letters and stay allowed.
    /// </summary>
    public Validation Printable(string? value, string field, string label)
    {
        if (value is not null && UnprintableIn(value) is { } bad)
        {
            Require(false, field, $"{label}含有不能打印的字符（{bad}），请删除后再提交。表情符号、控制字符等不能用于公文。");
        }
        return this;
    }

    /// <summary>The first character of <paramref name="text"/> that cannot be printed, described for the user; null when none.</summary>
    public static string? UnprintableIn(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsSurrogate(text[i]) && !char.IsSurrogatePair(text, i))
            {
                return $"不完整的字符 U+{(int)text[i]:X4}";
            }
            var rune = System.Text.Rune.GetRuneAt(text, i);
            var value = rune.Value;
            var category = System.Text.Rune.GetUnicodeCategory(rune);
            // Invisible controls (ZWJ, variation selector, tag characters and noncharacters are how emoji are built).
            var control = (category == System.Globalization.UnicodeCategory.Control && value is not ('\t' or '\n' or '\r'))
                || value is 0x200D or 0xFE0F or >= 0xE0000 and <= 0xE007F or 0xFFFE or 0xFFFF;
            if (control)
            {
                return $"控制字符 U+{value:X4}";
            }
            if (category == System.Globalization.UnicodeCategory.PrivateUse || value is >= 0x1F000 and <= 0x1FAFF)
            {
                return $"“{rune}”";
            }
            i += rune.Utf16SequenceLength - 1;
        }
        return null;
    }

    public bool IsValid => errors.Count == 0;

    public void ThrowIfInvalid()
    {
        if (!IsValid)
        {
            var first = errors.First();
            throw new DomainException(
                ErrorKind.Invalid,
                "validation-failed",
                $"提交的内容有误：{first.Value[0]}",
                errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }
    }
}
