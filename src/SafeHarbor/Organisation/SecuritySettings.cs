namespace SafeHarbor.Organisation;

/// <summary>
/// A bureau's password, second-factor and session rules, set by its 安全管理员. A bureau without a row applies
/// <see cref="Defaults"/> (GB/T 22239-2019 level 3: complex passwords, a second factor for administrators, a short idle timeout).
/// </summary>
public sealed class SecuritySettings : IBureauOwned
{
    public Guid BureauId { get; set; }

    /// <summary>Shortest password accepted.</summary>
    public int PasswordMinLength { get; set; } = 8;

    /// <summary>How many of the four classes (lower case, upper case, digits, other) a password must mix.</summary>
    public int PasswordCharacterClasses { get; set; } = 3;

    /// <summary>Days a password stays valid before it must be changed; 0: no expiry.</summary>
    public int PasswordExpiryDays { get; set; }

    /// <summary>Whether every account, not only the three administrators, must sign in with a TOTP second factor.</summary>
    public bool TwoFactorForEveryone { get; set; }

    /// <summary>Minutes without a request after which a page session ends.</summary>
    public int IdleTimeoutMinutes { get; set; } = 15;

    /// <summary>Hours after sign-in after which a page session ends however active it is.</summary>
    public int AbsoluteTimeoutHours { get; set; } = 12;

    public static SecuritySettings Defaults(Guid bureauId) => new() { BureauId = bureauId };
}
