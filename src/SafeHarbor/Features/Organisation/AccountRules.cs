using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SafeHarbor.Cases;
using SafeHarbor.Infrastructure.Persistence;
using SafeHarbor.Infrastructure.Security;
using SafeHarbor.Organisation;

namespace SafeHarbor.Features.Organisation;

/// <summary>
/// What the account use cases share: the separation of the three administrators (三员分立), roles created on first
/// use, Identity failures as refusals. The system administrator keeps accounts but grants no role; the security
/// administrator grants and withdraws roles, never on their own account; the audit administrator reviews the trail.
/// </summary>
public static class AccountRules
{
    public static readonly IReadOnlySet<Role> AdministratorRoles = new HashSet<Role> { Role.SystemAdmin, Role.SecurityAdmin, Role.AuditAdmin };

    public const string SeparationMessage = "系统管理员、安全管理员、审计管理员三个角色须由不同账号担任，且不能兼任业务角色（三员分立）。";

    /// <summary>三员分立: at most one administrator role per account, and never with a business role.</summary>
    public static bool SeparationOfAdministrators(IReadOnlyCollection<Role> roles)
    {
        var admin = roles.Count(AdministratorRoles.Contains);
        return admin == 0 || roles.Count == 1;
    }

    /// <summary>
    /// An administrator's account is linked to no person: a person's account reads that person's own cases, and none
    /// of the three administrators reads case contents.
    /// </summary>
    public static bool AdministratorWithoutPerson(IReadOnlyCollection<Role> roles, Guid? personId) =>
        personId is null || !roles.Any(AdministratorRoles.Contains);

    public const string AdministratorWithPersonMessage = "管理员账号不能关联人员（管理员不查阅案件内容）。";

    /// <summary>A person has one account: a second one would act in their name (withdraw their application, read their cases).</summary>
    public static async Task<bool> PersonHasNoAccountAsync(SafeHarborDb db, Guid? personId, Guid? exceptUserId, CancellationToken ct) =>
        personId is null || !await db.Users.AnyAsync(u => u.PersonId == personId && u.Id != exceptUserId, ct);

    /// <summary>
    /// Whether the bureau has a security administrator. Until it has one, its system administrator may make one
    /// account holding that role alone (nobody else could grant roles); from then on roles are the security
    /// administrator's to give.
    /// </summary>
    public static Task<bool> HasSecurityAdminAsync(SafeHarborDb db, CancellationToken ct)
    {
        var name = nameof(Role.SecurityAdmin);
        return (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id join u in db.Users on ur.UserId equals u.Id where r.Name == name select u.Id).AnyAsync(ct);
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

    public static void RequireSecurityAdmin(Actor actor)
    {
        if (!actor.Has(Role.SecurityAdmin))
        {
            throw DomainException.Forbidden("security-admin-only", "只有安全管理员可以授予或收回角色（三员分立）。");
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
