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

    /// <summary>
    /// The most characters any one text field may hold, whatever the field: the limit every text arriving over
    /// HTTP is held to before a handler sees it (each field's own, smaller maximum is checked by its handler).
    /// </summary>
    public const int MaxAnyText = 50_000;

    /// <summary>
    /// Why a text may not be accepted in any field at all, for the user; null when it may. Checked centrally on
    /// every text that arrives (the API's JSON, every page's form): over <see cref="MaxAnyText"/> characters, a
    /// control character other than tab, line feed and carriage return (U+0000–U+001F, U+007F–U+009F: NUL cannot be
    /// stored by PostgreSQL, the others break the XML of every document of the case), a half surrogate pair.
    /// </summary>
    public static string? RefusedAnywhere(string text)
    {
        if (text.Length > MaxAnyText)
        {
            return $"超过 {MaxAnyText} 个字";
        }
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            {
                return $"含有控制字符 U+{(int)c:X4}";
            }
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return $"含有不完整的字符 U+{(int)c:X4}";
            }
        }
        return null;
    }

    /// <summary>
    /// A name or title (of a person, unit, case, meeting, account): one line of visible characters. Invisible
    /// format characters (zero-width space and joiners, word joiner, byte-order mark, direction overrides) are
    /// refused here, though multi-line text may carry them: two names that look the same must be the same, or a
    /// duplicate person or unit slips past the eye and searches miss it; a direction override can make a name read
    /// as another.
    /// </summary>
    public Validation Name(string? value, string field, string label, int maxLength)
    {
        // The name's own reason first: a zero-width joiner is also refused by Printable, under a less telling name.
        if (value is not null && InvisibleIn(value) is { } bad)
        {
            Require(false, field, $"{label}含有{bad}，请删除后再提交。名称只能是一行看得见的文字。");
        }
        return RequireText(value, field, label, maxLength);
    }

    /// <summary>The first line break or invisible format character of a name, described for the user; null when none.</summary>
    public static string? InvisibleIn(string name)
    {
        foreach (var c in name)
        {
            if (c is '\r' or '\n' or '\t')
            {
                return "换行或制表符";
            }
            if (c is >= '\u200B' and <= '\u200F' or >= '\u202A' and <= '\u202E' or >= '\u2060' and <= '\u206F' or '\uFEFF' or '\u00AD')
            {
                return $"看不见的字符 U+{(int)c:X4}";
            }
        }
        return null;
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
