using Microsoft.AspNetCore.Identity;
using SafeHarbor.Organisation;

namespace SafeHarbor.Infrastructure.Persistence;

/// <summary>A user account. An account that acts in cases is linked to the person it belongs to.</summary>
public sealed class AppUser : IdentityUser<Guid>, IBureauOwned
{
    public Guid BureauId { get; set; }

    public string DisplayName { get; set; } = "";
    public Guid? PersonId { get; set; }

    /// <summary>Set for an initial or reset password: the account must choose its own before anything else.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>When the current password was set (for the bureau's optional password expiry); null before the first change.</summary>
    public DateTimeOffset? PasswordChangedAt { get; set; }
}
