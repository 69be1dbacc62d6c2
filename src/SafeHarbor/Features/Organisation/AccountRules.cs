using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Security;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Organisation;

/// <summary>What the account use cases share: the separation of the three administrators, roles created on first use, Identity failures as refusals.</summary>
public static class AccountRules
{
    /// <summary>三员分立: at most one administrator role per account, and never with a business role.</summary>
    public static bool SeparationOfAdministrators(IReadOnlyCollection<Role> roles)
    {
        var admin = roles.Count(r => r is Role.SystemAdmin or Role.SecurityAdmin or Role.AuditAdmin);
        return admin == 0 || roles.Count == 1;
    }

    public static async Task EnsureRoleAsync(SafeHarborDb db, Role role, CancellationToken ct)
    {
        var name = role.ToString();
        if (!await db.Roles.AnyAsync(r => r.Name == name, ct) && !db.Roles.Local.Any(r => r.Name == name))
        {
            db.Roles.Add(new IdentityRole<Guid> { Id = Guid.NewGuid(), Name = name, NormalizedName = name.ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString() });
            await db.SaveChangesAsync(ct);
        }
    }

    public static void RequireSystemAdmin(Actor actor)
    {
        if (!actor.Has(Role.SystemAdmin))
        {
            throw DomainException.Forbidden("system-admin-only", "只有系统管理员可以维护局、单位、人员和账号。");
        }
    }

    /// <summary>User names are unique across every bureau: they sign in without naming their bureau.</summary>
    public static async Task<bool> UserNameIsFreeAsync(SafeHarborDb db, string? userName, CancellationToken ct)
    {
        var normalized = userName?.Trim().ToUpperInvariant();
        return normalized is null || !await db.Users.IgnoreQueryFilters().AnyAsync(u => u.NormalizedUserName == normalized, ct);
    }

    internal static void ThrowOnFailure(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw DomainException.Invalid("account-invalid", string.Join("；", result.Errors.Select(e => e.Description)));
        }
    }
}
