using Microsoft.AspNetCore.Identity;
using SafeHarbor.Organisation;

namespace SafeHarbor.Infrastructure.Persistence;

/// <summary>A user account. An account that acts in cases is linked to the person it belongs to.</summary>
public sealed class AppUser : IdentityUser<Guid>, IBureauOwned
{
    public Guid BureauId { get; set; }

    public string DisplayName { get; set; } = "";
    public Guid? PersonId { get; set; }
}
