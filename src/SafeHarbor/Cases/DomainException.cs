namespace SafeHarbor.Cases;

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
        Require(value is null || value.Length <= maxLength, field, $"{label}不能超过 {maxLength} 个字。");
        return this;
    }

    /// <summary>An optional text: checked only when given.</summary>
    public Validation MaxLength(string? value, string field, string label, int maxLength) =>
        Require(value is null || value.Length <= maxLength, field, $"{label}不能超过 {maxLength} 个字。");

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
